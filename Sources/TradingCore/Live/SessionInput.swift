import TradingModel

/// Everything the session's one consumer loop handles, merged from the feeds, the venue and the operator.
enum SessionInput: Sendable {
    /// A closed bar of instrument `instrument`.
    case bar(Bar, instrument: Int)
    /// A bar stream ended (replay finished) or failed.
    case feedEnded(instrument: Int, error: String?)
    /// A venue event.
    case event(ExecutionEvent)
    /// The venue's streams came back after a drop.
    case reconnected
    /// The venue's streams dropped.
    case disconnected(String)
    /// Stop requested.
    case stop
    /// The stop's grace period is over.
    case stopDeadline
}
