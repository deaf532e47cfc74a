import Yams

extension AppConfiguration {
    /// The configuration as YAML with every secret shown as `***`: values under keys containing `secret`,
    /// `password` or `api_key` or named `token` / `*_token`, and the password of a `database.url`. Free-form maps are sorted.
    public func redactedYAML() throws -> String {
        try serialize(node: Self.redacted(ConfigSchema.node(of: self), path: []))
    }

    /// A node tree with secrets replaced by `***`.
    static func redacted(_ node: Node, path: [String]) -> Node {
        let secret = ConfigPath.isSecret(path: path)
        switch node {
        case .scalar(let s):
            if path == ["database", "url"] { return Node(redactingPassword(in: s.string)) }
            if ScalarKind(node) == .float, let value = node.float, value.isFinite { return Node("\(value)") }
            guard secret, !s.string.isEmpty, ScalarKind(node) != .null else { return node }
            return Node("***")
        case .sequence(let seq):
            let items = seq.enumerated().map { i, item in redacted(item, path: path + ["[\(i)]"]) }
            return .sequence(Node.Sequence(items, seq.tag, seq.style, seq.mark))
        case .mapping(let map):
            var pairs = map.map { key, value in (key, redacted(value, path: path + [key.string ?? ""])) }
            if ConfigSchema.freeFormMaps[ConfigPath.pattern(path)] != nil {
                pairs.sort { ($0.0.string ?? "") < ($1.0.string ?? "") }
            }
            return .mapping(Node.Mapping(pairs, map.tag, map.style, map.mark))
        }
    }

    /// `postgres://user:***@host/db` for a URL with a password; other text unchanged.
    static func redactingPassword(in url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].lastIndex(of: "@") else { return url }
        let credentials = url[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }
}
