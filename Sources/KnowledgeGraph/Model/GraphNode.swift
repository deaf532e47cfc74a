/// The identity of a node: its label and an id unique within that label.
public struct GraphNodeRef: Sendable, Hashable, Codable, CustomStringConvertible {
    public var label: String
    public var id: String

    public init(label: String, id: String) {
        self.label = label
        self.id = id
    }

    /// `(:Label {id})`.
    public var description: String { "(:\(label) \(id))" }
}

/// A node: one label, an id unique within the label, and scalar properties.
///
/// Upserts merge properties (a `null` value removes the key), like Cypher's `MERGE ... SET n += $props`.
/// The integer property `time` (Unix ms), when present, is what retention (`deleteNodes(label:olderThan:)`) uses.
public struct GraphNode: Sendable, Hashable, Codable {
    public var label: String
    public var id: String
    public var properties: [String: GraphValue]

    public init(label: String, id: String, properties: [String: GraphValue] = [:]) {
        self.label = label
        self.id = id
        self.properties = properties
    }

    /// This node's identity.
    public var ref: GraphNodeRef { GraphNodeRef(label: label, id: id) }

    /// The `time` property (Unix ms), if it is an integer.
    public var time: Int64? { properties["time"]?.intValue }
}
