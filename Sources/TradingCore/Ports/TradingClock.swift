import Foundation
import Synchronization

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

/// A clock that only moves when told to (backtests, tests). Thread-safe and lock-free, so a backtest can
/// advance it on every bar.
public final class VirtualClock: TradingClock, Sendable {
    private let current: Atomic<Int64>

    public init(start: Int64 = 0) { current = Atomic(start) }

    public func now() -> Int64 { current.load(ordering: .acquiring) }

    /// Moves the clock to `time`; a clock never goes backwards.
    public func advance(to time: Int64) { current.max(time, ordering: .acquiringAndReleasing) }
}
