import Persistence
import SQLKit

/// The graph in the embedded SQLite store, so a fresh machine needs no graph server.
///
/// Open the ``SQLStore`` with ``migrations`` (or any list that contains ``migration``). Upserts use SQLite's
/// `ON CONFLICT ... DO UPDATE` with `json_patch`, which merges properties exactly as Cypher's `SET n += $props`
/// (null removes a key). `json_patch` is SQLite's; a PostgreSQL port would use `jsonb ||` and `jsonb_strip_nulls`.
public final class EmbeddedGraphStore: GraphStore {
    /// The underlying store (not closed by this type).
    public let store: SQLStore
    public var backendName: String { "embedded" }

    /// Rows per multi-row INSERT: keeps every statement under SQLite's historic 999 bind-variable limit.
    static let nodeRowsPerStatement = 240
    static let relationshipRowsPerStatement = 160

    /// Merges properties and keeps the `time` column equal to the merged integer `time` property.
    static let nodeConflictClause: SQLQueryString = """
         ON CONFLICT (label, id) DO UPDATE SET properties = json_patch(graph_nodes.properties, excluded.properties), \
        time = CASE WHEN json_type(json_patch(graph_nodes.properties, excluded.properties), '$.time') = 'integer' \
        THEN json_extract(json_patch(graph_nodes.properties, excluded.properties), '$.time') ELSE NULL END
        """

    /// A graph over `store`, which must have been opened with ``migration``.
    public init(store: SQLStore) { self.store = store }

    /// Writes the batch in one transaction: nodes, then endpoint placeholders not in the batch, then relationships.
    /// - Complexity: O(n) rows in ⌈n / 160⌉ statements.
    public func write(_ batch: GraphBatch) async throws {
        if batch.isEmpty { return }
        var nodeRows: [(GraphNode, String)] = []
        nodeRows.reserveCapacity(batch.nodes.count)
        var written = Set<GraphNodeRef>()
        for node in batch.nodes {
            try GraphIdentifier.validate(node.label, kind: "node label")
            nodeRows.append((node, try GraphJSON.encode(node.properties)))
            written.insert(node.ref)
        }
        var placeholders: [GraphNodeRef] = []
        var relationshipRows: [(GraphRelationship, String)] = []
        relationshipRows.reserveCapacity(batch.relationships.count)
        for relationship in batch.relationships {
            try GraphIdentifier.validate(relationship.type, kind: "relationship type")
            for end in [relationship.from, relationship.to] where !written.contains(end) {
                try GraphIdentifier.validate(end.label, kind: "node label")
                written.insert(end)
                placeholders.append(end)
            }
            relationshipRows.append((relationship, try GraphJSON.encode(relationship.properties)))
        }
        try await store.transaction { db in
            for chunk in nodeRows.chunked(Self.nodeRowsPerStatement) {
                var sql: SQLQueryString = "INSERT INTO graph_nodes (label, id, time, properties) VALUES "
                for (index, (node, json)) in chunk.enumerated() {
                    if index > 0 { sql += ", " }
                    sql += "(\(bind: node.label), \(bind: node.id), \(bind: node.time), \(bind: json))"
                }
                sql += Self.nodeConflictClause
                try await db.raw(sql).run()
            }
            for chunk in placeholders.chunked(Self.nodeRowsPerStatement) {
                var sql: SQLQueryString = "INSERT INTO graph_nodes (label, id, time, properties) VALUES "
                for (index, ref) in chunk.enumerated() {
                    if index > 0 { sql += ", " }
                    sql += "(\(bind: ref.label), \(bind: ref.id), NULL, '{}')"
                }
                sql += " ON CONFLICT (label, id) DO NOTHING"
                try await db.raw(sql).run()
            }
            for chunk in relationshipRows.chunked(Self.relationshipRowsPerStatement) {
                var sql: SQLQueryString =
                    "INSERT INTO graph_relationships (from_label, from_id, type, to_label, to_id, properties) VALUES "
                for (index, (relationship, json)) in chunk.enumerated() {
                    if index > 0 { sql += ", " }
                    sql += "(\(bind: relationship.from.label), \(bind: relationship.from.id), "
                        + "\(bind: relationship.type), \(bind: relationship.to.label), \(bind: relationship.to.id), "
                        + "\(bind: json))"
                }
                sql += " ON CONFLICT (from_label, from_id, type, to_label, to_id) DO UPDATE SET properties = "
                    + "json_patch(graph_relationships.properties, excluded.properties)"
                try await db.raw(sql).run()
            }
        }
    }

