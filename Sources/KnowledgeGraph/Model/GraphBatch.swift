/// Nodes and relationships written together (nodes first). A store writes one batch in as few round trips as
/// it can: one transaction on the embedded store, one `UNWIND $rows` statement per label or type on Neo4j.
public struct GraphBatch: Sendable, Hashable {
    public var nodes: [GraphNode]
    public var relationships: [GraphRelationship]

    public init(nodes: [GraphNode] = [], relationships: [GraphRelationship] = []) {
        self.nodes = nodes
        self.relationships = relationships
    }

    /// Number of nodes plus relationships.
    public var count: Int { nodes.count + relationships.count }
    /// True when there is nothing to write.
    public var isEmpty: Bool { nodes.isEmpty && relationships.isEmpty }

    /// Appends another batch.
    public mutating func append(_ other: GraphBatch) {
        nodes.append(contentsOf: other.nodes)
        relationships.append(contentsOf: other.relationships)
    }
}
