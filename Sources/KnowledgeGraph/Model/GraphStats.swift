/// Counts of nodes by label and relationships by type.
public struct GraphStats: Sendable, Hashable, Codable {
    public var nodesByLabel: [String: Int]
    public var relationshipsByType: [String: Int]

    public init(nodesByLabel: [String: Int] = [:], relationshipsByType: [String: Int] = [:]) {
        self.nodesByLabel = nodesByLabel
        self.relationshipsByType = relationshipsByType
    }

    /// All nodes.
    public var nodeCount: Int { nodesByLabel.values.reduce(0, +) }
    /// All relationships.
    public var relationshipCount: Int { relationshipsByType.values.reduce(0, +) }

    enum CodingKeys: String, CodingKey {
        case nodesByLabel = "nodes_by_label", relationshipsByType = "relationships_by_type"
    }
}
