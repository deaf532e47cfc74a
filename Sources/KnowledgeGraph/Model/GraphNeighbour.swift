/// Which relationships of a node to follow.
public enum GraphDirection: String, Sendable, Hashable, Codable {
    /// Relationships that start at the node.
    case outgoing
    /// Relationships that end at the node.
    case incoming
    /// Both.
    case both
}

/// A node reached over one relationship.
public struct GraphNeighbour: Sendable, Hashable, Codable {
    /// The relationship, with its real direction.
    public var relationship: GraphRelationship
    /// The node at the other end.
    public var node: GraphNode

    public init(relationship: GraphRelationship, node: GraphNode) {
        self.relationship = relationship
        self.node = node
    }
}
