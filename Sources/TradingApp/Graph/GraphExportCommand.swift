import ArgumentParser
import Foundation
import KnowledgeGraph

/// `graphwiz graph export --format json|graphml --out FILE`.
struct GraphExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the whole graph as JSON or GraphML.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, graphml }

    @Option(help: "json or graphml.")
    var format: Format = .json

    @Option(help: "Output file.")
    var out: String

    @OptionGroup var backend: GraphBackendOptions

    func run() async throws { try await perform().emit() }

    func perform() async throws -> DataCommandOutput {
        let snapshot = try await backend.withStore { try await $0.snapshot() }
        let data: Data
        switch format {
        case .json: data = try GraphExport.json(snapshot)
        case .graphml: data = Data(GraphExport.graphML(snapshot).utf8)
        }
        try BacktestCommand.write(data, to: out)
        return DataCommandOutput([
            "Exported \(snapshot.nodes.count) nodes and \(snapshot.relationships.count) relationships to \(out) (\(format.rawValue))",
        ])
    }
}
