import Foundation
@testable import Backtest
@testable import TradingCore
import TradingModel

/// A small hand-made run: two symbols (one with HTML metacharacters), three trades, a losing January,
/// a winning February, a losing March 2024 and a winning January 2025.
enum HTMLReportFixture {
    static let weirdSymbol = "A<&>\"B/USDT"

    // 2024-01-01T00:00Z and friends, as Unix milliseconds.
    static let jan1: Int64 = 1_704_067_200_000
    static let jan15: Int64 = 1_705_276_800_000
    static let jan31Late: Int64 = 1_706_742_000_000   // 2024-01-31 23:00
    static let feb10: Int64 = 1_707_523_200_000
    static let feb29Noon: Int64 = 1_709_208_000_000   // 2024-02-29 12:00
    static let mar5: Int64 = 1_709_596_800_000
    static let jan10Of2025: Int64 = 1_736_467_200_000

    static let equity: [EquityPoint] = [
        EquityPoint(time: jan1, value: 10_000),
        EquityPoint(time: jan15, value: 9_800),
        EquityPoint(time: jan31Late, value: 9_500),        // January: 9500 / 10000 - 1 = -5%
        EquityPoint(time: feb10, value: 9_900),
        EquityPoint(time: feb29Noon, value: 10_450),      // February: 10450 / 9500 - 1 = +10%
        EquityPoint(time: mar5, value: 10_241),           // March: 10241 / 10450 - 1 = -2%; 2024: +2.41%
        EquityPoint(time: jan10Of2025, value: 11_265.1),  // January 2025: 11265.1 / 10241 - 1 = +10%
    ]

    static let trades: [ClosedTrade] = [
        ClosedTrade(symbol: "BTC/USDT", side: .buy, entryTime: 1_704_412_800_000, exitTime: 1_705_708_800_000,
                    entryPrice: Fixed(42_000), exitPrice: Fixed(40_000), quantity: Fixed("0.1")!,
                    pnl: Fixed("-201.5")!, fee: Fixed("1.5")!, entryOrderId: "bt-1", exitOrderId: "bt-2",
                    returnFraction: -0.0479, bars: 15),
        ClosedTrade(symbol: "BTC/USDT", side: .sell, entryTime: 1_706_832_000_000, exitTime: 1_708_387_200_000,
                    entryPrice: Fixed(41_000), exitPrice: Fixed(39_000), quantity: Fixed("0.2")!,
                    pnl: Fixed(398), fee: Fixed(2), entryOrderId: "bt-3", exitOrderId: "bt-4",
                    returnFraction: 0.0485, bars: 18),
        ClosedTrade(symbol: weirdSymbol, side: .buy, entryTime: 1_709_251_200_000, exitTime: 1_709_510_400_000,
                    entryPrice: Fixed("10.5")!, exitPrice: Fixed(11), quantity: Fixed(100),
                    pnl: Fixed(45), fee: Fixed(5), entryOrderId: "bt-5", exitOrderId: "bt-6",
                    returnFraction: 0.0429, bars: 3),
    ]

    static var metrics: PerformanceMetrics {
        var m = PerformanceMetrics()
        m.startTime = jan1
        m.endTime = jan10Of2025
        m.bars = 7
        m.initialEquity = 10_000
        m.finalEquity = 11_265.1
        m.totalReturn = 0.12651
        m.cagr = 0.11
        m.volatility = 0.3
        m.sharpe = 1.5
        m.sortino = 2.25
        m.calmar = 0.8
        m.maxDrawdown = 0.05
        m.maxDrawdownDurationBars = 3
        m.maxDrawdownDurationSeconds = 2_592_000
        m.trades = 3
        m.winRate = 2.0 / 3.0
        m.profitFactor = 1.75
        m.exposure = 0.4
        m.feesPaid = 8.5
        m.buyAndHoldReturn = 0.08
        m.bestTrade = 0.0485
        m.worstTrade = -0.0479
        return m
    }

    static var configuration: BacktestConfiguration {
        BacktestConfiguration(
            strategy: "sma_cross",
            parameters: ParameterValues(["fast": .int(10), "label": .string("x<y&z")]),
            instruments: [Instrument(symbol: "BTC/USDT"), Instrument(symbol: weirdSymbol)],
            timeframe: .oneDay,
            data: [DataSourceDescription(kind: "generated", symbol: "BTC/USDT", timeframe: .oneDay, seed: 7, bars: 60)])
    }

    static var result: BacktestResult {
        BacktestResult(
            id: "bt-test-1", configuration: configuration, metrics: metrics,
            symbolMetrics: [
                "BTC/USDT": SymbolMetrics(symbol: "BTC/USDT", trades: 2, winRate: 0.5, pnl: 196.5, feesPaid: 3.5,
                                          exposure: 0.3, buyAndHoldReturn: 0.07, contribution: 0.01965),
                weirdSymbol: SymbolMetrics(symbol: weirdSymbol, trades: 1, winRate: 1, pnl: 45, feesPaid: 5,
                                           exposure: 0.1, buyAndHoldReturn: 0.09, contribution: 0.0045),
            ],
            trades: trades,
            openPositions: [OpenTrade(symbol: "BTC/USDT", side: .buy, entryTime: 1_735_776_000_000,
                                      entryPrice: Fixed(95_000), quantity: Fixed("0.05")!, markPrice: Fixed(96_000),
                                      unrealizedPnl: Fixed(50), fee: Fixed("2.5")!, entryOrderId: "bt-7")],
            equity: equity, orders: [],
            rejections: [RiskRejection(code: "max_exposure", message: "exposure <too> high & \"rising\"",
                                       clientOrderId: "bt-8", symbol: weirdSymbol, time: feb10)],
            elapsedSeconds: 0.25, barsPerSecond: 28)
    }

    /// 60 daily bars from 2024-01-01 for BTC, 10 for the other symbol.
    static var series: [InstrumentSeries] {
        let btc = (0..<60).map { i -> Bar in
            let base = 42_000 + 300 * sin(Double(i) / 5)
            return Bar(time: jan1 + Int64(i) * 86_400_000, open: base, high: base + 400, low: base - 400,
                       close: base + (i % 2 == 0 ? 150 : -150), volume: 10)
        }
        let other = (0..<10).map { i in
            Bar(time: 1_709_251_200_000 + Int64(i) * 86_400_000, open: 10.5, high: 11.2, low: 10.1, close: 10.8, volume: 5)
        }
        return [InstrumentSeries(instrument: Instrument(symbol: "BTC/USDT"), bars: btc),
                InstrumentSeries(instrument: Instrument(symbol: weirdSymbol), bars: other)]
    }
}
