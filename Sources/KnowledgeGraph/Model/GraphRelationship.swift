/// A directed, typed relationship. At most one relationship of a type exists between two nodes in one
/// direction: upserting it again merges its properties. Missing endpoint nodes are created without properties.
public struct GraphRelationship: Sendable, Hashable, Codable {
    public var type: String
    public var from: GraphNodeRef
    public var to: GraphNodeRef
    public var properties: [String: GraphValue]

    public init(type: String, from: GraphNodeRef, to: GraphNodeRef, properties: [String: GraphValue] = [:]) {
        self.type = type
        self.from = from
        self.to = to
        self.properties = properties
    }
}
