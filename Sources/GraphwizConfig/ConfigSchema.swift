import TradingCore
import Yams

/// The shape of a valid configuration: the encoded defaults (every known key with its type), plus the
/// enumerations, free-form maps and list element shapes the defaults cannot show.
struct ConfigSchema {
    /// `AppConfiguration()` as a YAML node tree.
    let defaults: Node
    /// List element shapes by pattern, for lists whose default is empty or not representative.
    let elements: [String: Node]

    /// Allowed values of enumerated scalars by pattern.
    static let enums: [String: [String]] = [
        "logging.level": LogLevel.allCases.map(\.rawValue),
        "logging.modules.*": LogLevel.allCases.map(\.rawValue),
        "logging.format": LogFormat.allCases.map(\.rawValue),
        "trading.mode": TradingMode.allCases.map(\.rawValue),
        "ai.provider": AIProvider.allCases.map(\.rawValue),
        "optimizer.method": OptimizerMethod.allCases.map(\.rawValue),
        "backtesting.fill": ["next-open", "close"],
        "knowledge_graph.backend": KnowledgeGraphBackend.allCases.map(\.rawValue),
    ]

    /// Maps whose keys are free (names chosen by the user), with the scalar type of every value.
    static let freeFormMaps: [String: ScalarKind] = [
        "logging.modules": .string,
        "trading.strategies[].params": .float,
    ]

    /// The schema of ``AppConfiguration`` (built on each use: Yams nodes are not Sendable).
    static var shared: ConfigSchema {
        // Encoding plain value types with String/Double/Int/Bool leaves cannot fail.
        let defaults = try! node(of: AppConfiguration())  // swiftlint:disable:this force_try
        let strategy = try! node(of: StrategyConfig())  // swiftlint:disable:this force_try
        let exitOverride = try! node(of: ProtectiveExitOverride())  // swiftlint:disable:this force_try
        return ConfigSchema(defaults: defaults, elements: ["trading.strategies": strategy,
                                                           "risk.protective_exits.overrides": exitOverride])
    }

    /// A value as a YAML node tree.
    static func node<T: Encodable>(of value: T) throws -> Node {
        try compose(yaml: YAMLEncoder().encode(value)) ?? Node("")
    }

    /// The element shape of a list at `pattern`: registered, else the first default element, else a string.
    func element(of pattern: String, default sequence: Node.Sequence) -> Node {
        elements[pattern] ?? sequence.first ?? Node("", Tag(.str))
    }
}
