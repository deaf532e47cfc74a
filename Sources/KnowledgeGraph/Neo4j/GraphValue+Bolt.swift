import BoltClient

extension GraphValue {
    /// The Bolt parameter value.
    var bolt: BoltValue {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .int(let value): .int(value)
        case .double(let value): .float(value)
        case .string(let value): .string(value)
        }
    }

    /// A Bolt result value as a graph value: scalars map one to one, structures become their text.
    init(bolt: BoltValue) {
        switch bolt {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(value)
        case .float(let value): self = .double(value)
        case .string(let value): self = .string(value)
        case .node(let node):
            let id = node.properties["id"].map { GraphValue(bolt: $0).description } ?? "\(node.id)"
            self = .string("(:\(node.labels.joined(separator: ":")) \(id))")
        case .relationship(let relationship): self = .string("[:\(relationship.type)]")
        case .list(let values): self = .string("[" + values.map { GraphValue(bolt: $0).description }.joined(separator: ", ") + "]")
        case .map(let map):
            self = .string("{" + map.keys.sorted().map { "\($0): \(GraphValue(bolt: map[$0]!).description)" }
                .joined(separator: ", ") + "}")
        default: self = .string("\(bolt)")
        }
    }
}

extension Dictionary where Key == String, Value == GraphValue {
    /// The properties as a Bolt map.
    var bolt: BoltValue { .map(mapValues(\.bolt)) }
}
