import Yams

/// The resolved type of a YAML scalar.
enum ScalarKind: Sendable {
    case bool, int, float, string, null

    /// The kind of a node's resolved tag (a non-scalar node counts as a string).
    init(_ node: Node) {
        switch node.tag.description {
        case Tag.Name.bool.rawValue: self = .bool
        case Tag.Name.int.rawValue: self = .int
        case Tag.Name.float.rawValue: self = .float
        case Tag.Name.null.rawValue: self = .null
        default: self = .string
        }
    }

    /// For messages: `an integer`, `a number`, ...
    var described: String {
        switch self {
        case .bool: return "true or false"
        case .int: return "an integer"
        case .float: return "a number"
        case .string, .null: return "a string"
        }
    }
}
