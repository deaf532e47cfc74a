/// Health of one component of the service.
public struct ComponentHealth: Sendable, Hashable, Codable {
    /// `up` serves, `degraded` serves with trouble, `down` does not serve.
    public enum Status: String, Sendable, Hashable, Codable { case up, degraded, down }

    /// Component name: `store`, `graph`, `exchange_feed`, `kernel`, ...
    public var name: String
    /// Its state.
    public var status: Status
    /// A short human explanation (last error, lag, ...).
    public var detail: String

    /// A component state.
    public init(name: String, status: Status, detail: String = "") {
        self.name = name
        self.status = status
        self.detail = detail
    }
}

/// One decision of an agent, as shown on the dashboard.
public struct AgentDecision: Sendable, Hashable, Codable {
    /// Unix ms.
    public var time: Int64
    /// Agent name.
    public var agent: String
    /// Symbol the decision is about.
    public var symbol: String
    /// `buy`, `sell` or `hold`.
    public var action: String
    /// Confidence in [0, 1].
    public var confidence: Double
    /// Why, in a sentence.
    public var rationale: String

    /// A decision.
    public init(time: Int64, agent: String, symbol: String, action: String, confidence: Double, rationale: String) {
        self.time = time
        self.agent = agent
        self.symbol = symbol
        self.action = action
        self.confidence = confidence
        self.rationale = rationale
    }
}
