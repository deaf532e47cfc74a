/// One OHLCV candle. `time` is the bar's open time in Unix milliseconds (UTC).
///
/// Bars are market data, kept in `Double` for analysis; the ledger converts fill prices to `Fixed`
/// after rounding to the instrument's tick size.
public struct Bar: Sendable, Hashable, Codable {
    public var time: Int64
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double

    @inlinable public init(time: Int64, open: Double, high: Double, low: Double, close: Double, volume: Double) {
        self.time = time
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }
}

/// A bar series in column form, as indicators and vectorized sweeps want it.
public struct BarColumns: Sendable {
    public var time: [Int64]
    public var open: [Double]
    public var high: [Double]
    public var low: [Double]
    public var close: [Double]
    public var volume: [Double]

    public init(_ bars: [Bar]) {
        time = bars.map(\.time)
        open = bars.map(\.open)
        high = bars.map(\.high)
        low = bars.map(\.low)
        close = bars.map(\.close)
        volume = bars.map(\.volume)
    }

    public var count: Int { time.count }
}
