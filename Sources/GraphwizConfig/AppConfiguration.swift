import TradingCore

/// The whole application configuration: one YAML file with snake_case keys, the sections of the seed's
/// production.yaml. Every key is optional in the file; absent keys take the defaults below (the safe,
/// embedded default: simulation mode, a local SQLite store, no exchange keys, no LLM).
///
/// Load it with ``ConfigLoader``; every problem in a file is reported at once as a ``ConfigError``.
public struct AppConfiguration: Sendable, Hashable, Codable {
    /// Log level, format, file rotation and per-module levels.
    public var logging = LoggingConfig()
    /// Where the store lives: a SQLite file path or a PostgreSQL URL.
    public var database = DatabaseConfig()
    /// The Neo4j knowledge-graph connection (off by default).
    public var neo4j = Neo4jConfig()
    /// Mode, symbols, timeframe, strategies and initial cash.
    public var trading = TradingConfig()
    /// Exchange credentials and endpoints.
    public var exchanges = ExchangesConfig()
    /// The LLM provider used by the agents (none by default).
    public var ai = AIConfig()
    /// The agent orchestrator.
    public var agents = AgentsConfig()
    /// Knowledge-graph maintenance.
    public var knowledgeGraph = KnowledgeGraphConfig()
    /// Parameter optimisation.
    public var optimizer = OptimizerConfig()
    /// Costs and fills of backtests.
    public var backtesting = BacktestingConfig()
    /// Health and metrics ports.
    public var monitoring = MonitoringConfig()
    /// Every limit of the risk engine (reused from TradingCore).
    public var risk = RiskLimits()
    /// Authentication, rate limiting and the IP allowlist.
    public var security = SecurityConfig()
    /// Threads, pools and caches.
    public var performance = PerformanceConfig()

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case logging, database, neo4j, trading, exchanges, ai, agents
        case knowledgeGraph = "knowledge_graph"
        case optimizer, backtesting, monitoring, risk, security, performance
    }
}
