/// Labels and relationship types of the market and decision graphs.
///
/// Decision graph: `(Strategy)-[:GENERATED]->(Signal)`, `(Signal)-[:APPROVED_BY|REJECTED_BY]->(RiskCheck)`,
/// `(Order)-[:BASED_ON]->(Signal)`, `(Strategy)-[:PLACED]->(Order)`, `(Order)-[:FILLED_BY]->(Fill)`,
/// `(Trade)-[:OPENED_BY]->(Order)`, `(Trade)-[:CLOSED_BY]->(Order)`.
/// Market graph: `(Market)-[:LISTED_ON]->(Exchange)`, `(Market)-[:BASE]->(Asset)`, `(Market)-[:QUOTE]->(Asset)`,
/// `(Asset)-[:CORRELATED_WITH {rho, window, as_of}]->(Asset)` (one direction, smaller id first).
public enum GraphSchema {
    public static let strategy = "Strategy"
    public static let signal = "Signal"
    public static let riskCheck = "RiskCheck"
    public static let order = "Order"
    public static let fill = "Fill"
    public static let trade = "Trade"
    public static let exchange = "Exchange"
    public static let asset = "Asset"
    public static let market = "Market"

    public static let generated = "GENERATED"
    public static let basedOn = "BASED_ON"
    public static let approvedBy = "APPROVED_BY"
    public static let rejectedBy = "REJECTED_BY"
    public static let placed = "PLACED"
    public static let filledBy = "FILLED_BY"
    public static let openedBy = "OPENED_BY"
    public static let closedBy = "CLOSED_BY"
    public static let listedOn = "LISTED_ON"
    public static let base = "BASE"
    public static let quote = "QUOTE"
    public static let correlatedWith = "CORRELATED_WITH"

    /// Every node label, for schema preparation.
    public static let nodeLabels = [strategy, signal, riskCheck, order, fill, trade, exchange, asset, market]
}
