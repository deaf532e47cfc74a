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

extension GraphBatch {
    /// Each node and relationship once, in order of first appearance, with the properties of repeated upserts
    /// merged in order (later values win; a later `null` stays, so the store still removes the key). Writing the
    /// result equals writing the upserts one after another, on servers that evaluate one statement's rows eagerly.
    /// - Complexity: O(n).
    public func coalesced() -> GraphBatch {
        var nodeIndex: [GraphNodeRef: Int] = [:]
        var nodes: [GraphNode] = []
        nodes.reserveCapacity(self.nodes.count)
        for node in self.nodes {
            if let index = nodeIndex[node.ref] {
                nodes[index].properties.merge(node.properties) { _, later in later }
            } else {
                nodeIndex[node.ref] = nodes.count
                nodes.append(node)
            }
        }
        struct Key: Hashable { var type: String, from: GraphNodeRef, to: GraphNodeRef }
        var relationshipIndex: [Key: Int] = [:]
        var relationships: [GraphRelationship] = []
        relationships.reserveCapacity(self.relationships.count)
        for relationship in self.relationships {
            let key = Key(type: relationship.type, from: relationship.from, to: relationship.to)
            if let index = relationshipIndex[key] {
                relationships[index].properties.merge(relationship.properties) { _, later in later }
            } else {
                relationshipIndex[key] = relationships.count
                relationships.append(relationship)
            }
        }
        return GraphBatch(nodes: nodes, relationships: relationships)
    }
}
