extension BoltValue {
    /// True for ``null``.
    public var isNull: Bool { if case .null = self { true } else { false } }
    /// The boolean, or nil for any other case.
    public var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }
    /// The integer, or nil for any other case.
    public var intValue: Int64? { if case .int(let value) = self { value } else { nil } }
    /// The float (an integer is widened), or nil for any other case.
    public var doubleValue: Double? {
        switch self {
        case .float(let value): value
        case .int(let value): Double(value)
        default: nil
        }
    }
    /// The string, or nil for any other case.
    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    /// The bytes, or nil for any other case.
    public var bytesValue: [UInt8]? { if case .bytes(let value) = self { value } else { nil } }
    /// The list, or nil for any other case.
    public var listValue: [BoltValue]? { if case .list(let value) = self { value } else { nil } }
    /// The map, or nil for any other case.
    public var mapValue: [String: BoltValue]? { if case .map(let value) = self { value } else { nil } }
    /// The node, or nil for any other case.
    public var nodeValue: BoltNode? { if case .node(let value) = self { value } else { nil } }
    /// The relationship, or nil for any other case.
    public var relationshipValue: BoltRelationship? { if case .relationship(let value) = self { value } else { nil } }
    /// The path, or nil for any other case.
    public var pathValue: BoltPath? { if case .path(let value) = self { value } else { nil } }

    /// The map entry for `key`, or nil when this is not a map or has no such key.
    public subscript(key: String) -> BoltValue? { mapValue?[key] }
}

extension BoltValue: ExpressibleByNilLiteral {
    /// `nil` is ``null``.
    public init(nilLiteral: ()) { self = .null }
}

extension BoltValue: ExpressibleByBooleanLiteral {
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension BoltValue: ExpressibleByIntegerLiteral {
    /// An integer literal.
    public init(integerLiteral value: Int64) { self = .int(value) }
}

extension BoltValue: ExpressibleByFloatLiteral {
    /// A float literal.
    public init(floatLiteral value: Double) { self = .float(value) }
}

extension BoltValue: ExpressibleByStringLiteral {
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension BoltValue: ExpressibleByArrayLiteral {
    /// A list literal.
    public init(arrayLiteral elements: BoltValue...) { self = .list(elements) }
}

extension BoltValue: ExpressibleByDictionaryLiteral {
    /// A map literal; a repeated key keeps the last value.
    public init(dictionaryLiteral elements: (String, BoltValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
