/// A strategy that tells which indicator values stand behind its decisions, for the provenance graph
/// (`Signal.ind_<name>`). Sessions ask only when a decision is published, never on the per-bar path, so an
/// implementation may allocate; it should keep the latest values in plain stored properties while running.
public protocol IndicatorReporting {
    /// The latest indicator values of `instrument` by name (e.g. `sma_fast`, `rsi`); non-finite values are
    /// dropped by the graph.
    func indicatorValues(instrument: Int) -> [String: Double]
}
