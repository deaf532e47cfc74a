import Foundation

/// The source of "now" for the kernel. Backtests use a virtual clock driven by the data; paper and live
/// trading use the wall clock. Times are Unix milliseconds (UTC).
public protocol TradingClock: Sendable {
    /// The current time in Unix milliseconds.
    func now() -> Int64
}

/// Wall-clock time.
public struct WallClock: TradingClock {
    public init() {}
    public func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}

/// A clock that only moves when told to (backtests, tests). Thread-safe.
public final class VirtualClock: TradingClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int64

    public init(start: Int64 = 0) { current = start }

    public func now() -> Int64 { lock.withLock { current } }

    /// Moves the clock to `time`; a clock never goes backwards.
    public func advance(to time: Int64) { lock.withLock { current = Swift.max(current, time) } }
}
