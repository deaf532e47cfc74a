import Persistence
import SQLKit

extension EmbeddedGraphStore {
    /// The graph tables, migration 20: `graph_nodes(label, id, time, properties)` keyed by label and id with an
    /// index on (label, time) for retention, and `graph_relationships(from_label, from_id, type, to_label, to_id,
    /// properties)` keyed so the key serves outgoing lookups, with indexes for incoming lookups and by type.
    /// Properties are JSON text (``GraphJSON``).
    public static let migration = SchemaMigration(version: 20, name: "knowledge graph") { db in
        try await db.create(table: "graph_nodes")
            .column("label", type: .text, .notNull)
            .column("id", type: .text, .notNull)
            .column("time", type: .bigint)
            .column("properties", type: .text, .notNull)
            .primaryKey("label", "id")
            .run()
        try await db.create(index: "graph_nodes_label_time").on("graph_nodes").column("label").column("time").run()
        try await db.create(table: "graph_relationships")
            .column("from_label", type: .text, .notNull)
            .column("from_id", type: .text, .notNull)
            .column("type", type: .text, .notNull)
            .column("to_label", type: .text, .notNull)
            .column("to_id", type: .text, .notNull)
            .column("properties", type: .text, .notNull)
            .primaryKey("from_label", "from_id", "type", "to_label", "to_id")
            .run()
        try await db.create(index: "graph_relationships_to").on("graph_relationships")
            .column("to_label").column("to_id").column("type").run()
        try await db.create(index: "graph_relationships_type").on("graph_relationships").column("type").run()
    }

    /// The store's built-in migrations plus the graph's: pass to ``SQLStore/open(path:migrations:)``.
    public static var migrations: [SchemaMigration] { SchemaMigration.builtIn + [migration] }
}
