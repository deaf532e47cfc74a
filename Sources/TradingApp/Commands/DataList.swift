import TradingModel
import ArgumentParser
import Foundation
import MarketData
import Persistence

/// `graphwiz data list [--db PATH]`: a table of stored series.
struct DataList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stored bar series with counts, time ranges and sources."
    )

    @Option(help: "Database file (default: $GRAPHWIZ_DB or data/graphwiz.sqlite).")
    var db: String?

    func run() async throws {
        try await perform().emit()
    }

    func perform() async throws -> DataCommandOutput {
        let location = StoreLocation.location(option: db)
        if case let .sqlite(path) = location, !FileManager.default.fileExists(atPath: path) {
            return DataCommandOutput(["No database at \(path). Import bars with: graphwiz data import FILE "
                + "--symbol S --timeframe TF"])
        }
        let series = try await SQLStore.withStore(location) { try await BarStore(store: $0).series() }
        guard !series.isEmpty else { return DataCommandOutput(["No series stored in \(location)."]) }
        var table = DataTextTable(header: ["SYMBOL", "TIMEFRAME", "BARS", "FIRST", "LAST", "SOURCE"])
        for s in series {
            table.append([s.symbol, s.timeframe.description, "\(s.count)", s.first.map(UTCTimestamp.iso8601) ?? "-",
                          s.last.map(UTCTimestamp.iso8601) ?? "-", s.source])
        }
        return DataCommandOutput(table.lines)
    }
}
