import TradingModel
import ArgumentParser
import Foundation
import MarketData
import Persistence

/// `graphwiz secrets list`: names and dates of the stored secrets, never their values.
struct SecretsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stored secret names with their dates (never the values)."
    )

    @Option(help: "Database file or postgres:// URL (default: $GRAPHWIZ_DB or data/graphwiz.sqlite).")
    var db: String?

    func run() async throws {
        try await perform().emit()
    }

    /// The table of names and dates; needs no master key.
    func perform(environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> DataCommandOutput {
        let location = StoreLocation.location(option: db, environment: environment)
        if case let .sqlite(path) = location, !FileManager.default.fileExists(atPath: path) {
            return DataCommandOutput(["No database at \(path); no secrets stored yet."])
        }
        let secrets = try await SQLStore.withStore(location) { try await SecretRecordStore(store: $0).list() }
        guard !secrets.isEmpty else { return DataCommandOutput(["No secrets stored in \(location)."]) }
        var table = DataTextTable(header: ["NAME", "CREATED", "UPDATED"])
        for secret in secrets {
            table.append([secret.name, UTCTimestamp.iso8601(secret.createdAt), UTCTimestamp.iso8601(secret.updatedAt)])
        }
        return DataCommandOutput(table.lines)
    }
}
