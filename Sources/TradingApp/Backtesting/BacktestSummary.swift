import TradingModel
import Backtest
import Foundation
import MarketData
import TradingCore

/// The text summary `graphwiz backtest` prints.
enum BacktestSummary {
    static func lines(_ result: BacktestResult) -> [String] {
        let c = result.configuration
        let m = result.metrics
        let symbols = c.instruments.map(\.symbol).joined(separator: ", ")
        let period = "\(day(m.startTime)) → \(day(m.endTime))"
        var out: [String] = []
        out.append("\(c.strategy) \(c.parameters.summary) on \(symbols) \(c.timeframe)  \(period) (\(count(m.bars)) bars)")
        out.append("fill \(c.matching.fillMode.rawValue) · taker fee \(pct(c.matching.fees.takerRate.doubleValue, 3)) · "
            + "slippage \(c.matching.slippage.fixedBps) bps · sizing \(c.sizing) · cash \(c.initialCash)"
            + (c.allowShort ? " · shorts allowed" : ""))
        out.append("")
        let dd = "\(pct(-m.maxDrawdown))  (\(count(m.maxDrawdownDurationBars)) bars, \(String(format: "%.1f", Double(m.maxDrawdownDurationSeconds) / 86_400)) days)"
        let rows: [(String, String, String, String)] = [
            ("Total return", signed(m.totalReturn), "Buy & hold", signed(m.buyAndHoldReturn)),
            ("CAGR", signed(m.cagr), "Max drawdown", dd),
            ("Sharpe", num(m.sharpe), "Sortino", num(m.sortino)),
            ("Calmar", num(m.calmar), "Volatility", pct(m.volatility)),
            ("Trades", count(m.trades), "Exposure", pct(m.exposure)),
            ("Win rate", pct(m.winRate), "Profit factor", m.profitFactor.map { num($0) } ?? "∞ (no losses)"),
            ("Expectancy", money(m.expectancy), "Avg trade", signed(m.averageTradeReturn)),
            ("Best trade", signed(m.bestTrade), "Worst trade", signed(m.worstTrade)),
            ("Fees paid", money(m.feesPaid), "Final equity", money(m.finalEquity)),
        ]
        for row in rows {
            out.append("  " + row.0.padding(toLength: 14, withPad: " ", startingAt: 0)
                + row.1.leftPadded(12) + "    " + row.2.padding(toLength: 14, withPad: " ", startingAt: 0) + row.3.leftPadded(12))
        }
        if result.symbolMetrics.count > 1 {
            out.append("")
            out.append("  " + "Symbol".padding(toLength: 14, withPad: " ", startingAt: 0) + "Trades".leftPadded(8)
                + "Win".leftPadded(9) + "PnL".leftPadded(14) + "Exposure".leftPadded(10) + "B&H".leftPadded(10))
            for (symbol, s) in result.symbolMetrics.sorted(by: { $0.key < $1.key }) {
                out.append("  " + symbol.padding(toLength: 14, withPad: " ", startingAt: 0) + count(s.trades).leftPadded(8)
                    + pct(s.winRate).leftPadded(9) + money(s.pnl).leftPadded(14) + pct(s.exposure).leftPadded(10)
                    + signed(s.buyAndHoldReturn).leftPadded(10))
            }
        }
        out.append("")
        for open in result.openPositions {
            out.append("  Open at the end: \(open.side == .buy ? "long" : "short") \(open.quantity) \(open.symbol) @ "
                + "\(open.entryPrice), marked at \(open.markPrice) (\(money(open.unrealizedPnl.doubleValue)) unrealized, in equity)")
        }
        if !result.rejections.isEmpty {
            var byCode: [String: Int] = [:]
            for r in result.rejections { byCode[r.code, default: 0] += 1 }
            out.append("  Refused orders: " + byCode.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        out.append("  \(count(Int(result.barsPerSecond))) bars/s (\(String(format: "%.3f", result.elapsedSeconds)) s)")
        return out
    }

    static func day(_ ms: Int64) -> String { String(UTCTimestamp.iso8601(ms).prefix(10)) }
    static func pct(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f%%", x * 100) }
    static func signed(_ x: Double) -> String { String(format: "%+.2f%%", x * 100) }
    static func num(_ x: Double) -> String { String(format: "%.2f", x) }
    static func money(_ x: Double) -> String { String(format: "%.2f", x) }
    static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + String(out.reversed())
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
