import TradingCore
import Yams

/// Checks a user node tree against the ``ConfigSchema``, collecting every problem, and returns the tree
/// without the bad parts (so the rest can still be decoded and range-checked).
struct ConfigChecker {
    let schema: ConfigSchema
    let locator: ConfigLocator
    var problems: [ConfigProblem] = []

    init(schema: ConfigSchema = .shared, locator: ConfigLocator) {
        self.schema = schema
        self.locator = locator
    }

    /// The user's root node with unknown keys and mistyped values removed.
    mutating func sanitize(_ root: Node) -> Node? {
        check(root, against: schema.defaults, path: [])
    }

    private mutating func report(_ node: Node?, _ path: [String], _ message: String) {
        problems.append(ConfigProblem(location: locator.location(of: node, path: path), message: message))
    }

    private mutating func check(_ node: Node, against expected: Node, path: [String]) -> Node? {
        let pattern = ConfigPath.pattern(path)
        if case .scalar = node, ScalarKind(node) == .null { return nil }
        switch expected {
        case .mapping(let expectedMap):
            guard case .mapping(let map) = node else {
                report(node, path, "\(name(path)) must be a mapping of keys, got \(shown(node, path))")
                return nil
            }
            if let valueType = ConfigSchema.freeFormMaps[pattern] {
                return freeForm(map, valueType: valueType, path: path)
            }
            var kept: [(Node, Node)] = []
            for (keyNode, value) in map {
                let key = keyNode.string ?? ""
                guard let expectedValue = expectedMap[key] else {
                    unknownKey(key, keyNode, known: expectedMap.keys.compactMap(\.string), path: path)
                    continue
                }
                if let good = check(value, against: expectedValue, path: path + [key]) {
                    if path == ["risk"], let message = Self.riskProblem(key: key, value: good) {
                        report(value, path + [key], message)
                        continue
                    }
                    kept.append((keyNode, good))
                }
            }
            return .mapping(Node.Mapping(kept, map.tag, map.style, map.mark))
        case .sequence(let expectedSequence):
            guard case .sequence(let sequence) = node else {
                report(node, path, "\(name(path)) must be a list, got \(shown(node, path))")
                return nil
            }
            let element = schema.element(of: pattern, default: expectedSequence)
            var kept: [Node] = []
            for (i, item) in sequence.enumerated() {
                if let good = check(item, against: element, path: path + ["[\(i)]"]) { kept.append(good) }
            }
            return .sequence(Node.Sequence(kept, sequence.tag, sequence.style, sequence.mark))
        case .scalar:
            return scalar(node, type: ScalarKind(expected), path: path)
        }
    }

    private mutating func freeForm(_ map: Node.Mapping, valueType: ScalarKind, path: [String]) -> Node? {
        var kept: [(Node, Node)] = []
        for (keyNode, value) in map {
            let itemPath = path + [keyNode.string ?? ""]
            if let good = scalar(value, type: valueType, path: itemPath, pattern: ConfigPath.pattern(path) + ".*") {
                kept.append((keyNode, good))
            }
        }
        return .mapping(Node.Mapping(kept, map.tag, map.style, map.mark))
    }

    private mutating func scalar(_ node: Node, type: ScalarKind, path: [String], pattern: String? = nil) -> Node? {
        guard case .scalar = node else {
            report(node, path, "\(name(path)) must be \(type.described), got \(shown(node, path))")
            return nil
        }
        let actual = ScalarKind(node)
        let fits: Bool
        switch type {
        case .bool: fits = actual == .bool
        case .int: fits = actual == .int
        case .float: fits = actual == .int || actual == .float
        default: fits = actual != .null
        }
        guard fits else {
            report(node, path, "\(name(path)) must be \(type.described), got \(shown(node, path))")
            return nil
        }
        if let allowed = ConfigSchema.enums[pattern ?? ConfigPath.pattern(path)], let text = node.string,
           !allowed.contains(text) {
            report(node, path, "\(name(path)) must be one of \(allowed.joined(separator: ", ")), got \(shown(node, path))")
            return nil
        }
        return node
    }

    private mutating func unknownKey(_ key: String, _ keyNode: Node, known: [String], path: [String]) {
        var message = "\(name(path + [key])) is not a known key"
        if let suggestion = Suggestion.closest(to: key, among: known) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "."
        }
        message += " Allowed keys\(path.isEmpty ? "" : " of \(name(path))"): \(known.joined(separator: ", "))"
        report(keyNode, path + [key], message)
    }

    private func name(_ path: [String]) -> String { path.isEmpty ? "the configuration" : ConfigPath.display(path) }

    /// A value for a message: `'text'` (or `***` under a secret key); a mapping or list by its kind.
    private func shown(_ node: Node, _ path: [String]) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s):
            if ScalarKind(node) == .null { return "nothing (null)" }
            return ConfigPath.isSecret(path: path) ? "***" : "'\(s.string)'"
        }
    }

    /// The ``RiskLimitsError`` sentence for one risk key, or nil when the value is in range.
    static func riskProblem(key: String, value: Node) -> String? {
        guard let yaml = try? serialize(node: Node([(Node(key), value)])) else { return nil }
        do {
            _ = try YAMLDecoder().decode(RiskLimits.self, from: yaml)
            return nil
        } catch DecodingError.dataCorrupted(let context) {
            return context.debugDescription
        } catch {
            return "risk.\(key) could not be read: \(error)"
        }
    }
}
