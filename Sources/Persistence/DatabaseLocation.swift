import Foundation

/// Where a ``SQLStore`` lives: an embedded SQLite file (the default) or a PostgreSQL database.
///
/// Both are used through the same SQLKit code; PostgreSQL lets several instances share one database.
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    /// An embedded SQLite file at this path (created with its parent directories if missing).
    case sqlite(path: String)
    /// A PostgreSQL database: `postgres://user:password@host:port/database[?sslmode=disable]`.
    case postgres(url: String)

    /// Reads the `database.url` setting: a `postgres://` or `postgresql://` URL selects PostgreSQL; anything
    /// else is a SQLite file path (a `sqlite://` prefix is dropped).
    public init(_ setting: String) {
        if setting.hasPrefix("postgres://") || setting.hasPrefix("postgresql://") {
            self = .postgres(url: setting)
        } else if setting.hasPrefix("sqlite://") {
            self = .sqlite(path: String(setting.dropFirst("sqlite://".count)))
        } else {
            self = .sqlite(path: setting)
        }
    }

    /// The file path, or the URL with its password replaced by `***`: safe for messages and logs.
    public var description: String {
        switch self {
        case let .sqlite(path):
            return path
        case let .postgres(url):
            return Self.redactingPassword(in: url)
        }
    }

    /// `url` with the password of its user-info part (`user:password@`) replaced by `***`.
    static func redactingPassword(in url: String) -> String {
        guard let schemeEnd = url.range(of: "://"),
              let at = url[schemeEnd.upperBound...].firstIndex(of: "@") else { return url }
        let userInfo = url[schemeEnd.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }
}