    public func node(_ ref: GraphNodeRef) async throws -> GraphNode? {
        let rows = try await store.withDatabase { db in
            try await db.raw("SELECT properties FROM graph_nodes WHERE label = \(bind: ref.label) AND id = \(bind: ref.id)")
                .all()
        }
        guard let row = rows.first else { return nil }
        let json = try row.decode(column: "properties", as: String.self)
        return GraphNode(label: ref.label, id: ref.id,
                         properties: try GraphJSON.decode(json, table: "graph_nodes", key: "\(ref)"))
    }

    /// - Complexity: O(d log n) for a node of degree d (index lookups).
    public func neighbours(of ref: GraphNodeRef, type: String?, direction: GraphDirection) async throws
        -> [GraphNeighbour] {
        var result: [GraphNeighbour] = []
        if direction != .incoming { result += try await neighbours(of: ref, type: type, outgoing: true) }
        if direction != .outgoing { result += try await neighbours(of: ref, type: type, outgoing: false) }
        return result.sortedForGraph()
    }

    private func neighbours(of ref: GraphNodeRef, type: String?, outgoing: Bool) async throws -> [GraphNeighbour] {
        let near = outgoing ? "from" : "to"
        let far = outgoing ? "to" : "from"
        var sql: SQLQueryString = """
            SELECT r.type AS type, r.properties AS rprops, n.label AS label, n.id AS id, n.properties AS nprops \
            FROM graph_relationships r JOIN graph_nodes n ON n.label = r.\(unsafeRaw: far)_label \
            AND n.id = r.\(unsafeRaw: far)_id \
            WHERE r.\(unsafeRaw: near)_label = \(bind: ref.label) AND r.\(unsafeRaw: near)_id = \(bind: ref.id)
            """
        if let type { sql += " AND r.type = \(bind: type)" }
        let rows = try await store.withDatabase { db in try await db.raw(sql).all() }
        return try rows.map { row in
            let other = GraphNode(
                label: try row.decode(column: "label", as: String.self), id: try row.decode(column: "id", as: String.self),
                properties: try GraphJSON.decode(try row.decode(column: "nprops", as: String.self),
                                                 table: "graph_nodes", key: "neighbour of \(ref)"))
            let type = try row.decode(column: "type", as: String.self)
            let properties = try GraphJSON.decode(try row.decode(column: "rprops", as: String.self),
                                                  table: "graph_relationships", key: "\(type) of \(ref)")
            let relationship = GraphRelationship(type: type, from: outgoing ? ref : other.ref,
                                                 to: outgoing ? other.ref : ref, properties: properties)
            return GraphNeighbour(relationship: relationship, node: other)
        }
    }

