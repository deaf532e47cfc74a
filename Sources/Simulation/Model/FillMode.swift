/// When a newly submitted order first meets the market.
///
/// The caller feeds bar `t` to ``OrderMatchingEngine/process(_:events:)`` before the strategy sees bar `t`;
/// the strategy then submits. There is never any look-ahead:
/// - ``nextOpen``: the order arrives at the open of bar `t + 1` (market orders fill there).
/// - ``close``: the order arrives at the close of bar `t`, the last processed bar; market orders and orders
///   marketable at that close fill there at once, the rest work from bar `t + 1` on.
public enum FillMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Orders arrive at the next bar's open (the realistic default: a decision made on a closed bar cannot
    /// trade at that bar's close).
    case nextOpen = "next-open"
    /// Orders arrive at the close of the bar the decision was made on (optimistic; for comparison with
    /// close-to-close research backtests).
    case close
}
