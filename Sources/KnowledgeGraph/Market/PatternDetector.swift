import TradingModel

/// Finds golden and death crosses (fast / slow simple moving averages of closes) and breakouts (a close beyond
/// the extreme high or low of the previous bars).
public struct PatternDetector: Sendable, Hashable {
    /// Fast SMA length (default 50).
    public var fast: Int
    /// Slow SMA length (default 200).
    public var slow: Int
    /// Bars whose high / low a breakout must pass (default 20).
    public var breakoutWindow: Int

    /// A detector; `fast` is kept below `slow`.
    public init(fast: Int = 50, slow: Int = 200, breakoutWindow: Int = 20) {
        self.fast = max(1, min(fast, slow - 1))
        self.slow = max(2, slow)
        self.breakoutWindow = max(1, breakoutWindow)
    }

    /// Every pattern in `bars`, in time order (a cross before a breakout on the same bar).
    /// - Complexity: O(n · breakoutWindow); running sums for the averages.
    public func detect(_ bars: [Bar]) -> [ChartPattern] {
        var patterns: [ChartPattern] = []
        var fastSum = 0.0, slowSum = 0.0
        var previousDifference: Double?
        for t in bars.indices {
            let close = bars[t].close
            fastSum += close
            slowSum += close
            if t >= fast { fastSum -= bars[t - fast].close }
            if t >= slow { slowSum -= bars[t - slow].close }
            if t >= slow - 1 {
                let fastMean = fastSum / Double(fast), slowMean = slowSum / Double(slow)
                let difference = fastMean - slowMean
                if let previous = previousDifference {
                    let magnitude = abs(fastMean / slowMean - 1)
                    if previous <= 0 && difference > 0 {
                        patterns.append(ChartPattern(kind: .goldenCross, time: bars[t].time, price: close, magnitude: magnitude))
                    } else if previous >= 0 && difference < 0 {
                        patterns.append(ChartPattern(kind: .deathCross, time: bars[t].time, price: close, magnitude: magnitude))
                    }
                }
                previousDifference = difference
            }
            if t >= breakoutWindow {
                var highest = -Double.infinity, lowest = Double.infinity
                for k in (t - breakoutWindow)..<t {
                    highest = max(highest, bars[k].high)
                    lowest = min(lowest, bars[k].low)
                }
                if close > highest {
                    patterns.append(ChartPattern(kind: .breakoutUp, time: bars[t].time, price: close,
                                                 magnitude: close / highest - 1))
                } else if close < lowest {
                    patterns.append(ChartPattern(kind: .breakoutDown, time: bars[t].time, price: close,
                                                 magnitude: 1 - close / lowest))
                }
            }
        }
        return patterns
    }
}
