/// A configured strategy as the API shows it.
public struct StrategyStatus: Sendable, Hashable, Codable {
    /// Whether the kernel acts on the strategy's signals.
    public enum State: String, Sendable, Hashable, Codable { case running, stopped }

    /// Stable id, e.g. `sma_cross-1`.
    public var id: String
    /// Registry name, e.g. `sma_cross`.
    public var name: String
    /// Symbols it trades.
    public var symbols: [String]
    /// Running or stopped.
    public var state: State
    /// Current parameter values by name.
    public var parameters: [String: Double]
    /// Allowed range of each parameter, by name.
    public var parameterRanges: [String: ParameterRange]

    /// A strategy entry.
    public init(id: String, name: String, symbols: [String], state: State, parameters: [String: Double],
                parameterRanges: [String: ParameterRange]) {
        self.id = id
        self.name = name
        self.symbols = symbols
        self.state = state
        self.parameters = parameters
        self.parameterRanges = parameterRanges
    }
}

/// Inclusive bounds of a numeric parameter.
public struct ParameterRange: Sendable, Hashable, Codable {
    /// Smallest allowed value.
    public var min: Double
    /// Largest allowed value.
    public var max: Double

    /// `[min, max]`.
    public init(min: Double, max: Double) {
        self.min = min
        self.max = max
    }

    /// Whether `value` is finite and within the bounds.
    public func contains(_ value: Double) -> Bool { value.isFinite && value >= min && value <= max }
}
