import TradingModel
import ArgumentParser
import Foundation
import MarketData
import Persistence

/// `graphwiz runs list [--limit N] [--db PATH]`: the most recent stored runs.
struct RunsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stored backtest and sweep runs, newest first."
    )

    @Option(help: "Most runs to list.")
    var limit = 20

    @Option(help: "Database file (default: $GRAPHWIZ_DB or data/graphwiz.sqlite).")
    var db: String?

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive, got \(limit)") }
    }

    func run() async throws {
        try await perform().emit()
    }

    func perform() async throws -> DataCommandOutput {
        let location = StoreLocation.location(option: db)
        if case let .sqlite(path) = location, !FileManager.default.fileExists(atPath: path) {
            return DataCommandOutput(["No database at \(path); no runs stored yet."])
        }
        let runs = try await SQLStore.withStore(location) { try await RunStore(store: $0).list(limit: limit) }
        guard !runs.isEmpty else { return DataCommandOutput(["No runs stored in \(location)."]) }
        var table = DataTextTable(header: ["ID", "CREATED", "KIND", "STRATEGY", "SYMBOLS", "TF", "METRICS"])
        for run in runs {
            table.append([run.id, UTCTimestamp.iso8601(run.createdAt), run.kind.rawValue, run.strategy,
                          run.symbols.joined(separator: ","), run.timeframe.description,
                          RunsJSONText.compact(run.metricsJSON)])
        }
        return DataCommandOutput(table.lines)
    }
}
