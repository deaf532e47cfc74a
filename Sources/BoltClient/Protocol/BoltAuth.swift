/// Credentials sent at connection time (in HELLO before Bolt 5.1, in LOGON from 5.1).
public enum BoltAuth: Sendable, Hashable {
    /// No authentication (`scheme: "none"`).
    case none
    /// User name and password (`scheme: "basic"`), with an optional realm.
    case basic(user: String, password: String, realm: String? = nil)
    /// A bearer token, e.g. an SSO token (`scheme: "bearer"`).
    case bearer(token: String)

    /// The auth token map: `scheme`, `principal`, `credentials`, `realm`.
    var token: [String: BoltValue] {
        switch self {
        case .none:
            return ["scheme": "none"]
        case .basic(let user, let password, let realm):
            var token: [String: BoltValue] = ["scheme": "basic", "principal": .string(user),
                                              "credentials": .string(password)]
            if let realm { token["realm"] = .string(realm) }
            return token
        case .bearer(let token):
            return ["scheme": "bearer", "credentials": .string(token)]
        }
    }
}
