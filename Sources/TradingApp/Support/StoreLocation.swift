import Foundation
import Persistence

/// Where the database lives: the `--db` option, else the `GRAPHWIZ_DB` environment variable, else
/// `data/graphwiz.sqlite` relative to the current directory. Any of them may be a SQLite file path or a
/// `postgres://user:password@host:port/database` URL.
public enum StoreLocation {
    /// The default path, relative to the current directory.
    public static let defaultPath = "data/graphwiz.sqlite"
    /// The environment variable that overrides the default.
    public static let environmentVariable = "GRAPHWIZ_DB"

    /// The database path or URL to use. Empty values count as absent.
    public static func resolve(option: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let value = environment[environmentVariable], !value.isEmpty { return value }
        return defaultPath
    }

    /// The database to use: the `--db` option, else `GRAPHWIZ_DB`, else the configured `database.url`
    /// (`configured`, when given), else the default path.
    public static func location(option: String?, configured: String? = nil,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseLocation {
        if let option, !option.isEmpty { return DatabaseLocation(option) }
        if let value = environment[environmentVariable], !value.isEmpty { return DatabaseLocation(value) }
        if let configured, !configured.isEmpty { return DatabaseLocation(configured) }
        return DatabaseLocation(defaultPath)
    }
}
