/// Failures of the knowledge graph, each naming what was wrong and what is expected.
public enum GraphError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A label, relationship type or property key that is not a plain identifier.
    case invalidIdentifier(kind: String, value: String)
    /// A property value the stores cannot hold (NaN or infinite numbers).
    case invalidValue(field: String, value: String, expected: String)
    /// The backend cannot do this operation.
    case unsupported(backend: String, operation: String, hint: String)
    /// Stored property text that is not the JSON the embedded store writes.
    case corruptProperties(table: String, key: String, reason: String)
    /// The backend failed.
    case backend(backend: String, operation: String, reason: String)
    /// A requested node does not exist.
    case notFound(label: String, id: String)
    /// A record of an imported file (line 1 is the first line; 0 when the whole file is meant) or tool call
    /// argument that is not what is expected.
    case invalidInput(source: String, line: Int, field: String, value: String, expected: String)

    public var description: String {
        switch self {
        case let .invalidIdentifier(kind, value):
            "graph: \(kind) must match [A-Za-z_][A-Za-z0-9_]*, got '\(value)'"
        case let .invalidValue(field, value, expected):
            "graph: property \(field) = \(value) is invalid, expected \(expected)"
        case let .unsupported(backend, operation, hint):
            "graph: the \(backend) backend does not support \(operation); \(hint)"
        case let .corruptProperties(table, key, reason):
            "graph: \(table) row \(key) has unreadable properties JSON: \(reason)"
        case let .backend(backend, operation, reason):
            "graph: \(backend) \(operation) failed: \(reason)"
        case let .notFound(label, id):
            "graph: no \(label) node with id '\(id)'"
        case let .invalidInput(source, line, field, value, expected):
            "\(source)\(line > 0 ? ":\(line)" : ""): \(field) is '\(value)', expected \(expected)"
        }
    }
}

/// Checks labels, relationship types and property keys before they reach a query text.
enum GraphIdentifier {
    /// Throws unless `value` is `[A-Za-z_][A-Za-z0-9_]*`.
    static func validate(_ value: String, kind: String) throws {
        var first = true
        for byte in value.utf8 {
            let letter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
            let digit = byte >= 48 && byte <= 57
            guard letter || (!first && digit) else { throw GraphError.invalidIdentifier(kind: kind, value: value) }
            first = false
        }
        if first { throw GraphError.invalidIdentifier(kind: kind, value: value) }
    }
}
