/// The knowledge graph port: an embedded implementation (``EmbeddedGraphStore``, SQLite) and a Neo4j one
/// (``Neo4jGraphStore``, Cypher over Bolt) with the same behaviour, checked by one contract test suite.
///
/// Nodes are identified by label and id; relationships by type and endpoints. Writes are upserts that merge
/// properties (a `null` value removes a key), so replaying a write is harmless.
public protocol GraphStore: Sendable {
    /// A short backend name for messages (`embedded`, `neo4j`).
    var backendName: String { get }

    /// Upserts nodes and then relationships (creating missing endpoint nodes), in batches.
    /// - Complexity: O(n) rows; a constant number of statements per label/type and 1,000 rows.
    func write(_ batch: GraphBatch) async throws

    /// The node, or nil when absent.
    func node(_ ref: GraphNodeRef) async throws -> GraphNode?

    /// Nodes one relationship away, optionally only over relationships of `type`, sorted by relationship type
    /// then node label and id.
    func neighbours(of ref: GraphNodeRef, type: String?, direction: GraphDirection) async throws -> [GraphNeighbour]

    /// Nodes of `label` whose property `key` equals `value` (not null), newest first: by `time` descending,
    /// nodes without `time` last, then by id; at most `limit`.
    /// - Complexity: a scan of the label's nodes (the stores index id and time, not other properties).
    func nodes(label: String, where key: String, equals value: GraphValue, limit: Int) async throws -> [GraphNode]

    /// Every relationship of `type`, sorted by endpoints.
    func relationships(ofType type: String) async throws -> [GraphRelationship]

    /// Node counts by label and relationship counts by type.
    func stats() async throws -> GraphStats

    /// Every node and relationship.
    func snapshot() async throws -> GraphSnapshot

    /// Deletes nodes of `label` whose `time` property is before `cutoff` (Unix ms), with their relationships;
    /// returns how many nodes were deleted. Nodes without `time` are kept.
    func deleteNodes(label: String, olderThan cutoff: Int64) async throws -> Int

    /// Runs a raw Cypher query (Neo4j only; the embedded store throws ``GraphError/unsupported(backend:operation:hint:)``).
    func query(_ cypher: String, parameters: [String: GraphValue]) async throws -> GraphQueryResult
}

extension GraphStore {
    /// Upserts nodes.
    public func upsert(nodes: [GraphNode]) async throws { try await write(GraphBatch(nodes: nodes)) }

    /// Upserts relationships (creating missing endpoint nodes).
    public func upsert(relationships: [GraphRelationship]) async throws {
        try await write(GraphBatch(relationships: relationships))
    }

    /// Neighbours over every relationship type.
    public func neighbours(of ref: GraphNodeRef, direction: GraphDirection = .both) async throws -> [GraphNeighbour] {
        try await neighbours(of: ref, type: nil, direction: direction)
    }
}

extension Array where Element == GraphNeighbour {
    /// Sorted as ``GraphStore/neighbours(of:type:direction:)`` promises.
    func sortedForGraph() -> [GraphNeighbour] {
        sorted {
            ($0.relationship.type, $0.node.label, $0.node.id) < ($1.relationship.type, $1.node.label, $1.node.id)
        }
    }
}
