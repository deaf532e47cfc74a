import BoltClient

/// The graph in Neo4j (or any Bolt server that speaks Cypher, such as FalkorDB), over ``BoltConnectionPool``.
///
/// Nodes are `(:Label {id, ...properties})`; writes are `UNWIND $rows AS row MERGE (n:Label {id: row.id})
/// SET n += row.props`, one statement per label (or relationship type and endpoint labels) and 1,000 rows.
/// Each statement is an auto-commit query on the selected `database` (FalkorDB ignores the database in
/// explicit transactions, so auto-commit keeps both servers on the same graph); a batch is therefore not
/// atomic across statements, but every statement is idempotent, so a failed batch can simply be written again.
public final class Neo4jGraphStore: GraphStore {
    /// The pool the store queries through (not closed by this type).
    public let pool: BoltConnectionPool
    /// Database (Neo4j) or graph (FalkorDB) name; nil for the server default.
    public let database: String?
    public var backendName: String { "neo4j" }

    /// Rows per `UNWIND` statement.
    public let rowsPerStatement: Int

    /// A store on `pool`; call ``prepareSchema(labels:)`` once at start (``connect(pool:database:)`` does).
    ///
    /// `rowsPerStatement`: 1,000 suits Neo4j. FalkorDB's experimental Bolt endpoint turns parameters into query
    /// text and crashes the server (SIGSEGV/SIGABRT) once a statement's parameters pass a few kilobytes: decision-graph
    /// rows need 5 there (20 crashed it; tiny test rows pass at 50).
    public init(pool: BoltConnectionPool, database: String? = nil, rowsPerStatement: Int = 1_000) {
        self.pool = pool
        self.database = database
        self.rowsPerStatement = max(1, rowsPerStatement)
    }

    /// A store whose id constraints and time indexes exist; returns it with the schema notes.
    public static func connect(pool: BoltConnectionPool, database: String? = nil, rowsPerStatement: Int = 1_000,
                               labels: [String] = GraphSchema.nodeLabels) async throws -> (Neo4jGraphStore, [String]) {
        let store = Neo4jGraphStore(pool: pool, database: database, rowsPerStatement: rowsPerStatement)
        let notes = try await store.prepareSchema(labels: labels)
        return (store, notes)
    }

    func run(_ cypher: String, _ parameters: [String: BoltValue] = [:]) async throws -> BoltQueryResult {
        try await pool.query(cypher, parameters: parameters, database: database)
    }

    /// Writes the ``GraphBatch/coalesced()`` batch, so repeated upserts of one node in a batch end as they would
    /// one by one (FalkorDB evaluates an `UNWIND` statement's MERGEs before its SETs).
    public func write(_ batch: GraphBatch) async throws {
        let batch = batch.coalesced()
        var nodesByLabel: [String: [BoltValue]] = [:]
        for node in batch.nodes {
            try GraphIdentifier.validate(node.label, kind: "node label")
            try Self.validate(node.properties)
            nodesByLabel[node.label, default: []].append(.map(["id": .string(node.id), "props": node.properties.bolt]))
        }
        for label in nodesByLabel.keys.sorted() {
            for chunk in nodesByLabel[label]!.chunked(rowsPerStatement) {
                _ = try await run("UNWIND $rows AS row MERGE (n:\(label) {id: row.id}) SET n += row.props",
                                  ["rows": .list(Array(chunk))])
            }
        }
        struct Shape: Hashable, Comparable {
            var type: String, from: String, to: String
            static func < (a: Shape, b: Shape) -> Bool { (a.type, a.from, a.to) < (b.type, b.from, b.to) }
        }
        var relationshipsByShape: [Shape: [BoltValue]] = [:]
        for relationship in batch.relationships {
            try GraphIdentifier.validate(relationship.type, kind: "relationship type")
            try GraphIdentifier.validate(relationship.from.label, kind: "node label")
            try GraphIdentifier.validate(relationship.to.label, kind: "node label")
            try Self.validate(relationship.properties)
            let shape = Shape(type: relationship.type, from: relationship.from.label, to: relationship.to.label)
            relationshipsByShape[shape, default: []].append(.map([
                "from": .string(relationship.from.id), "to": .string(relationship.to.id),
                "props": relationship.properties.bolt,
            ]))
        }
        for shape in relationshipsByShape.keys.sorted() {
            for chunk in relationshipsByShape[shape]!.chunked(rowsPerStatement) {
                _ = try await run("""
                    UNWIND $rows AS row MERGE (a:\(shape.from) {id: row.from}) MERGE (b:\(shape.to) {id: row.to}) \
                    MERGE (a)-[r:\(shape.type)]->(b) SET r += row.props
                    """, ["rows": .list(Array(chunk))])
            }
        }
    }

    public func node(_ ref: GraphNodeRef) async throws -> GraphNode? {
        try GraphIdentifier.validate(ref.label, kind: "node label")
        let result = try await run("MATCH (n:\(ref.label) {id: $id}) RETURN n LIMIT 1", ["id": .string(ref.id)])
        guard let bolt = result.records.first?["n"]?.nodeValue else { return nil }
        return Self.node(bolt, preferring: ref.label)
    }

