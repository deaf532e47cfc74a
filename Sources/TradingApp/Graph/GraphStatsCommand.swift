import ArgumentParser
import KnowledgeGraph

/// `graphwiz graph stats`: node counts by label and relationship counts by type.
struct GraphStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Count nodes by label and relationships by type.")

    @OptionGroup var backend: GraphBackendOptions

    func run() async throws { try await perform().emit() }

    func perform() async throws -> DataCommandOutput {
        let (name, stats) = try await backend.withStore { store in (store.backendName, try await store.stats()) }
        var lines = ["Graph (\(name)): \(stats.nodeCount) nodes, \(stats.relationshipCount) relationships"]
        var nodes = DataTextTable(header: ["LABEL", "NODES"])
        for label in stats.nodesByLabel.keys.sorted() { nodes.append([label, String(stats.nodesByLabel[label]!)]) }
        var relationships = DataTextTable(header: ["TYPE", "RELATIONSHIPS"])
        for type in stats.relationshipsByType.keys.sorted() {
            relationships.append([type, String(stats.relationshipsByType[type]!)])
        }
        if !nodes.rows.isEmpty { lines += nodes.lines }
        if !relationships.rows.isEmpty { lines += relationships.lines }
        return DataCommandOutput(lines)
    }
}
