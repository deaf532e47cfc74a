import NIOSSL

/// Transport security of a Bolt connection.
public enum BoltTLS: Sendable {
    /// Plain TCP (`bolt://`).
    case disabled
    /// TLS with certificate and host name verification against the system trust roots (`bolt+s://`).
    case verified
    /// TLS that accepts self-signed certificates: encrypted but not authenticated (`bolt+ssc://`).
    case selfSigned
    /// TLS with a caller-provided configuration (custom roots, client certificates, …).
    case custom(TLSConfiguration)

    /// The swift-nio-ssl configuration, or nil for ``disabled``.
    var configuration: TLSConfiguration? {
        switch self {
        case .disabled:
            return nil
        case .verified:
            return TLSConfiguration.makeClientConfiguration()
        case .selfSigned:
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            return configuration
        case .custom(let configuration):
            return configuration
        }
    }
}
