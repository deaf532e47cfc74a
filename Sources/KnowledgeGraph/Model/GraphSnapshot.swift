/// Every node and relationship of a graph, for export. Sorted (nodes by label and id, relationships by type
/// and endpoints) so exports are deterministic.
public struct GraphSnapshot: Sendable, Hashable, Codable {
    public var nodes: [GraphNode]
    public var relationships: [GraphRelationship]

    /// A snapshot of `nodes` and `relationships`, sorted.
    public init(nodes: [GraphNode], relationships: [GraphRelationship]) {
        self.nodes = nodes.sorted { ($0.label, $0.id) < ($1.label, $1.id) }
        self.relationships = relationships.sorted {
            ($0.type, $0.from.label, $0.from.id, $0.to.label, $0.to.id)
                < ($1.type, $1.from.label, $1.from.id, $1.to.label, $1.to.id)
        }
    }
}

/// Result of a raw query (Neo4j backend): column names and rows of values. Nodes, relationships and other
/// structures are rendered as text.
public struct GraphQueryResult: Sendable, Hashable, Codable {
    public var columns: [String]
    public var rows: [[GraphValue]]

    public init(columns: [String], rows: [[GraphValue]]) {
        self.columns = columns
        self.rows = rows
    }
}
