/// The chain behind one order: strategy → signal → risk check → order → fill, and the trades it opened or
/// closed, with the agent decisions the signal was based on and the positions its fills updated (live and
/// paper). For a signal the risk layer refused, `order` is nil and `riskCheck` says why.
public struct OrderProvenance: Sendable, Hashable, Codable {
    public var orderId: String
    public var strategy: GraphNode?
    public var signal: GraphNode?
    /// Agent decisions the signal is `BASED_ON`, sorted by id.
    public var agentDecisions: [GraphNode]
    public var riskCheck: GraphNode?
    /// `APPROVED_BY` or `REJECTED_BY`.
    public var riskVerdict: String?
    public var order: GraphNode?
    public var fills: [GraphNode]
    /// Trades with the relationship that links them (`OPENED_BY` or `CLOSED_BY`).
    public var trades: [GraphNeighbour]
    /// Positions the fills `UPDATED`, sorted by id.
    public var positions: [GraphNode]

    public init(orderId: String, strategy: GraphNode? = nil, signal: GraphNode? = nil, agentDecisions: [GraphNode] = [],
                riskCheck: GraphNode? = nil, riskVerdict: String? = nil, order: GraphNode? = nil, fills: [GraphNode] = [],
                trades: [GraphNeighbour] = [], positions: [GraphNode] = []) {
        self.orderId = orderId
        self.strategy = strategy
        self.signal = signal
        self.agentDecisions = agentDecisions
        self.positions = positions
        self.riskCheck = riskCheck
        self.riskVerdict = riskVerdict
        self.order = order
        self.fills = fills
        self.trades = trades
    }

    enum CodingKeys: String, CodingKey {
        case orderId = "order_id", strategy, signal, agentDecisions = "agent_decisions", riskCheck = "risk_check"
        case riskVerdict = "risk_verdict", order, fills, trades, positions
    }
}

extension OrderProvenance {
    /// The chain as indented text, one step a line, properties sorted.
    public func lines() -> [String] {
        func describe(_ node: GraphNode) -> String {
            let properties = node.properties.keys.sorted().map { "\($0)=\(node.properties[$0]!)" }
            return "\(node.label) \(node.id)" + (properties.isEmpty ? "" : "  " + properties.joined(separator: " "))
        }
        var lines = ["Provenance of \(orderId)"]
        if let strategy { lines.append("  " + describe(strategy)) }
        if let signal { lines.append("   └─ GENERATED → " + describe(signal)) }
        for decision in agentDecisions { lines.append("       └─ BASED_ON → " + describe(decision)) }
        if let riskCheck { lines.append("       └─ \(riskVerdict ?? "CHECKED") → " + describe(riskCheck)) }
        if let order { lines.append("           └─ PLACED → " + describe(order)) }
        for fill in fills { lines.append("               └─ FILLED_BY → " + describe(fill)) }
        for trade in trades { lines.append("               └─ \(trade.relationship.type) ← " + describe(trade.node)) }
        for position in positions { lines.append("               └─ UPDATED → " + describe(position)) }
        return lines
    }
}
