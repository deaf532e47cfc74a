/// One problem in a configuration: where it is and what is wrong.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    /// `file:line`, `environment VAR` or `file` when no line is known; nil when unknown.
    public var location: String?
    /// The sentence naming the key path, the bad value and what is allowed,
    /// e.g. `risk.max_drawdown must be greater than 0 and at most 1, got 1.5`.
    public var message: String

    /// A problem at a location.
    public init(location: String?, message: String) {
        self.location = location
        self.message = message
    }

    /// `location: message`.
    public var description: String { location.map { "\($0): \(message)" } ?? message }
}

/// Every problem found while loading a configuration, reported at once.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems in file order (expansion, then structure, then ranges).
    public var problems: [ConfigProblem]

    /// An error with these problems.
    public init(problems: [ConfigProblem]) { self.problems = problems }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
