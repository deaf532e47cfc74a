/// Why an indicator specification such as `"sma:x"` could not be parsed; the message names the
/// specification, the offending part and what is expected.
public struct IndicatorSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The specific problem.
    public enum Reason: Sendable, Hashable {
        /// The specification is empty.
        case empty
        /// No indicator has this name.
        case unknownIndicator(name: String)
        /// More parameters than the indicator takes.
        case tooManyParameters(accepted: [String], given: Int)
        /// Parameter `position` (1-based) is not acceptable.
        case invalidParameter(position: Int, name: String, value: String, expectation: String)
        /// The parameters are individually valid but contradict each other.
        case inconsistentParameters(String)
    }

    /// The specification as given.
    public let spec: String
    /// What is wrong with it.
    public let reason: Reason

    /// Creates an error about `spec`.
    public init(spec: String, reason: Reason) {
        self.spec = spec
        self.reason = reason
    }

    /// The message, e.g. `indicator 'sma:x': parameter 1 (period) must be an integer period between 1 and 100000, got 'x'`.
    public var description: String {
        switch reason {
        case .empty:
            return "indicator '\(spec)': empty specification; expected name[:p1,p2,...], e.g. sma:20 or macd:12,26,9"
        case let .unknownIndicator(name):
            let names = IndicatorSpec.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown indicator '\(name)'; available: \(names)"
        case let .tooManyParameters(accepted, given):
            let list = accepted.isEmpty ? "none" : accepted.joined(separator: ", ")
            let noun = accepted.count == 1 ? "parameter" : "parameters"
            return "indicator '\(spec)': takes at most \(accepted.count) \(noun) (\(list)), got \(given)"
        case let .invalidParameter(position, name, value, expectation):
            return "indicator '\(spec)': parameter \(position) (\(name)) must be \(expectation), got '\(value)'"
        case let .inconsistentParameters(message):
            return "indicator '\(spec)': \(message)"
        }
    }
}
