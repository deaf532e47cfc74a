import ArgumentParser
import Foundation
import TradingAPI

/// `graphwiz auth api-key --role R`: a new random API key and the `security.api_keys` entry that holds only
/// its SHA-256 digest.
struct AuthAPIKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-key",
        abstract: "Generate a static API key; prints the key once and the digest entry for security.api_keys.")

    @Option(help: "Role granted: viewer, trader or admin.")
    var role: APIRole

    func run() async throws { try perform().emit() }

    /// Two lines: `key: ...` (send as X-API-Key) and `config entry: ROLE:sha256:HEX`.
    func perform() -> DataCommandOutput {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let key = "gwk_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        return DataCommandOutput(["key: \(key)", "config entry: \(APIKeyEntry.configurationEntry(role: role, key: key))"])
    }
}
