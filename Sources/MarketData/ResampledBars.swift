import TradingModel

/// The output of ``Resampler/resample(_:)``.
public struct ResampledBars: Sendable, Hashable {
    /// Higher-timeframe bars, stamped with their bucket open time.
    public var bars: [Bar]
    /// True when the last bar was kept although its bucket is not complete.
    public var lastIsIncomplete: Bool

    /// Creates a result from its parts.
    public init(bars: [Bar], lastIsIncomplete: Bool) {
        self.bars = bars
        self.lastIsIncomplete = lastIsIncomplete
    }
}
