/// The `agents:` section: the orchestrator of trading, research and risk agents.
public struct AgentsConfig: Sendable, Hashable, Codable {
    /// Whether agents run; default false.
    public var enabled = false
    /// Agent names to start; default `[trading, research, risk]`.
    public var agents = ["trading", "research", "risk"]
    /// Seconds one agent decision may take; default 30.
    public var timeoutS = 30
    /// Run agents in parallel; default true.
    public var parallel = true

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey { case enabled, agents, timeoutS = "timeout_s", parallel }
}
