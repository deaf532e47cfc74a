/// A failure talking to a venue, typed so callers know what is safe to do next.
public struct ExchangeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, independent of the venue.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Connection refused, reset or DNS failure before a response.
        case network
        /// No response in time: the request may or may not have been executed.
        case timeout
        /// The venue said slow down (HTTP 429, Kraken rate-limit errors).
        case rateLimited = "rate_limited"
        /// The venue banned this client for a while (Binance HTTP 418).
        case banned
        /// Bad or missing API key, signature or permissions.
        case authentication
        /// The request itself is wrong (bad symbol, filter violation, invalid arguments).
        case invalidRequest = "invalid_request"
        /// Not enough balance.
        case insufficientFunds = "insufficient_funds"
        /// The venue does not know the order.
        case unknownOrder = "unknown_order"
        /// The client order id was already used.
        case duplicateOrder = "duplicate_order"
        /// Nonce or timestamp outside the venue's window.
        case clockSkew = "clock_skew"
        /// The venue is down or in maintenance.
        case unavailable
        /// Anything else.
        case unknown
    }

    /// The category.
    public var kind: Kind
    /// `binance`, `kraken`, ...
    public var venue: String
    /// The venue's own code (`-2010`, `EOrder:Insufficient funds`), when it sent one.
    public var code: String?
    /// The venue's message or a description of the failure.
    public var message: String
    /// Seconds to wait before the next request, when the venue said so.
    public var retryAfter: Double?
    /// True when the request may have reached the venue and been executed (timeouts, connection lost
    /// after sending, 5xx with unknown status): the caller must reconcile before resubmitting.
    public var outcomeUnknown: Bool

    public init(kind: Kind, venue: String, code: String? = nil, message: String, retryAfter: Double? = nil,
                outcomeUnknown: Bool = false) {
        self.kind = kind
        self.venue = venue
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
        self.outcomeUnknown = outcomeUnknown
    }

    /// Whether sending the same request again is safe without reconciling first: the venue certainly did not
    /// act on it and waiting may help (rate limits, unavailable, clock skew after a resync, network errors
    /// before sending).
    public var isRetrySafe: Bool {
        guard !outcomeUnknown else { return false }
        switch kind {
        case .network, .rateLimited, .unavailable, .clockSkew: return true
        case .timeout, .banned, .authentication, .invalidRequest, .insufficientFunds, .unknownOrder,
             .duplicateOrder, .unknown: return false
        }
    }

    public var description: String {
        var text = "\(venue): \(kind.rawValue)"
        if let code { text += " (\(code))" }
        text += ": \(message)"
        if let retryAfter { text += "; retry after \(retryAfter) s" }
        if outcomeUnknown { text += "; the order may have reached the venue, reconcile before resubmitting" }
        return text
    }
}
