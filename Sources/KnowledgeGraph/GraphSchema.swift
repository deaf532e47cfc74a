/// Labels and relationship types of the market and decision graphs.
///
/// Decision graph: `(Strategy)-[:GENERATED]->(Signal)`, `(Signal)-[:APPROVED_BY|REJECTED_BY]->(RiskCheck)`,
/// `(Signal)-[:BASED_ON]->(AgentDecision)`, `(Order)-[:BASED_ON]->(Signal)`, `(Strategy)-[:PLACED]->(Order)`,
/// `(Order)-[:FILLED_BY]->(Fill)`, `(Fill)-[:UPDATED]->(Position)`, `(Position)-[:OPENED_BY|CLOSED_BY]->(Order)`,
/// `(Trade)-[:OPENED_BY]->(Order)`, `(Trade)-[:CLOSED_BY]->(Order)`.
///
/// Market graph: `(Market)-[:LISTED_ON]->(Exchange)`, `(Market)-[:BASE]->(Asset)`, `(Market)-[:QUOTE]->(Asset)`,
/// `(Asset)-[:CORRELATED_WITH {rho, window, as_of}]->(Asset)` (one direction, smaller id first),
/// `(Market)-[:IN_REGIME {from, to, timeframe}]->(Regime)` (one Regime node per episode, see ``RegimeClassifier``),
/// `(Pattern)-[:IMPACTS {direction, magnitude}]->(Market)`, `(Event)-[:IMPACTS {direction, magnitude}]->(Asset|Market)`,
/// `(Market)-[:HAS_STATS]->(TimeframeStats)`.
public enum GraphSchema {
    public static let strategy = "Strategy"
    public static let signal = "Signal"
    public static let agentDecision = "AgentDecision"
    public static let riskCheck = "RiskCheck"
    public static let order = "Order"
    public static let fill = "Fill"
    public static let position = "Position"
    public static let trade = "Trade"
    public static let exchange = "Exchange"
    public static let asset = "Asset"
    public static let market = "Market"
    public static let regime = "Regime"
    public static let pattern = "Pattern"
    public static let event = "Event"
    public static let timeframeStats = "TimeframeStats"

    public static let generated = "GENERATED"
    public static let basedOn = "BASED_ON"
    public static let approvedBy = "APPROVED_BY"
    public static let rejectedBy = "REJECTED_BY"
    public static let placed = "PLACED"
    public static let filledBy = "FILLED_BY"
    public static let updated = "UPDATED"
    public static let openedBy = "OPENED_BY"
    public static let closedBy = "CLOSED_BY"
    public static let listedOn = "LISTED_ON"
    public static let base = "BASE"
    public static let quote = "QUOTE"
    public static let correlatedWith = "CORRELATED_WITH"
    public static let inRegime = "IN_REGIME"
    public static let impacts = "IMPACTS"
    public static let hasStats = "HAS_STATS"

    /// Every node label, for schema preparation.
    public static let nodeLabels = [strategy, signal, agentDecision, riskCheck, order, fill, position, trade,
                                    exchange, asset, market, regime, pattern, event, timeframeStats]
}