    public func nodes(label: String, where key: String, equals value: GraphValue, limit: Int) async throws -> [GraphNode] {
        try GraphIdentifier.validate(label, kind: "node label")
        try GraphIdentifier.validate(key, kind: "property key")
        var sql: SQLQueryString = "SELECT id, properties FROM graph_nodes WHERE label = \(bind: label) AND "
        sql += "json_extract(properties, '$.\(unsafeRaw: key)') "
        switch value {
        case .null:
            throw GraphError.invalidValue(field: key, value: "null", expected: "a non-null value to match")
        case .bool(let flag): sql += "= \(bind: flag ? 1 : 0) AND json_type(properties, '$.\(unsafeRaw: key)') IN ('true', 'false')"
        case .int(let number): sql += "= \(bind: number) AND json_type(properties, '$.\(unsafeRaw: key)') = 'integer'"
        case .double(let number): sql += "= \(bind: number) AND json_type(properties, '$.\(unsafeRaw: key)') = 'real'"
        case .string(let text): sql += "= \(bind: text) AND json_type(properties, '$.\(unsafeRaw: key)') = 'text'"
        }
        sql += " ORDER BY time IS NULL, time DESC, id LIMIT \(bind: max(0, limit))"
        let rows = try await store.withDatabase { db in try await db.raw(sql).all() }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: String.self)
            return GraphNode(label: label, id: id, properties: try GraphJSON.decode(
                try row.decode(column: "properties", as: String.self), table: "graph_nodes", key: "(:\(label) \(id))"))
        }
    }

    public func relationships(ofType type: String) async throws -> [GraphRelationship] {
        let rows = try await store.withDatabase { db in
            try await db.raw("""
                SELECT from_label, from_id, type, to_label, to_id, properties FROM graph_relationships \
                WHERE type = \(bind: type) ORDER BY from_label, from_id, to_label, to_id
                """).all()
        }
        return try rows.map(Self.relationship)
    }

    public func stats() async throws -> GraphStats {
        try await store.withDatabase { db in
            var stats = GraphStats()
            for row in try await db.raw("SELECT label, COUNT(*) AS c FROM graph_nodes GROUP BY label").all() {
                stats.nodesByLabel[try row.decode(column: "label", as: String.self)] = try row.decode(column: "c", as: Int.self)
            }
            for row in try await db.raw("SELECT type, COUNT(*) AS c FROM graph_relationships GROUP BY type").all() {
                stats.relationshipsByType[try row.decode(column: "type", as: String.self)] =
                    try row.decode(column: "c", as: Int.self)
            }
            return stats
        }
    }

    public func snapshot() async throws -> GraphSnapshot {
        let (nodeRows, relationshipRows) = try await store.withDatabase { db in
            (try await db.raw("SELECT label, id, properties FROM graph_nodes").all(),
             try await db.raw("SELECT from_label, from_id, type, to_label, to_id, properties FROM graph_relationships").all())
        }
        let nodes = try nodeRows.map { row in
            let label = try row.decode(column: "label", as: String.self)
            let id = try row.decode(column: "id", as: String.self)
            return GraphNode(label: label, id: id, properties: try GraphJSON.decode(
                try row.decode(column: "properties", as: String.self), table: "graph_nodes", key: "(:\(label) \(id))"))
        }
        return GraphSnapshot(nodes: nodes, relationships: try relationshipRows.map(Self.relationship))
    }

    public func deleteNodes(label: String, olderThan cutoff: Int64) async throws -> Int {
        try GraphIdentifier.validate(label, kind: "node label")
        return try await store.transaction { db in
            let count = try await db.raw("""
                SELECT COUNT(*) AS c FROM graph_nodes WHERE label = \(bind: label) AND time < \(bind: cutoff)
                """).first(decodingColumn: "c", as: Int.self) ?? 0
            if count == 0 { return 0 }
            for end in ["from", "to"] {
                try await db.raw("""
                    DELETE FROM graph_relationships WHERE \(unsafeRaw: end)_label = \(bind: label) AND \
                    \(unsafeRaw: end)_id IN (SELECT id FROM graph_nodes WHERE label = \(bind: label) AND time < \(bind: cutoff))
                    """).run()
            }
            try await db.raw("DELETE FROM graph_nodes WHERE label = \(bind: label) AND time < \(bind: cutoff)").run()
            return count
        }
    }

    public func query(_ cypher: String, parameters: [String: GraphValue]) async throws -> GraphQueryResult {
        throw GraphError.unsupported(
            backend: backendName, operation: "Cypher queries",
            hint: "use --neo4j-url bolt://HOST:7687 (or GRAPHWIZ_NEO4J_URL), or `graph why/stats/export/correlations`")
    }

    private static func relationship(_ row: any SQLRow) throws -> GraphRelationship {
        let from = GraphNodeRef(label: try row.decode(column: "from_label", as: String.self),
                                id: try row.decode(column: "from_id", as: String.self))
        let to = GraphNodeRef(label: try row.decode(column: "to_label", as: String.self),
                              id: try row.decode(column: "to_id", as: String.self))
        let type = try row.decode(column: "type", as: String.self)
        let properties = try GraphJSON.decode(try row.decode(column: "properties", as: String.self),
                                              table: "graph_relationships", key: "\(from)-[\(type)]->\(to)")
        return GraphRelationship(type: type, from: from, to: to, properties: properties)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
