/// Binance's SIGNED endpoint scheme: `signature` = lowercase hex HMAC-SHA256 of the total parameters (query
/// string followed by the request body, exactly as sent) keyed with the API secret.
public struct BinanceSigner: Sendable {
    private let secret: String

    /// A signer for one secret.
    public init(secret: String) { self.secret = secret }

    /// The signature of `payload` (query string + body).
    public func signature(of payload: String) -> String {
        HMACSigner.sha256Hex(secret: secret, message: payload)
    }

    /// Appends `&signature=...` to an encoded query string.
    public func signedQuery(_ query: String) -> String {
        query + "&signature=" + signature(of: query)
    }
}
