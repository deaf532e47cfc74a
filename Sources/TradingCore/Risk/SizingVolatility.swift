import Indicators
import TradingModel

/// Per-instrument volatility for volatility-target sizing: ATR / close or the standard deviation of close
/// returns over a fixed window, updated per bar.
/// - Complexity: `update` is O(1) and allocation free (the return window is allocated once).
public struct SizingVolatility: Sendable {
    public let measure: VolatilityMeasure
    public let period: Int
    private var atr: [ATR]
    private var window: [Double]
    private var head: [Int]
    private var filled: [Int]
    private var sum: [Double]
    private var sumSquares: [Double]
    private var lastClose: [Double]
    /// Latest volatility per instrument as a fraction of price (NaN until known).
    public private(set) var values: [Double]

    public init(measure: VolatilityMeasure, period: Int, instruments: Int) {
        self.measure = measure
        self.period = period
        self.atr = measure == .atr ? Array(repeating: ATR(period: period), count: instruments) : []
        self.window = measure == .stdev ? Array(repeating: 0, count: instruments * period) : []
        self.head = Array(repeating: 0, count: instruments)
        self.filled = Array(repeating: 0, count: instruments)
        self.sum = Array(repeating: 0, count: instruments)
        self.sumSquares = Array(repeating: 0, count: instruments)
        self.lastClose = Array(repeating: 0, count: instruments)
        self.values = Array(repeating: .nan, count: instruments)
    }

    /// Adds a closed bar of `instrument`.
    public mutating func update(_ bar: Bar, instrument i: Int) {
        switch measure {
        case .atr:
            let value = atr[i].update(high: bar.high, low: bar.low, close: bar.close)
            values[i] = bar.close > 0 ? value / bar.close : .nan
        case .stdev:
            let previous = lastClose[i]
            lastClose[i] = bar.close
            guard previous > 0 else { return }
            let r = bar.close / previous - 1
            let slot = i * period + head[i]
            if filled[i] == period {
                let old = window[slot]
                sum[i] -= old
                sumSquares[i] -= old * old
            } else {
                filled[i] += 1
            }
            window[slot] = r
            sum[i] += r
            sumSquares[i] += r * r
            head[i] = (head[i] + 1) % period
            guard filled[i] == period else { return }
            let n = Double(period)
            let variance = Swift.max(0, (sumSquares[i] - sum[i] * sum[i] / n) / (n - 1))
            values[i] = variance.squareRoot()
        }
    }

    /// The volatility of `instrument`, or nil until enough bars were seen.
    public func volatility(_ instrument: Int) -> Double? {
        let v = values[instrument]
        return v.isNaN ? nil : v
    }
}
