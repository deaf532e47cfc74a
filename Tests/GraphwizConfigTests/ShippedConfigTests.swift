import Foundation
import Testing
@testable import GraphwizConfig

@Suite struct ShippedConfigTests {
    static let configDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("config")

    static let productionEnvironment = [
        "NEO4J_PASSWORD": "graph-pass", "BINANCE_API_KEY": "bk", "BINANCE_API_SECRET": "bs",
        "GRAPHWIZ_JWT_SECRET": "a-long-private-jwt-secret-of-32-bytes",
    ]

    @Test func embeddedDefaultIsTheShippedDefaultFile() throws {
        let file = try String(contentsOf: Self.configDirectory.appendingPathComponent("default.yaml"), encoding: .utf8)
        #expect(file == DefaultConfiguration.yaml)
    }

    @Test func embeddedDefaultLoadsToTheDefaults() throws {
        let config = try ConfigLoader(environment: [:]).loadDefault()
        #expect(config == AppConfiguration())
        #expect(config.trading.mode == .simulation)
        #expect(config.database.kind == .sqlite(path: "data/graphwiz.sqlite"))
    }

    @Test func productionFileValidatesWithItsSecretsSet() throws {
        let path = Self.configDirectory.appendingPathComponent("production.yaml").path
        let config = try ConfigLoader(environment: Self.productionEnvironment).load(file: path)
        #expect(config.trading.mode == .paper)
        #expect(config.neo4j.password == "graph-pass")
        #expect(config.neo4j.poolSize == 50)
        #expect(config.exchanges.binance.apiSecret == "bs")
        #expect(config.exchanges.binance.testnet)
        #expect(config.logging.format == .json)
        #expect(config.logging.modules == ["kernel": .info, "exchange": .warning])
        #expect(config.trading.strategies.map(\.sizing) == ["fraction:0.1", "vol-target:0.2:atr:14"])
        #expect(config.security.ipAllowlist == ["127.0.0.1/32", "10.0.0.0/8"])
        #expect(config.backtesting.matching.slippage.fixedBps == 5)
    }

    @Test func productionFileWithoutSecretsNamesEveryMissingVariable() {
        let path = Self.configDirectory.appendingPathComponent("production.yaml").path
        do {
            _ = try ConfigLoader(environment: [:]).load(file: path)
            Issue.record("expected missing variables")
        } catch {
            #expect(error.problems.map(\.message) == [
                "${NEO4J_PASSWORD} is not set and has no default (set it, or write ${NEO4J_PASSWORD:-value})",
                "${BINANCE_API_KEY} is not set and has no default (set it, or write ${BINANCE_API_KEY:-value})",
                "${BINANCE_API_SECRET} is not set and has no default (set it, or write ${BINANCE_API_SECRET:-value})",
                "${GRAPHWIZ_JWT_SECRET} is not set and has no default (set it, or write ${GRAPHWIZ_JWT_SECRET:-value})",
            ])
        }
    }

    @Test func productionFileInLiveModeValidates() throws {
        var environment = Self.productionEnvironment
        environment["GRAPHWIZ_MODE"] = "live"
        let path = Self.configDirectory.appendingPathComponent("production.yaml").path
        #expect(try ConfigLoader(environment: environment).load(file: path).trading.mode == .live)
    }
}
