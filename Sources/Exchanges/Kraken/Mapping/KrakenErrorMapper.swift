import TradingCore

/// Maps Kraken's `error` array entries (`"EOrder:Insufficient funds"`) to ``ExchangeError`` kinds.
public enum KrakenErrorMapper {
    /// The venue name used in every error.
    public static let venue = "kraken"

    /// The error for the first entry of a non-empty `error` array.
    /// - Parameters:
    ///   - messages: the `error` array.
    ///   - method: the REST method, named in the message (`AddOrder`).
    ///   - mutating: true for calls that change state (AddOrder, CancelOrder): an internal or unavailable
    ///     answer then leaves the outcome unknown, because Kraken documents that the order may have been placed.
    public static func error(for messages: [String], method: String, mutating: Bool) -> ExchangeError {
        let code = messages.first ?? "EGeneral:Unknown"
        let text = "\(method): " + messages.joined(separator: "; ")
        let kind = kind(of: code)
        var outcomeUnknown = false
        var retryAfter: Double?
        switch kind {
        case .unavailable, .unknown, .timeout:
            outcomeUnknown = mutating
        case .rateLimited:
            retryAfter = code.hasPrefix("EOrder") ? 1 : 3
        default: break
        }
        return ExchangeError(kind: kind, venue: venue, code: code, message: text, retryAfter: retryAfter,
                             outcomeUnknown: outcomeUnknown)
    }

    /// The category of one Kraken error code.
    public static func kind(of code: String) -> ExchangeError.Kind {
        let c = code.lowercased()
        if c.hasPrefix("eapi:invalid nonce") { return .clockSkew }
        if c.hasPrefix("eapi:rate limit exceeded") || c.hasPrefix("eorder:rate limit exceeded") { return .rateLimited }
        if c.hasPrefix("egeneral:temporary lockout") { return .banned }
        if c.hasPrefix("eapi:invalid key") || c.hasPrefix("eapi:invalid signature") || c.hasPrefix("eapi:invalid session")
            || c.hasPrefix("egeneral:permission denied") || c.hasPrefix("eapi:bad request") && c.contains("key") {
            return .authentication
        }
        if c.hasPrefix("eorder:insufficient funds") || c.hasPrefix("eorder:insufficient margin")
            || c.hasPrefix("efunding:insufficient funds") {
            return .insufficientFunds
        }
        if c.hasPrefix("eorder:unknown order") || c.hasPrefix("eorder:unknown position") { return .unknownOrder }
        if c.hasPrefix("eorder:duplicate order") || c.contains("cl_ord_id") && c.contains("duplicate") { return .duplicateOrder }
        if c.hasPrefix("eservice:unavailable") || c.hasPrefix("eservice:busy") || c.hasPrefix("eservice:market in cancel_only")
            || c.hasPrefix("eservice:market in post_only") {
            return .unavailable
        }
        if c.hasPrefix("eservice:deadline elapsed") { return .timeout }
        if c.hasPrefix("egeneral:internal error") { return .unknown }
        if c.hasPrefix("egeneral:invalid arguments") || c.hasPrefix("eorder:") || c.hasPrefix("equery:")
            || c.hasPrefix("eapi:feature disabled") || c.hasPrefix("egeneral:unknown method") {
            return .invalidRequest
        }
        return .unknown
    }
}
