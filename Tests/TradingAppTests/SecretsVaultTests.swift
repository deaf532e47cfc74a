import Foundation
import Logging
import Persistence
import Testing
@testable import TradingApp

@Suite struct SecretsVaultTests {
    @Test func aStoredSecretDecryptsToTheSameValue() async throws {
        let db = try SecretsTestSupport.database()
        defer { db.remove() }
        let value = "sk-live-ÄÖÜ-0123456789"
        let (back, stored) = try await SQLStore.withStore(path: db.path) { store in
            let vault = SecretVault(store: store, key: try SecretsTestSupport.key())
            try await vault.set("binance_api_key", value: value, now: 5_000)
            return (try await vault.value(of: "binance_api_key"), try await vault.records.get(name: "binance_api_key"))
        }
        #expect(back == value)
        let sealed = try #require(stored?.sealed)
        #expect(sealed.count == 1 + 12 + value.utf8.count + 16)
        #expect(sealed.first == 1)
        #expect(sealed.range(of: Data(value.utf8)) == nil)
        #expect(stored?.createdAt == 5_000)
    }

    @Test func sealingTheSameValueTwiceUsesFreshNonces() throws {
        let key = try SecretsTestSupport.key()
        let first = try SecretBox.seal("same", name: "n", key: key)
        let second = try SecretBox.seal("same", name: "n", key: key)
        #expect(first != second)
        #expect(first.dropFirst().prefix(12) != second.dropFirst().prefix(12))
        #expect(try SecretBox.open(first, name: "n", key: key) == "same")
        #expect(try SecretBox.open(second, name: "n", key: key) == "same")
    }

    @Test(arguments: [1, 13, 20])
    func anyAlteredByteIsDetected(offset: Int) async throws {
        let db = try SecretsTestSupport.database()
        defer { db.remove() }
        try await SQLStore.withStore(path: db.path) { store in
            let vault = SecretVault(store: store, key: try SecretsTestSupport.key())
            try await vault.set("kraken_secret", value: "abcdefgh", now: 1)
            var sealed = try #require(try await vault.records.get(name: "kraken_secret")).sealed
            sealed[sealed.startIndex + offset] ^= 0x01
            try await vault.records.put(name: "kraken_secret", sealed: sealed, now: 2)
            await #expect(throws: SecretsError.cannotDecrypt(name: "kraken_secret")) {
                try await vault.value(of: "kraken_secret")
            }
        }
    }

    @Test func aValueCopiedUnderAnotherNameDoesNotDecrypt() throws {
        let key = try SecretsTestSupport.key()
        let sealed = try SecretBox.seal("v", name: "binance_api_key", key: key)
        #expect(throws: SecretsError.cannotDecrypt(name: "kraken_api_key")) {
            try SecretBox.open(sealed, name: "kraken_api_key", key: key)
        }
    }

    @Test func aWrongMasterKeyCannotReadOrWriteAndChangesNothing() async throws {
        let db = try SecretsTestSupport.database()
        defer { db.remove() }
        try await SQLStore.withStore(path: db.path) { store in
            let right = SecretVault(store: store, key: try SecretsTestSupport.key())
            let wrong = SecretVault(store: store, key: try SecretsTestSupport.otherKey())
            try await right.set("binance_api_key", value: "right-value", now: 1)
            await #expect(throws: SecretsError.cannotDecrypt(name: "binance_api_key")) {
                try await wrong.value(of: "binance_api_key")
            }
            await #expect(throws: SecretsError.masterKeyMismatch(name: "ai_api_key", existing: "binance_api_key")) {
                try await wrong.set("ai_api_key", value: "other", now: 2)
            }
            #expect(try await right.list().map(\.name) == ["binance_api_key"])
            #expect(try await right.value(of: "binance_api_key") == "right-value")
        }
        #expect("\(SecretsError.cannotDecrypt(name: "binance_api_key"))" == "secret 'binance_api_key' cannot be decrypted: "
            + "GRAPHWIZ_MASTER_KEY is not the key it was stored with, or the stored value was altered; nothing was changed")
    }

    @Test func masterKeyProblemsNameTheVariableAndNeverTheKey() throws {
        #expect(throws: SecretsError.missingMasterKey) { try MasterKey.fromEnvironment([:]) }
        #expect(throws: SecretsError.missingMasterKey) { try MasterKey.fromEnvironment(["GRAPHWIZ_MASTER_KEY": " "]) }
        #expect(throws: SecretsError.invalidMasterKey(reason: "is not valid base64 (9 characters)")) {
            try MasterKey.fromEnvironment(["GRAPHWIZ_MASTER_KEY": "not*b64!!"])
        }
        let short = Data(0..<16).base64EncodedString()
        #expect(throws: SecretsError.invalidMasterKey(reason: "decodes to 16 bytes")) {
            try MasterKey.fromEnvironment(["GRAPHWIZ_MASTER_KEY": short])
        }
        #expect("\(SecretsError.invalidMasterKey(reason: "decodes to 16 bytes"))"
            == "GRAPHWIZ_MASTER_KEY decodes to 16 bytes; expected the base64 of exactly 32 bytes (44 characters)")
        #expect(Data(base64Encoded: MasterKey.generate())?.count == 32)
        _ = try MasterKey.fromEnvironment(["GRAPHWIZ_MASTER_KEY": SecretsTestSupport.keyText + "\n"])
    }

    @Test func valuesNeverAppearInTheLogs() async throws {
        let db = try SecretsTestSupport.database()
        defer { db.remove() }
        let (runtime, sink) = LoggingTestSink.runtime(levels: LogLevelTable(defaultLevel: .trace), format: .json)
        let logger = runtime.logger("graphwiz.secrets")
        let values = ["value-one-7f3a", "value-two-91bc"]
        try await SQLStore.withStore(path: db.path) { store in
            let vault = SecretVault(store: store, key: try SecretsTestSupport.key(), logger: logger)
            let wrong = SecretVault(store: store, key: try SecretsTestSupport.otherKey(), logger: logger)
            try await vault.set("one", value: values[0], now: 1)
            try await vault.set("two", value: values[1], now: 1)
            _ = try await vault.value(of: "one")
            _ = try? await wrong.value(of: "two")
            _ = try? await wrong.set("three", value: values[1], now: 2)
            try await vault.remove("one")
        }
        let text = sink.lines.joined(separator: "\n")
        #expect(sink.lines.count == 6)
        #expect(text.contains(#""message":"stored secret""#))
        #expect(text.contains(#""name":"two""#))
        for value in values { #expect(!text.contains(value)) }
    }
}
