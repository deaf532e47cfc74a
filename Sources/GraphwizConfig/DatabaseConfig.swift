/// The `database:` section: which store to use.
public struct DatabaseConfig: Sendable, Hashable, Codable {
    /// A SQLite file path (default `data/graphwiz.sqlite`) or a `postgres://` / `postgresql://` URL.
    public var url = "data/graphwiz.sqlite"

    /// The defaults.
    public init() {}

    /// The kind of store ``url`` selects.
    public enum Kind: Sendable, Hashable {
        /// An embedded SQLite file at this path.
        case sqlite(path: String)
        /// A PostgreSQL server at this URL.
        case postgres(url: String)
    }

    /// `.postgres` for a `postgres://` or `postgresql://` URL, otherwise `.sqlite` (a `sqlite://` prefix is dropped).
    public var kind: Kind {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url: url) }
        if url.hasPrefix("sqlite://") { return .sqlite(path: String(url.dropFirst("sqlite://".count))) }
        return .sqlite(path: url)
    }
}
