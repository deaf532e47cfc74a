import ArgumentParser
import KnowledgeGraph

/// `graphwiz graph query 'CYPHER'` (Neo4j backend only).
struct GraphQuery: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query", abstract: "Run a Cypher query (Neo4j backend only).")

    @Argument(help: "Cypher text, e.g. 'MATCH (o:Order) RETURN o.id, o.status LIMIT 5'.")
    var cypher: String

    @OptionGroup var backend: GraphBackendOptions

    func run() async throws { try await perform().emit() }

    func perform() async throws -> DataCommandOutput {
        do {
            let result = try await backend.withStore { try await $0.query(cypher, parameters: [:]) }
            var table = DataTextTable(header: result.columns.map { $0.uppercased() })
            for row in result.rows { table.append(row.map(\.description)) }
            return DataCommandOutput(table.lines + ["(\(result.rows.count) rows)"])
        } catch let error as GraphError {
            guard case .unsupported = error else { throw error }
            return DataCommandOutput(["\(error)"], exitCode: 2)
        }
    }
}
