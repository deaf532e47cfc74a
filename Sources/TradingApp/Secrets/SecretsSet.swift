import ArgumentParser
import Foundation
import Persistence

/// `graphwiz secrets set NAME [--value V]`: encrypts and stores a secret (the value from standard input
/// unless `--value` is given).
struct SecretsSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Encrypt and store a secret; the value comes from standard input unless --value is given."
    )

    @Argument(help: "Secret name: letters, digits, '_', '-', '.' (e.g. binance_api_key).")
    var name: String

    @Option(help: "The value (prefer standard input: an option is visible in the shell history and ps).")
    var value: String?

    @Option(help: "Database file or postgres:// URL (default: $GRAPHWIZ_DB or data/graphwiz.sqlite).")
    var db: String?

    func run() async throws {
        try await perform(input: { FileHandle.standardInput.readDataToEndOfFile() }).emit()
    }

    /// Stores the secret; `input` supplies standard input when there is no `--value`.
    func perform(environment: [String: String] = ProcessInfo.processInfo.environment,
                 input: () -> Data) async throws -> DataCommandOutput {
        let key = try MasterKey.fromEnvironment(environment)
        try SecretRecordStore.validate(name: name)
        let secret = value ?? Self.firstLineStripped(input())
        guard !secret.isEmpty else { throw SecretsError.emptyValue(name: name) }
        let location = StoreLocation.location(option: db, environment: environment)
        try await SQLStore.withStore(location) { store in
            try await SecretVault(store: store, key: key).set(name, value: secret)
        }
        return DataCommandOutput(["Stored secret \(name) in \(location) (AES-256-GCM)."])
    }

    /// The piped text without one trailing newline (`\n` or `\r\n`); other whitespace is kept.
    static func firstLineStripped(_ data: Data) -> String {
        var text = String(decoding: data, as: UTF8.self)
        // "\r\n" is one Character in Swift, so one removeLast drops either ending.
        if text.hasSuffix("\r\n") || text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
