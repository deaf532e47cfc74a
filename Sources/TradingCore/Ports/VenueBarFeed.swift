import TradingModel

/// A venue that matches orders against the bars the session sees (the paper venue). The trading session hands
/// it each closed bar before the strategy sees it, exactly as the backtest runner does, so a recorded feed
/// gives the same fills in both.
public protocol VenueBarFeed: Exchange {
    /// Matches working orders of `bar`'s instrument against `bar`. Returns how many events the venue has put on
    /// `events` since it was created, so the session can apply all of them before the strategy sees the bar.
    nonisolated(nonsending) func process(_ bar: Bar, symbol: String) async throws -> Int

    /// The events this venue emitted after its first `count` ones, in order, when it still holds them all (nil
    /// otherwise). They are the same events its `events` stream delivers; the session takes the ones the stream
    /// has not delivered yet from here instead of waiting for them, and skips them when the stream catches up.
    func emittedEvents(after count: Int) -> [ExecutionEvent]?
}

extension VenueBarFeed {
    /// Nil: the session waits for the stream.
    public func emittedEvents(after count: Int) -> [ExecutionEvent]? { nil }
}

/// Connection changes of a venue's streams. The trading session reconciles after every `.reconnected`.
public enum VenueConnectionEvent: Sendable, Hashable {
    /// The event stream dropped; events may be missed until `.reconnected`.
    case disconnected(reason: String)
    /// The event stream is back; events sent meanwhile may have been missed.
    case reconnected
}

/// A venue that reports connection changes (the live adapters).
public protocol VenueConnectivity: Sendable {
    /// Connection changes, in order.
    var connectionEvents: AsyncStream<VenueConnectionEvent> { get }
}
