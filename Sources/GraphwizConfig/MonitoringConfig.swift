/// The `monitoring:` section.
public struct MonitoringConfig: Sendable, Hashable, Codable {
    /// Port of `/health`, `/ready` and the API; default 8080.
    public var healthPort = 8080
    /// Port of `/metrics`; default 9090.
    public var metricsPort = 9090

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey { case healthPort = "health_port", metricsPort = "metrics_port" }
}
