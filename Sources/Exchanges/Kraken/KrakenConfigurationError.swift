/// A Kraken adapter set up with unusable settings.
public enum KrakenConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The API secret is not base64 text.
    case secretNotBase64
    /// A base URL could not be parsed.
    case invalidURL(field: String, value: String)
    /// A private call was made without credentials.
    case missingCredentials(method: String)
    /// The nonce file could not be read or written.
    case nonceFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .secretNotBase64:
            return "kraken: the API secret must be the base64 text shown by Kraken (it did not decode)"
        case let .invalidURL(field, value):
            return "kraken: \(field) '\(value)' is not a URL like https://api.kraken.com or wss://ws.kraken.com/v2"
        case let .missingCredentials(method):
            return "kraken: private call \(method) needs an API key and secret (exchanges.kraken.api_key / api_secret)"
        case let .nonceFile(path, reason):
            return "kraken: nonce file \(path): \(reason); expected a writable file holding one unsigned integer"
        }
    }
}
