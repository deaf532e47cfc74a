import TradingModel

/// Volume-weighted average price anchored to the UTC day.
///
/// `VWAP = Σ typical price × volume / Σ volume` over the bars of the current UTC day, with typical
/// price `(high + low + close) / 3`. The sums reset on the first bar whose open `time` falls on a
/// new UTC day (00:00 UTC). While the day has traded no volume the VWAP is undefined (NaN).
public struct VWAP: Sendable {
    /// Milliseconds in a day.
    static let dayMilliseconds: Int64 = 86_400_000

    private var day = Int64.min
    private var priceVolume = 0.0
    private var volume = 0.0

    /// Creates a VWAP with no day started yet.
    public init() {}

    /// Index of the first defined output: 0 (if the first bar has volume).
    public var lookback: Int { 0 }

    /// Adds the next bar (its `time` is the bar's open time in Unix ms) and returns the day's VWAP.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(time: Int64, high: Double, low: Double, close: Double, volume barVolume: Double) -> Double {
        let barDay = VWAP.utcDay(time)
        if barDay != day {
            day = barDay
            priceVolume = 0
            volume = 0
        }
        priceVolume += PriceMath.typicalPrice(high: high, low: low, close: close) * barVolume
        volume += barVolume
        return volume > 0 ? priceVolume / volume : .nan
    }

    /// Adds the next bar and returns the day's VWAP.
    public mutating func update(_ bar: Bar) -> Double {
        update(time: bar.time, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume)
    }

    /// The day-anchored VWAP over a whole series.
    ///
    /// - Complexity: O(count).
    public static func compute(_ bars: BarColumns) -> [Double] {
        var out = Batch.undefined(bars.count)
        var day = Int64.min
        var priceVolume = 0.0
        var volume = 0.0
        for i in 0..<bars.count {
            let barDay = utcDay(bars.time[i])
            if barDay != day {
                day = barDay
                priceVolume = 0
                volume = 0
            }
            let typical = PriceMath.typicalPrice(high: bars.high[i], low: bars.low[i], close: bars.close[i])
            priceVolume += typical * bars.volume[i]
            volume += bars.volume[i]
            if volume > 0 { out[i] = priceVolume / volume }
        }
        return out
    }

    /// Days since the Unix epoch of a Unix-ms time (floor division, so times before 1970 work too).
    static func utcDay(_ time: Int64) -> Int64 {
        let (quotient, remainder) = time.quotientAndRemainder(dividingBy: dayMilliseconds)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
