import BoltClient

extension Neo4jGraphStore {
    /// Creates, when missing, a uniqueness constraint on `id` and an index on `time` for every label.
    ///
    /// Neo4j 5: `CREATE CONSTRAINT name IF NOT EXISTS FOR (n:Label) REQUIRE n.id IS UNIQUE` and
    /// `CREATE INDEX name IF NOT EXISTS FOR (n:Label) ON (n.time)`. FalkorDB rejects both forms (its unique
    /// constraints are made with the Redis command `GRAPH.CONSTRAINT CREATE`, not Cypher), so the fallback is
    /// the unnamed `CREATE INDEX FOR (n:Label) ON (n.id)`, and "already indexed" answers count as success.
    /// - Returns: one note per label that got only an index (no uniqueness constraint), for the log.
    public func prepareSchema(labels: [String] = GraphSchema.nodeLabels) async throws -> [String] {
        var notes: [String] = []
        for label in labels {
            try GraphIdentifier.validate(label, kind: "node label")
            let lower = label.lowercased()
            do {
                _ = try await run("CREATE CONSTRAINT graphwiz_\(lower)_id IF NOT EXISTS FOR (n:\(label)) REQUIRE n.id IS UNIQUE")
                _ = try await run("CREATE INDEX graphwiz_\(lower)_time IF NOT EXISTS FOR (n:\(label)) ON (n.time)")
            } catch let primary as BoltError {
                for property in ["id", "time"] {
                    do {
                        _ = try await run("CREATE INDEX FOR (n:\(label)) ON (n.\(property))")
                    } catch let fallback as BoltError {
                        guard "\(fallback)".lowercased().contains("already") else {
                            throw GraphError.backend(
                                backend: backendName, operation: "creating the \(label).\(property) index",
                                reason: "constraint form: \(primary); index form: \(fallback)")
                        }
                    }
                }
                notes.append("\(label): no uniqueness constraint on this server (indexes on id and time only)")
            }
        }
        return notes
    }
}
