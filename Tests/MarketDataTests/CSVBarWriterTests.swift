import Foundation
import Testing
import TradingModel
@testable import MarketData

@Suite struct CSVBarWriterTests {
    @Test func writesHeaderIsoTimesAndShortestNumbers() {
        let text = CSVBarWriter().csv([
            Bar(time: 1_704_067_200_000, open: 30_000, high: 30_000.25, low: 0.1, close: 3.0000000000000004, volume: 1e-05),
            Bar(time: 1_704_067_200_500, open: 1, high: 2, low: 0.5, close: 1.5, volume: 0),
        ])
        #expect(text == """
            time,open,high,low,close,volume
            2024-01-01T00:00:00Z,30000,30000.25,0.1,3.0000000000000004,1e-05
            2024-01-01T00:00:00.500Z,1,2,0.5,1.5,0

            """)
    }

    @Test func generatedFilesReimportIdentically() throws {
        var generator = try SyntheticBarGenerator(seed: 99, timeframe: Timeframe(seconds: 300))
        let bars = generator.generate(count: 2_000)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("md-w-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nested/gen.csv").path
        try CSVBarWriter().write(bars, toFile: path)
        let back = try CSVBarReader().read(contentsOfFile: path)
        #expect(back.bars == bars)
        #expect(back.problems.isEmpty)
    }

    @Test func arbitraryDoublesRoundTripThroughText() throws {
        var rng = Xoshiro256StarStar(seed: 5)
        var bars: [Bar] = []
        for i in 0..<1_000 {
            let x = Double(bitPattern: rng.next() >> 2)  // positive finite doubles of every magnitude
            bars.append(Bar(time: Int64(i) * 1000, open: x, high: x * 3, low: x / 7, close: 1 / x, volume: x.squareRoot()))
        }
        let back = try CSVBarReader().read(string: CSVBarWriter().csv(bars))
        #expect(back.bars == bars)
    }
}
