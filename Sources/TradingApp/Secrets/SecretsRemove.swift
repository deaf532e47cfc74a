import ArgumentParser
import Foundation
import Persistence

/// `graphwiz secrets rm NAME`: deletes a stored secret.
struct SecretsRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Delete a stored secret."
    )

    @Argument(help: "Secret name.")
    var name: String

    @Option(help: "Database file or postgres:// URL (default: $GRAPHWIZ_DB or data/graphwiz.sqlite).")
    var db: String?

    func run() async throws {
        try await perform().emit()
    }

    /// Removes the secret; needs no master key.
    ///
    /// - Throws: ``SecretsError/notFound(name:database:)`` when there is no such secret.
    func perform(environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> DataCommandOutput {
        let location = StoreLocation.location(option: db, environment: environment)
        if case let .sqlite(path) = location, !FileManager.default.fileExists(atPath: path) {
            throw SecretsError.notFound(name: name, database: path)
        }
        try await SQLStore.withStore(location) { store in
            guard try await SecretRecordStore(store: store).remove(name: name) else {
                throw SecretsError.notFound(name: name, database: store.path)
            }
        }
        return DataCommandOutput(["Removed secret \(name)."])
    }
}
