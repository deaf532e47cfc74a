import Yams

/// Environment variables `GRAPHWIZ_<SECTION>__<KEY>` (double underscore between levels) that override a
/// configuration key, e.g. `GRAPHWIZ_RISK__MAX_DRAWDOWN=0.1` sets `risk.max_drawdown`.
/// The value is read as YAML (`0.1` is a number, `[BTC/USDT, ETH/USDT]` a list).
public struct EnvironmentOverrides: Sendable, Hashable {
    /// The variable prefix.
    public static let prefix = "GRAPHWIZ_"

    /// One override.
    public struct Override: Sendable, Hashable {
        /// The variable, e.g. `GRAPHWIZ_RISK__MAX_DRAWDOWN`.
        public var variable: String
        /// The key path, e.g. `["risk", "max_drawdown"]`.
        public var path: [String]
        /// The raw value.
        public var value: String
    }

    /// The overrides in variable-name order.
    public var overrides: [Override]

    /// Every `GRAPHWIZ_*` variable containing `__`; others (e.g. `GRAPHWIZ_DB`) are not overrides.
    public init(environment: [String: String]) {
        overrides = environment.keys.sorted().compactMap { variable in
            guard variable.hasPrefix(Self.prefix), variable.contains("__"), let value = environment[variable] else { return nil }
            let path = variable.dropFirst(Self.prefix.count).lowercased().components(separatedBy: "__")
            return Override(variable: variable, path: path, value: value)
        }
    }

    /// The value as a node: parsed as YAML when it is a scalar or a list, else as a plain string.
    static func node(for value: String) -> Node {
        if let node = try? compose(yaml: value) {
            switch node {
            case .scalar, .sequence: return node
            case .mapping: break
            }
        }
        return Node(value)
    }

    /// `root` with every override applied.
    /// - Returns: the new tree and, for paths that run into a scalar or list, a problem each.
    func apply(to root: Node?) -> (Node?, [ConfigProblem]) {
        var tree = root
        var problems: [ConfigProblem] = []
        for o in overrides {
            if let updated = NodeMerge.setting(Self.node(for: o.value), at: o.path[...], in: tree) {
                tree = updated
            } else {
                problems.append(ConfigProblem(location: "environment \(o.variable)",
                                              message: "\(ConfigPath.display(o.path)) cannot be overridden: a parent key is not a mapping"))
            }
        }
        return (tree, problems)
    }
}
