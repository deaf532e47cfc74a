/// What a caller may do: `viewer` reads, `trader` also trades, `admin` also uses the kill switch and config.
public enum APIRole: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Read-only access.
    case viewer
    /// Reads plus orders, strategies and backtests.
    case trader
    /// Everything, including the kill switch and the configuration.
    case admin

    var rank: Int {
        switch self {
        case .viewer: 0
        case .trader: 1
        case .admin: 2
        }
    }

    public static func < (lhs: APIRole, rhs: APIRole) -> Bool { lhs.rank < rhs.rank }
}

/// Who made a request, once authenticated.
public struct APIIdentity: Sendable, Hashable {
    /// How the caller proved who it is.
    public enum Method: String, Sendable, Hashable { case jwt, apiKey = "api_key" }

    /// Token subject, or `key:<name>` for an API key.
    public var subject: String
    /// Granted role.
    public var role: APIRole
    /// Token or API key.
    public var method: Method

    /// An identity.
    public init(subject: String, role: APIRole, method: Method) {
        self.subject = subject
        self.role = role
        self.method = method
    }
}
