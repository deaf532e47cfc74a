import NIOCore

/// Everything needed to open a Bolt connection.
public struct BoltConfiguration: Sendable {
    /// Server host name or address.
    public var host: String
    /// Server port (Bolt default 7687).
    public var port: Int
    /// Credentials.
    public var auth: BoltAuth
    /// Transport security.
    public var tls: BoltTLS
    /// `user_agent` sent in HELLO, conventionally `name/version`.
    public var userAgent: String
    /// Bound on TCP connect, TLS, version handshake and authentication together.
    public var connectTimeout: TimeAmount
    /// Records requested per PULL (`n`); the back-pressure window of streamed results.
    public var fetchSize: Int64
    /// Longest wait for the replies to one pipelined exchange (a RUN with its PULL, one batch of a stream, a
    /// COMMIT); nil waits forever. A server that stops answering fails the exchange with ``BoltError/timeout``
    /// and the connection is closed (its protocol state is unknown), so a wedged server never hangs a caller.
    public var responseTimeout: TimeAmount? = .seconds(120)

    /// Creates a configuration.
    public init(host: String, port: Int = 7687, auth: BoltAuth, tls: BoltTLS = .disabled,
                userAgent: String = "graphwiz-bolt/1.0", connectTimeout: TimeAmount = .seconds(10),
                fetchSize: Int64 = 1000) {
        self.host = host
        self.port = port
        self.auth = auth
        self.tls = tls
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.fetchSize = fetchSize
    }

    /// Parses `bolt://host:port`, `bolt+s://…` or `bolt+ssc://…` (port defaults to 7687).
    /// - Throws: ``BoltError/invalidConfiguration(_:)`` naming the URL and what is expected.
    public init(url: String, auth: BoltAuth, userAgent: String = "graphwiz-bolt/1.0") throws {
        guard let schemeEnd = url.firstRange(of: "://") else {
            throw BoltError.invalidConfiguration("url '\(url)' has no scheme, expected bolt://host:port")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let tls: BoltTLS
        switch scheme {
        case "bolt": tls = .disabled
        case "bolt+s": tls = .verified
        case "bolt+ssc": tls = .selfSigned
        default:
            throw BoltError.invalidConfiguration(
                "url '\(url)' has scheme '\(scheme)', expected bolt, bolt+s or bolt+ssc (routing schemes neo4j* are not supported)")
        }
        var authority = url[schemeEnd.upperBound...]
        if let slash = authority.firstIndex(where: { $0 == "/" || $0 == "?" }) { authority = authority[..<slash] }
        var host = String(authority)
        var port = 7687
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            if rest.hasPrefix(":") {
                guard let parsed = Int(rest.dropFirst()), (1...65_535).contains(parsed) else {
                    throw BoltError.invalidConfiguration("url '\(url)' has port '\(rest.dropFirst())', expected 1-65535")
                }
                port = parsed
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            let text = authority[authority.index(after: colon)...]
            guard let parsed = Int(text), (1...65_535).contains(parsed) else {
                throw BoltError.invalidConfiguration("url '\(url)' has port '\(text)', expected 1-65535")
            }
            port = parsed
        }
        guard !host.isEmpty else {
            throw BoltError.invalidConfiguration("url '\(url)' has no host, expected bolt://host:port")
        }
        self.init(host: host, port: port, auth: auth, tls: tls, userAgent: userAgent)
    }
}
