import Foundation

/// Where the embedded database lives: the `--db` option, else the `GRAPHWIZ_DB` environment variable, else
/// `data/graphwiz.sqlite` relative to the current directory.
public enum StoreLocation {
    /// The default path, relative to the current directory.
    public static let defaultPath = "data/graphwiz.sqlite"
    /// The environment variable that overrides the default.
    public static let environmentVariable = "GRAPHWIZ_DB"

    /// The database path to use. Empty values count as absent.
    public static func resolve(option: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let value = environment[environmentVariable], !value.isEmpty { return value }
        return defaultPath
    }
}
