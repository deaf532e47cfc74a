/// What an indicator is called, what it takes and what it outputs, for `--help` text and errors.
public struct IndicatorDescriptor: Sendable, Hashable {
    /// The name used in specifications, e.g. `macd`.
    public let name: String
    /// One line describing the indicator.
    public let summary: String
    /// Parameters in specification order.
    public let parameters: [IndicatorParameter]
    /// Output column prefixes in order, e.g. `["macd", "macd_signal", "macd_hist"]`; column names
    /// append the parameters (`macd_signal_12_26_9`).
    public let outputs: [String]

    /// The specification with every default spelled out, e.g. `macd:12,26,9` (`obv` for none).
    public var example: String {
        parameters.isEmpty ? name : name + ":" + parameters.map { IndicatorSpec.format($0.defaultValue) }.joined(separator: ",")
    }
}

/// One parameter of an indicator.
public struct IndicatorParameter: Sendable, Hashable {
    /// What values the parameter accepts.
    public enum Kind: Sendable, Hashable {
        /// A whole number of bars between `minimum` and `IndicatorSpec.maximumPeriod`.
        case period(minimum: Int)
        /// A finite number greater than zero.
        case multiplier
    }

    /// The parameter name shown in help and errors, e.g. `period`, `fast`, `multiplier`.
    public let name: String
    /// What values the parameter accepts.
    public let kind: Kind
    /// The value used when the parameter is omitted.
    public let defaultValue: Double

    /// What a valid value looks like, for error messages.
    public var expectation: String {
        switch kind {
        case let .period(minimum):
            return "an integer period between \(minimum) and \(IndicatorSpec.maximumPeriod)"
        case .multiplier:
            return "a finite number > 0"
        }
    }
}
