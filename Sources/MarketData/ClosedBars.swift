import TradingModel

/// Up to two higher-timeframe bars closed by one ``StreamingResampler/push(_:)``, held inline (no allocation).
public struct ClosedBars: Sendable, Hashable, RandomAccessCollection {
    private var earlier: Bar?
    private var later: Bar?

    /// An empty result.
    public init() {}

    mutating func append(_ bar: Bar) {
        if earlier == nil { earlier = bar } else { later = bar }
    }

    /// Always 0.
    public var startIndex: Int { 0 }
    /// The number of closed bars: 0, 1 or 2.
    public var endIndex: Int { earlier == nil ? 0 : (later == nil ? 1 : 2) }

    /// The closed bar at `position`, oldest first.
    public subscript(position: Int) -> Bar {
        precondition(position >= 0 && position < endIndex, "ClosedBars index \(position) out of range 0..<\(endIndex)")
        // The precondition guarantees the optional is set.
        return position == 0 ? earlier.unsafelyUnwrapped : later.unsafelyUnwrapped
    }
}
