/// How the optimizer searches a parameter space.
public enum OptimizerMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every combination of the parameter grid (the default).
    case grid
    /// `iterations` random points.
    case random
    /// `iterations` trials guided by a surrogate model.
    case bayesian
}

/// The `optimizer:` section.
public struct OptimizerConfig: Sendable, Hashable, Codable {
    /// Default `grid`.
    public var method: OptimizerMethod = .grid
    /// Metric maximised, e.g. `sharpe` (the default).
    public var objective = "sharpe"
    /// Trials of random or bayesian search; default 100.
    public var iterations = 100
    /// Trials run in parallel; default 2.
    public var parallelJobs = 2

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey { case method, objective, iterations, parallelJobs = "parallel_jobs" }
}
