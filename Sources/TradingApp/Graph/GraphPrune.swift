import TradingModel
import ArgumentParser
import KnowledgeGraph
import MarketData

/// `graphwiz graph prune --label Signal --before 2024-01-01`: retention, per label.
struct GraphPrune: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete nodes of one label whose time is before a cutoff, with their relationships (retention).")

    @Option(help: "Node label, e.g. Signal, RiskCheck, Order, Fill, Trade.")
    var label: String

    @Option(help: "Cutoff: ISO-8601 time or Unix time; nodes with an earlier `time` property are deleted.")
    var before: String

    @OptionGroup var backend: GraphBackendOptions

    func validate() throws {
        guard UTCTimestamp.parse(before) != nil else {
            throw ValidationError("--before must be an ISO-8601 or Unix time, got '\(before)'")
        }
    }

    func run() async throws { try await perform().emit() }

    func perform() async throws -> DataCommandOutput {
        let cutoff = UTCTimestamp.parse(before)!
        let deleted = try await backend.withStore { try await $0.deleteNodes(label: label, olderThan: cutoff) }
        return DataCommandOutput(["Deleted \(deleted) \(label) nodes older than \(UTCTimestamp.iso8601(cutoff))"])
    }
}
