/// Why a ``TradingControl`` command was refused; `code` is stable and reaches API clients unchanged.
public struct ControlError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of failure, which decides the HTTP status.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The named order, strategy or backtest does not exist (404).
        case notFound = "not_found"
        /// The request is well-formed but not acceptable: unknown symbol, bad quantity, bad parameter (422).
        case invalid
        /// The request conflicts with the current state: order already finished, not halted, halted (409).
        case conflict
        /// The component that would serve the request is down (503).
        case unavailable
    }

    /// The class of failure.
    public var kind: Kind
    /// A stable machine-readable code, e.g. `unknown_symbol`.
    public var code: String
    /// What failed, with the offending value and what is expected.
    public var message: String

    /// A refusal of `kind` with a stable `code` and a message naming the bad value.
    public init(_ kind: Kind, code: String, _ message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
