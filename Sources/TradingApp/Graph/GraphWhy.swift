import ArgumentParser
import Foundation
import KnowledgeGraph

/// `graphwiz graph why ORDER_ID [--json]`: the chain from strategy and signal to risk check, order, fill and trade.
struct GraphWhy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why", abstract: "Show why an order exists: strategy, signal, risk check, order, fills, trades.")

    @Argument(help: "Client order id, e.g. bt-20241124-223512-a1b2c3-7.")
    var orderId: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var backend: GraphBackendOptions

    func run() async throws { try await perform().emit() }

    func perform() async throws -> DataCommandOutput {
        do {
            let provenance = try await backend.withStore { try await ProvenanceQuery.why(orderId: orderId, in: $0) }
            guard json else { return DataCommandOutput(provenance.lines()) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return DataCommandOutput([String(decoding: try encoder.encode(provenance), as: UTF8.self)])
        } catch let error as GraphError {
            guard case .notFound = error else { throw error }
            return DataCommandOutput(["\(error); run a backtest (it writes the decision graph) or check the id."],
                                     exitCode: 1)
        }
    }
}
