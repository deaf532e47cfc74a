import TradingModel
import ArgumentParser
import Foundation
import MarketData
import Persistence

/// `graphwiz runs show ID [--json] [--db PATH]`: a stored run's metrics and configuration, or its full report.
struct RunsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a stored run's summary metrics and configuration (or its report with --json)."
    )

    @Argument(help: "Run id, e.g. bt-20241124-223512-a1b2c3.")
    var id: String

    @Flag(help: "Print the stored report JSON instead.")
    var json = false

    @Option(help: "Database file (default: $GRAPHWIZ_DB or data/graphwiz.sqlite).")
    var db: String?

    func run() async throws {
        try await perform().emit()
    }

    func perform() async throws -> DataCommandOutput {
        let location = StoreLocation.location(option: db)
        let notFound = DataCommandOutput(["Run \(id) not found in \(location); see graphwiz runs list."], exitCode: 1)
        if case let .sqlite(path) = location, !FileManager.default.fileExists(atPath: path) { return notFound }
        let run = try await SQLStore.withStore(location) { try await RunStore(store: $0).get(id: id) }
        guard let run else { return notFound }
        if json { return DataCommandOutput([run.reportJSON]) }
        var lines = [
            "Run \(run.id)",
            "  created:   \(UTCTimestamp.iso8601(run.createdAt))",
            "  kind:      \(run.kind)",
            "  strategy:  \(run.strategy)",
            "  symbols:   \(run.symbols.joined(separator: ", "))",
            "  timeframe: \(run.timeframe)",
            "Metrics:",
        ]
        lines += RunsJSONText.lines(run.metricsJSON)
        lines.append("Config:")
        lines += RunsJSONText.lines(run.configJSON)
        return DataCommandOutput(lines)
    }
}
