import Foundation
import TradingCore

/// Computes `PerformanceMetrics` from an equity curve, closed trades and exposure counts.
public enum MetricsCalculator {
    /// - Parameters:
    ///   - times: time of each equity point (Unix ms).
    ///   - equity: equity after each bar (same length as `times`).
    ///   - initialEquity: equity before the first bar.
    ///   - barsPerYear: for annualizing (crypto trades 365 days a year).
    ///   - trades: closed round trips.
    ///   - barsInMarket: bars with an open position.
    ///   - buyAndHold: first and last close of the (first) instrument, for the benchmark return.
    /// - Complexity: O(n) over the equity points, O(t) over trades.
    public static func compute(times: [Int64], equity: [Double], initialEquity: Double, barsPerYear: Double,
                               trades: [ClosedTrade], barsInMarket: Int, feesPaid: Double,
                               buyAndHold: (first: Double, last: Double)?) -> PerformanceMetrics {
        guard let last = equity.last, let firstTime = times.first, let lastTime = times.last else {
            var m = PerformanceMetrics()
            m.initialEquity = initialEquity
            m.finalEquity = initialEquity
            m.feesPaid = feesPaid
            return m
        }

        // Per-bar returns, drawdown and its duration in one pass.
        var previous = initialEquity
        var sum = 0.0, sumSquares = 0.0, downsideSquares = 0.0
        var peak = initialEquity
        var peakIndex = -1
        var maxDrawdown = 0.0
        var longestBars = 0
        var longestSeconds: Int64 = 0
        var underwaterSince: Int64? = nil
        for i in 0..<equity.count {
            let value = equity[i]
            let r = previous > 0 ? value / previous - 1 : 0
            sum += r
            sumSquares += r * r
            if r < 0 { downsideSquares += r * r }
            previous = value
            if value >= peak {
                if let since = underwaterSince {
                    longestSeconds = Swift.max(longestSeconds, (times[i] - since) / 1000)
                    underwaterSince = nil
                }
                peak = value
                peakIndex = i
            } else {
                if underwaterSince == nil { underwaterSince = peakIndex >= 0 ? times[peakIndex] : firstTime }
                let dd = peak > 0 ? 1 - value / peak : 0
                maxDrawdown = Swift.max(maxDrawdown, dd)
                longestBars = Swift.max(longestBars, i - peakIndex)
            }
        }
        if let since = underwaterSince { longestSeconds = Swift.max(longestSeconds, (lastTime - since) / 1000) }
        var metrics = summarize(count: equity.count, initialEquity: initialEquity, finalEquity: last,
                           barsPerYear: barsPerYear, sum: sum, sumSquares: sumSquares,
                           downsideSquares: downsideSquares, maxDrawdown: maxDrawdown, trades: trades,
                           barsInMarket: barsInMarket, feesPaid: feesPaid, buyAndHold: buyAndHold)
        metrics.startTime = firstTime
        metrics.endTime = lastTime
        metrics.maxDrawdownDurationBars = longestBars
        metrics.maxDrawdownDurationSeconds = longestSeconds
        return metrics
    }

    /// Metrics from running sums (the single-pass form the runner and the vectorized sweep share).
    /// - Parameters:
    ///   - sum, sumSquares, downsideSquares: Σr, Σr², Σmin(r,0)² over per-bar returns.
    public static func summarize(count: Int, initialEquity: Double, finalEquity last: Double, barsPerYear: Double,
                                 sum: Double, sumSquares: Double, downsideSquares: Double, maxDrawdown: Double,
                                 trades: [ClosedTrade], barsInMarket: Int, feesPaid: Double,
                                 buyAndHold: (first: Double, last: Double)?) -> PerformanceMetrics {
        var m = PerformanceMetrics()
        m.initialEquity = initialEquity
        m.bars = count
        m.feesPaid = feesPaid
        m.finalEquity = last
        guard count > 0 else { return m }
        m.totalReturn = initialEquity > 0 ? last / initialEquity - 1 : 0
        let years = Double(count) / barsPerYear
        if years > 0 && last > 0 && initialEquity > 0 {
            m.cagr = pow(last / initialEquity, 1 / years) - 1
        } else if last <= 0 {
            m.cagr = -1
        }
        let n = Double(count)
        let mean = sum / n
        let variance = n > 1 ? Swift.max(0, (sumSquares - n * mean * mean) / (n - 1)) : 0
        let std = variance.squareRoot()
        let downside = (downsideSquares / n).squareRoot()
        m.volatility = std * barsPerYear.squareRoot()
        m.sharpe = std > 0 ? mean / std * barsPerYear.squareRoot() : 0
        m.sortino = downside > 0 ? mean / downside * barsPerYear.squareRoot() : 0
        m.maxDrawdown = maxDrawdown
        m.calmar = maxDrawdown > 0 ? m.cagr / maxDrawdown : 0
        m.exposure = Double(barsInMarket) / n
        m.trades = trades.count
        if !trades.isEmpty {
            var wins = 0, grossProfit = 0.0, grossLoss = 0.0, total = 0.0, totalReturn = 0.0
            var best = -Double.infinity, worst = Double.infinity
            for t in trades {
                let pnl = t.pnl.doubleValue
                total += pnl
                totalReturn += t.returnFraction
                if pnl > 0 { wins += 1; grossProfit += pnl } else { grossLoss -= pnl }
                best = Swift.max(best, t.returnFraction)
                worst = Swift.min(worst, t.returnFraction)
            }
            m.winRate = Double(wins) / Double(trades.count)
            m.profitFactor = grossLoss > 0 ? grossProfit / grossLoss : nil
            m.expectancy = total / Double(trades.count)
            m.averageTrade = m.expectancy
            m.averageTradeReturn = totalReturn / Double(trades.count)
            m.bestTrade = best
            m.worstTrade = worst
        }
        if let bh = buyAndHold, bh.first > 0 { m.buyAndHoldReturn = bh.last / bh.first - 1 }
        return m
    }
}
