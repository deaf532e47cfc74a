import Testing
import TradingCore

@Suite struct RollingCorrelationTests {
    @Test func identicalReturnsCorrelateFullyAndMirroredOnesNegatively() {
        var tracker = RollingCorrelation(instruments: 3, window: 4)
        for (a, c) in zip([100.0, 110, 99, 108.9, 98.01], [50.0, 45, 49.5, 44.55, 49.005]) {
            tracker.record(0, price: a)
            tracker.record(1, price: a * 2)
            tracker.record(2, price: c)
        }
        #expect(abs(tracker.correlation(0, 1)! - 1) < 1e-12)
        #expect(abs(tracker.correlation(0, 2)! + 1) < 1e-9)
    }

    @Test func fewerThanThreeReturnsOrAFlatSeriesGiveNoCorrelation() {
        var tracker = RollingCorrelation(instruments: 2, window: 10)
        for p in [100.0, 101, 102] { tracker.record(0, price: p); tracker.record(1, price: 7) }
        #expect(tracker.correlation(0, 1) == nil)  // two returns only, and series 1 is flat
        tracker.record(0, price: 103)
        tracker.record(1, price: 7)
        #expect(tracker.correlation(0, 1) == nil)  // flat series
    }
}