    public func neighbours(of ref: GraphNodeRef, type: String?, direction: GraphDirection) async throws
        -> [GraphNeighbour] {
        try GraphIdentifier.validate(ref.label, kind: "node label")
        var pattern = "[r]"
        if let type {
            try GraphIdentifier.validate(type, kind: "relationship type")
            pattern = "[r:\(type)]"
        }
        var result: [GraphNeighbour] = []
        for outgoing in [true, false] where direction == .both || (direction == .outgoing) == outgoing {
            let arrow = outgoing ? "-\(pattern)->" : "<-\(pattern)-"
            let records = try await run("MATCH (a:\(ref.label) {id: $id})\(arrow)(b) RETURN r, b",
                                        ["id": .string(ref.id)]).records
            for record in records {
                guard let boltNode = record["b"]?.nodeValue, let boltRelationship = record["r"]?.relationshipValue else {
                    continue
                }
                let other = Self.node(boltNode, preferring: nil)
                result.append(GraphNeighbour(
                    relationship: GraphRelationship(
                        type: boltRelationship.type, from: outgoing ? ref : other.ref, to: outgoing ? other.ref : ref,
                        properties: Self.properties(boltRelationship.properties)),
                    node: other))
            }
        }
        return result.sortedForGraph()
    }

    public func nodes(label: String, where key: String, equals value: GraphValue, limit: Int) async throws -> [GraphNode] {
        try GraphIdentifier.validate(label, kind: "node label")
        try GraphIdentifier.validate(key, kind: "property key")
        if value == .null {
            throw GraphError.invalidValue(field: key, value: "null", expected: "a non-null value to match")
        }
        let records = try await run("""
            MATCH (n:\(label)) WHERE n.\(key) = $value RETURN n ORDER BY n.time IS NULL, n.time DESC, n.id LIMIT $limit
            """, ["value": value.bolt, "limit": .int(Int64(max(0, limit)))]).records
        return records.compactMap { $0["n"]?.nodeValue }.map { Self.node($0, preferring: label) }
    }

    public func relationships(ofType type: String) async throws -> [GraphRelationship] {
        try GraphIdentifier.validate(type, kind: "relationship type")
        let records = try await run("MATCH (a)-[r:\(type)]->(b) RETURN a, r, b").records
        return GraphSnapshot(nodes: [], relationships: records.compactMap(Self.relationship)).relationships
    }

    public func stats() async throws -> GraphStats {
        var stats = GraphStats()
        for record in try await run("MATCH (n) RETURN labels(n) AS labels, count(n) AS c").records {
            guard let count = record["c"]?.intValue else { continue }
            let label = record["labels"]?.listValue?.first?.stringValue ?? ""
            stats.nodesByLabel[label, default: 0] += Int(count)
        }
        for record in try await run("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS c").records {
            guard let type = record["t"]?.stringValue, let count = record["c"]?.intValue else { continue }
            stats.relationshipsByType[type, default: 0] += Int(count)
        }
        return stats
    }

    public func snapshot() async throws -> GraphSnapshot {
        let nodes = try await run("MATCH (n) RETURN n").records.compactMap { $0["n"]?.nodeValue }
            .map { Self.node($0, preferring: nil) }
        let relationships = try await run("MATCH (a)-[r]->(b) RETURN a, r, b").records.compactMap(Self.relationship)
        return GraphSnapshot(nodes: nodes, relationships: relationships)
    }

    public func deleteNodes(label: String, olderThan cutoff: Int64) async throws -> Int {
        try GraphIdentifier.validate(label, kind: "node label")
        let parameters: [String: BoltValue] = ["cutoff": .int(cutoff)]
        let count = try await run("MATCH (n:\(label)) WHERE n.time < $cutoff RETURN count(n) AS c", parameters)
            .records.first?["c"]?.intValue ?? 0
        if count > 0 { _ = try await run("MATCH (n:\(label)) WHERE n.time < $cutoff DETACH DELETE n", parameters) }
        return Int(count)
    }

    public func query(_ cypher: String, parameters: [String: GraphValue]) async throws -> GraphQueryResult {
        let result = try await run(cypher, parameters.mapValues(\.bolt))
        return GraphQueryResult(columns: result.keys,
                                rows: result.records.map { $0.values.map(GraphValue.init(bolt:)) })
    }

    /// Deletes every node and relationship of the database (tests, `graph` resets).
    public func removeAll() async throws {
        _ = try await run("MATCH (n) DETACH DELETE n")
    }

    static func validate(_ properties: [String: GraphValue]) throws {
        for (key, value) in properties {
            if case .double(let number) = value, !number.isFinite {
                throw GraphError.invalidValue(field: key, value: "\(number)", expected: "a finite number")
            }
        }
    }

    static func properties(_ bolt: [String: BoltValue]) -> [String: GraphValue] {
        var properties = bolt.mapValues(GraphValue.init(bolt:))
        properties["id"] = nil
        return properties
    }

    static func node(_ bolt: BoltNode, preferring label: String?) -> GraphNode {
        let chosen = label.flatMap { bolt.labels.contains($0) ? $0 : nil } ?? bolt.labels.first ?? ""
        let id = bolt.properties["id"].map { GraphValue(bolt: $0).description } ?? bolt.elementID
        return GraphNode(label: chosen, id: id, properties: properties(bolt.properties))
    }

    static func relationship(_ record: BoltRecord) -> GraphRelationship? {
        guard let a = record["a"]?.nodeValue, let r = record["r"]?.relationshipValue, let b = record["b"]?.nodeValue else {
            return nil
        }
        return GraphRelationship(type: r.type, from: node(a, preferring: nil).ref, to: node(b, preferring: nil).ref,
                                 properties: properties(r.properties))
    }
}
