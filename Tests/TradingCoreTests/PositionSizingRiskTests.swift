import Testing
@testable import TradingCore
import TradingModel

@Suite struct PositionSizingRiskTests {
    static let instrument = RiskFixture.instrument("AAA/USDT")  // lot 0.001, min notional 5

    @Test(arguments: [
        ("vol-target:0.01:atr:14", PositionSizing.volatilityTarget(0.01, measure: .atr, period: 14)),
        ("vol-target:0.02:stdev:20", .volatilityTarget(0.02, measure: .stdev, period: 20)),
        ("half-kelly:0.25", .halfKelly(cap: 0.25)),
        ("risk-per-trade:0.01:0.02", .riskPerTrade(0.01, stop: 0.02)),
        ("fraction:0.5", .fraction(0.5)),
    ])
    func parsesAndPrintsTheSizingSyntax(text: String, expected: PositionSizing) {
        #expect(PositionSizing(text) == expected)
        #expect(expected.description == text)
    }

    @Test(arguments: ["vol-target:0:atr:14", "vol-target:0.01:ema:14", "vol-target:0.01:atr:1", "half-kelly:1.5",
                      "half-kelly", "risk-per-trade:0.01", "risk-per-trade:0.01:0", "risk-per-trade:2:0.02"])
    func rejectsMalformedOrOutOfRangeSizing(text: String) {
        #expect(PositionSizing(text) == nil)
    }

    private func quantity(_ sizing: PositionSizing, volatility: Double? = nil, trades: TradeStatistics = TradeStatistics(),
                          cash: Money = Fixed(10_000), long: Bool = true) -> Quantity {
        sizing.quantity(SizingInputs(equity: Fixed(10_000), cash: cash, price: Fixed(100), instrument: Self.instrument,
                                     volatility: volatility, trades: trades, long: long))
    }

    @Test(arguments: [
        // sizing, volatility, cash, long, expected quantity at price 100 with equity 10,000
        (PositionSizing.riskPerTrade(0.01, stop: 0.02), nil as Double?, "10000", true, "50"),
        (.riskPerTrade(0.05, stop: 0.01), nil, "10000", false, "100"),          // capped at equity
        (.riskPerTrade(0.01, stop: 0.02), nil, "3000", true, "30"),             // longs capped at cash
        (.volatilityTarget(0.01, measure: .atr, period: 14), 0.02, "10000", true, "50"),
        (.volatilityTarget(0.01, measure: .atr, period: 14), nil, "10000", true, "0"),   // volatility not known yet
        (.volatilityTarget(0.01, measure: .stdev, period: 20), 0.000_001, "10000", false, "100"),
        (.volatilityTarget(0.0001, measure: .atr, period: 14), 0.3, "10000", true, "0"),      // 3.3 < min notional 5
        (.volatilityTarget(0.0002, measure: .atr, period: 14), 0.3, "10000", true, "0.066"),  // 6.6, rounded down to the lot
    ])
    func sizesFromEquityVolatilityAndStop(sizing: PositionSizing, volatility: Double?, cash: String, long: Bool, expected: String) {
        #expect(quantity(sizing, volatility: volatility, cash: Fixed(cash)!, long: long) == Fixed(expected)!)
    }

    @Test(arguments: [
        // trades, wins, average win, average loss, cap -> quantity
        (9, 9, 0.05, 0.0, 0.2, "5"),        // too few trades: cap / 4 = 5% of equity
        (10, 6, 0.04, 0.02, 0.25, "20"),    // Kelly 0.6 - 0.4 / 2 = 0.4, half 0.2
        (10, 6, 0.04, 0.02, 0.1, "10"),     // capped
        (10, 3, 0.02, 0.02, 0.25, "0"),     // negative edge: no position
    ])
    func halfKellyFromTheStrategysOwnTrades(count: Int, wins: Int, win: Double, loss: Double, cap: Double, expected: String) {
        let stats = TradeStatistics(count: count, wins: wins, averageWin: win, averageLoss: loss)
        #expect(quantity(.halfKelly(cap: cap), trades: stats) == Fixed(expected)!)
    }

