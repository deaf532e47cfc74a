import Yams

/// Lays a (checked) user tree over the defaults so every key is present before decoding.
enum NodeMerge {
    /// Mappings merge key by key (user keys absent from the defaults are kept, for free-form maps);
    /// lists and scalars are replaced by the user's; list elements that are mappings are merged over the
    /// element shape of the schema.
    static func merge(_ user: Node?, over defaults: Node, schema: ConfigSchema = .shared, path: [String] = []) -> Node {
        guard let user else { return defaults }
        switch (defaults, user) {
        case (.mapping(let base), .mapping(let top)):
            var pairs: [(Node, Node)] = []
            for (key, value) in base {
                let name = key.string ?? ""
                pairs.append((key, merge(top[name], over: value, schema: schema, path: path + [name])))
            }
            for (key, value) in top where base[key] == nil { pairs.append((key, value)) }
            return .mapping(Node.Mapping(pairs, base.tag, base.style, top.mark))
        case (.sequence(let base), .sequence(let top)):
            let element = schema.element(of: ConfigPath.pattern(path), default: base)
            guard case .mapping = element else { return user }
            let items = top.enumerated().map { i, item in
                merge(item, over: element, schema: schema, path: path + ["[\(i)]"])
            }
            return .sequence(Node.Sequence(items, top.tag, top.style, top.mark))
        default:
            return user
        }
    }

    /// `root` with `value` at a path of keys, creating mappings on the way.
    /// - Returns: nil when the path runs into a scalar or a list.
    static func setting(_ value: Node, at path: ArraySlice<String>, in root: Node?) -> Node? {
        guard let key = path.first else { return value }
        var map: Node.Mapping
        switch root {
        case nil: map = Node.Mapping([])
        case .mapping(let m)?: map = m
        case .scalar? where ScalarKind(root!) == .null: map = Node.Mapping([])
        default: return nil
        }
        guard let child = setting(value, at: path.dropFirst(), in: map[key]) else { return nil }
        map[key] = child
        return .mapping(map)
    }
}
