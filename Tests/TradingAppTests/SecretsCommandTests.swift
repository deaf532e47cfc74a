import TradingModel
import ArgumentParser
import Foundation
import MarketData
import Persistence
import Testing
@testable import TradingApp

@Suite struct SecretsCommandTests {
    static func parse<C>(_ arguments: [String], as type: C.Type) throws -> C {
        let command = try GraphwizCommand.parseAsRoot(arguments)
        guard let typed = command as? C else { throw ValidationError("parsed \(Swift.type(of: command)), not \(C.self)") }
        return typed
    }

    static let environment = ["GRAPHWIZ_MASTER_KEY": SecretsTestSupport.keyText]

    @Test func setReadsStandardInputAndListShowsNamesAndDatesOnly() async throws {
        let db = try SecretsTestSupport.database()
        defer { db.remove() }
        let set = try await Self.parse(["secrets", "set", "binance_api_key", "--db", db.path], as: SecretsSet.self)
            .perform(environment: Self.environment, input: { Data("piped-value-42\n".utf8) })
        #expect(set.text == "Stored secret binance_api_key in \(db.path) (AES-256-GCM).\n")
        _ = try await Self.parse(["secrets", "set", "ai_api_key", "--value", "inline-value-43", "--db", db.path], as: SecretsSet.self)
            .perform(environment: Self.environment, input: { Data() })
        let list = try await Self.parse(["secrets", "list", "--db", db.path], as: SecretsList.self).perform(environment: [:])
        let (stored, values) = try await SQLStore.withStore(path: db.path) { store in
            let vault = SecretVault(store: store, key: try SecretsTestSupport.key())
            return (try await vault.list(), [try await vault.value(of: "ai_api_key"), try await vault.value(of: "binance_api_key")])
        }
        #expect(values == ["inline-value-43", "piped-value-42"])
        let dates = stored.map { UTCTimestamp.iso8601($0.createdAt) }
        let created = "CREATED".padding(toLength: dates[0].count + 2, withPad: " ", startingAt: 0)
        #expect(list.text == """
            NAME             \(created)UPDATED
            ai_api_key       \(dates[0])  \(dates[0])
            binance_api_key  \(dates[1])  \(dates[1])

            """)
        #expect(!list.text.contains("value"))
    }

    @Test func removeDeletesAndReportsUnknownNames() async throws {
        let db = try SecretsTestSupport.database()
        defer { db.remove() }
        _ = try await Self.parse(["secrets", "set", "token_a", "--value", "x", "--db", db.path], as: SecretsSet.self)
            .perform(environment: Self.environment, input: { Data() })
        let removed = try await Self.parse(["secrets", "rm", "token_a", "--db", db.path], as: SecretsRemove.self).perform(environment: [:])
        #expect(removed.text == "Removed secret token_a.\n")
        await #expect(throws: SecretsError.notFound(name: "token_a", database: db.path)) {
            try await Self.parse(["secrets", "rm", "token_a", "--db", db.path], as: SecretsRemove.self).perform(environment: [:])
        }
        let list = try await Self.parse(["secrets", "list", "--db", db.path], as: SecretsList.self).perform(environment: [:])
        #expect(list.text == "No secrets stored in \(db.path).\n")
    }

    @Test func setWithoutAMasterKeyFailsBeforeTouchingTheDatabase() async throws {
        let db = try SecretsTestSupport.database()
        defer { db.remove() }
        await #expect(throws: SecretsError.missingMasterKey) {
            try await Self.parse(["secrets", "set", "x", "--value", "v", "--db", db.path], as: SecretsSet.self)
                .perform(environment: [:], input: { Data() })
        }
        #expect(!FileManager.default.fileExists(atPath: db.path))
    }

    @Test func emptyValuesAndBadNamesAreRejected() async throws {
        let db = try SecretsTestSupport.database()
        defer { db.remove() }
        await #expect(throws: SecretsError.emptyValue(name: "x")) {
            try await Self.parse(["secrets", "set", "x", "--db", db.path], as: SecretsSet.self)
                .perform(environment: Self.environment, input: { Data("\n".utf8) })
        }
        await #expect(throws: PersistenceError.invalidValue(field: "secret name", value: "'a b'",
                                                           expected: "1 to 128 letters, digits, '_', '-' or '.'")) {
            try await Self.parse(["secrets", "set", "a b", "--value", "v", "--db", db.path], as: SecretsSet.self)
                .perform(environment: Self.environment, input: { Data() })
        }
    }

    @Test func pipedValuesLoseOnlyOneTrailingNewline() {
        #expect(SecretsSet.firstLineStripped(Data("abc\n".utf8)) == "abc")
        #expect(SecretsSet.firstLineStripped(Data("abc\r\n".utf8)) == "abc")
        #expect(SecretsSet.firstLineStripped(Data(" abc \n\n".utf8)) == " abc \n")
        #expect(SecretsSet.firstLineStripped(Data("abc".utf8)) == "abc")
    }
}
