import Foundation
import Logging
import Persistence
@testable import TradingApp

/// Fixed master keys and a temp database for the secrets tests.
enum SecretsTestSupport {
    /// base64 of bytes 0...31.
    static let keyText = Data(0..<32).base64EncodedString()
    /// base64 of bytes 100...131.
    static let otherKeyText = Data(100..<132).base64EncodedString()

    static func key() throws -> MasterKey { try MasterKey(base64: keyText) }
    static func otherKey() throws -> MasterKey { try MasterKey(base64: otherKeyText) }

    /// A temp directory holding `secrets.sqlite`.
    static func database() throws -> (path: String, remove: () -> Void) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("graphwiz-secrets-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return (url.appendingPathComponent("secrets.sqlite").path, { try? FileManager.default.removeItem(at: url) })
    }
}
