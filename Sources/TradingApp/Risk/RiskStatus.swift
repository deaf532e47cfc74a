import TradingModel
import ArgumentParser
import Foundation
import MarketData

/// `graphwiz risk status`: the persisted trading state and its last change.
struct RiskStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the persisted trading state.")

    @OptionGroup var options: RiskStoreOptions

    func run() async throws { try perform().emit() }

    func perform() throws -> DataCommandOutput {
        let store = options.store
        let record = try store.load()
        var lines = ["Trading state: \(record.state.rawValue)"]
        if let last = record.last {
            lines.append("  since \(UTCTimestamp.iso8601(last.time)) by \(last.by) (\(last.code)): \(last.reason)")
        }
        lines.append("  \(record.history.count) recorded change(s) in \(store.path)")
        return DataCommandOutput(lines)
    }
}
