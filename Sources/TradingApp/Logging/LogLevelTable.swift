import GraphwizConfig
import Logging

/// The level of each logger: the most specific `logging.modules` entry that matches its label, else the
/// default `logging.level`.
///
/// A module key `kernel` matches the labels `kernel`, `kernel.orders`, `graphwiz.kernel` and
/// `graphwiz.kernel.orders`; the longest matching key wins.
public struct LogLevelTable: Sendable, Equatable {
    /// The level of labels no module matches.
    public var defaultLevel: Logger.Level
    /// Levels by module key.
    public var modules: [String: Logger.Level]

    /// A table with `defaultLevel` and per-module overrides.
    public init(defaultLevel: Logger.Level, modules: [String: Logger.Level] = [:]) {
        self.defaultLevel = defaultLevel
        self.modules = modules
    }

    /// The table of a `logging:` section.
    public init(_ config: LoggingConfig) {
        self.init(defaultLevel: Self.level(config.level),
                  modules: config.modules.mapValues(Self.level))
    }

    /// The level for a logger called `label`.
    public func level(for label: String) -> Logger.Level {
        var bestLength = -1
        var result = defaultLevel
        for (key, level) in modules where key.count > bestLength && Self.matches(key: key, label: label) {
            bestLength = key.count
            result = level
        }
        return result
    }

    /// Whether module `key` covers `label`, with or without the `graphwiz.` prefix.
    static func matches(key: String, label: String) -> Bool {
        if label == key || label.hasPrefix(key + ".") { return true }
        guard label.hasPrefix("graphwiz.") else { return false }
        let bare = label.dropFirst("graphwiz.".count)
        return bare == key || bare.hasPrefix(key + ".")
    }

    /// swift-log's level for a configured one (the same names).
    public static func level(_ level: LogLevel) -> Logger.Level {
        Logger.Level(rawValue: level.rawValue) ?? .info
    }
}