    @Test func tradeStatisticsFromClosedTrades() {
        func trade(_ r: Double) -> ClosedTrade {
            ClosedTrade(symbol: "AAA/USDT", side: .buy, entryTime: 0, exitTime: 1, entryPrice: 1, exitPrice: 1, quantity: 1,
                        pnl: .zero, fee: .zero, entryOrderId: "a", exitOrderId: "b", returnFraction: r, bars: 1)
        }
        let stats = TradeStatistics([trade(0.04), trade(-0.02), trade(0.02), trade(0)])
        #expect(stats == TradeStatistics(count: 4, wins: 2, averageWin: 0.03, averageLoss: 0.01))
        #expect(stats.kelly == 0.5 - 0.5 / 3)
    }

    @Test func sizingNeverProducesAnOrderBelowMinNotionalOrOffTheLotGrid() {
        var random = SplitMix64(seed: 2024)
        let sizings: [PositionSizing] = [
            .allIn, .fraction(0.01), .fixed(Fixed("0.0137")!), .volatilityTarget(0.001, measure: .atr, period: 14),
            .halfKelly(cap: 0.05), .riskPerTrade(0.001, stop: 0.05),
        ]
        let lots = [Fixed("0.001")!, Fixed("0.1")!, Fixed(1)]
        var checked = 0, nonZero = 0
        for _ in 0..<2_000 {
            let lot = lots[Int(random.next() % 3)]
            let instrument = Instrument(symbol: "X/USDT", tickSize: Fixed("0.01")!, lotSize: lot, minNotional: Fixed(10))
            let price = Fixed(1 + random.nextUnit() * 50_000).rounded(toMultipleOf: instrument.tickSize)
            let equity = Fixed(random.nextUnit() * 20_000)
            let stats = TradeStatistics(count: Int(random.next() % 30), wins: Int(random.next() % 10),
                                        averageWin: random.nextUnit() * 0.05, averageLoss: random.nextUnit() * 0.05)
            for sizing in sizings {
                let q = sizing.quantity(SizingInputs(equity: equity, cash: equity, price: price, instrument: instrument,
                                                     volatility: random.nextUnit() * 0.05, trades: stats, long: random.next() % 2 == 0))
                checked += 1
                guard !q.isZero else { continue }
                nonZero += 1
                #expect(q.isMultiple(of: lot))
                #expect(q * price >= instrument.minNotional)
                #expect(instrument.violation(quantity: q, price: price) == nil)
            }
        }
        #expect(checked == 12_000)
        #expect(nonZero > 1_000)  // the property was exercised, not vacuous
    }

    @Test func stdevVolatilityOverAFixedWindow() {
        var tracker = SizingVolatility(measure: .stdev, period: 3, instruments: 1)
        let closes = [100.0, 101, 99, 102, 102]
        var seen: [Double?] = []
        for (i, c) in closes.enumerated() {
            tracker.update(Bar(time: Int64(i), open: c, high: c, low: c, close: c, volume: 1), instrument: 0)
            seen.append(tracker.volatility(0))
        }
        #expect(seen[0] == nil && seen[1] == nil && seen[2] == nil)
        // Returns 0.01, -0.0198..., 0.0303...; then -0.0198..., 0.0303..., 0.
        func stdev(_ r: [Double]) -> Double {
            let m = r.reduce(0, +) / 3
            return (r.reduce(0) { $0 + ($1 - m) * ($1 - m) } / 2).squareRoot()
        }
        #expect(abs(seen[3]! - stdev([0.01, 99.0 / 101 - 1, 102.0 / 99 - 1])) < 1e-15)
        #expect(abs(seen[4]! - stdev([99.0 / 101 - 1, 102.0 / 99 - 1, 0])) < 1e-15)
    }

    @Test func atrVolatilityIsATRDividedByTheClose() {
        var tracker = SizingVolatility(measure: .atr, period: 2, instruments: 2)
        let bars = [(10.0, 8.0, 9.0), (11, 9, 10), (12, 10, 11)]
        for (i, b) in bars.enumerated() {
            tracker.update(Bar(time: Int64(i), open: b.2, high: b.0, low: b.1, close: b.2, volume: 1), instrument: 1)
        }
        // True ranges 2 (11-9, prev close 9) and 2 (12-10); ATR(2) = 2; close 11.
        #expect(tracker.volatility(1) == 2.0 / 11)
        #expect(tracker.volatility(0) == nil)
    }
}
