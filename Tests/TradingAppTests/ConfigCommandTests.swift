import ArgumentParser
import Foundation
import Testing
@testable import TradingApp

@Suite struct ConfigCommandTests {
    static func write(_ text: String, name: String = "c.yaml") throws -> (dir: DataTestDirectory, path: String) {
        let dir = try DataTestDirectory()
        let path = dir.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    @Test func validateListsEveryProblemAndExitsOne() throws {
        let (dir, path) = try Self.write("trading:\n  mdoe: live\nmonitoring:\n  health_port: 0\nneo4j:\n  password: ${PW}\n")
        defer { dir.remove() }
        let output = try DataTestDirectory.parse(["config", "validate", path, "--env-file", dir.path(".env")],
                                                 as: ConfigValidate.self).perform(process: [:])
        #expect(output.exitCode == 1)
        #expect(output.text == """
        \(path): 3 problems:
          \(path):6: ${PW} is not set and has no default (set it, or write ${PW:-value})
          \(path):2: trading.mdoe is not a known key; did you mean 'mode'? Allowed keys of trading: mode, symbols, timeframe, strategies, initial_cash
          \(path):4: monitoring.health_port must be an integer from 1 to 65535, got 0

        """)
        let fixed = try DataTestDirectory.parse(["config", "validate", path, "--env-file", dir.path(".env")],
                                                as: ConfigValidate.self).perform(process: ["PW": "pw"])
        #expect(fixed.exitCode == 1)
        #expect(fixed.text == """
        \(path): 2 problems:
          \(path):2: trading.mdoe is not a known key; did you mean 'mode'? Allowed keys of trading: mode, symbols, timeframe, strategies, initial_cash
          \(path):4: monitoring.health_port must be an integer from 1 to 65535, got 0

        """)
    }

    @Test func validateAcceptsAGoodFileAndPrintsItRedacted() throws {
        let (dir, path) = try Self.write("neo4j:\n  password: ${PW}\n")
        defer { dir.remove() }
        try "PW=from-dotenv\n".write(toFile: dir.path(".env"), atomically: true, encoding: .utf8)
        let command = try DataTestDirectory.parse(["config", "validate", path, "--print", "--env-file", dir.path(".env")],
                                                  as: ConfigValidate.self)
        let output = try command.perform(process: [:])
        #expect(output.exitCode == 0)
        #expect(output.text.hasPrefix("\(path): valid\nlogging:\n  level: info\n"))
        #expect(output.text.contains("  password: '***'\n"))
        #expect(!output.text.contains("from-dotenv"))
        let quiet = try DataTestDirectory.parse(["config", "validate", path, "--env-file", dir.path(".env")],
                                                as: ConfigValidate.self).perform(process: [:])
        #expect(quiet.text == "\(path): valid\n")
    }

    @Test func showWithoutAFilePrintsTheEmbeddedDefaultWithOverrides() throws {
        let output = try DataTestDirectory.parse(["config", "show", "--env-file", "/nonexistent/.env"], as: ConfigShow.self)
            .perform(process: ["GRAPHWIZ_TRADING__MODE": "paper"])
        #expect(output.exitCode == 0)
        #expect(output.text.contains("trading:\n  mode: paper\n"))
        #expect(output.text.contains("  jwt_secret: '***'\n"))
        #expect(output.text.hasSuffix("  query_cache_mb: 64\n"))
    }

    @Test func showOfABadFileReportsTheProblems() throws {
        let (dir, path) = try Self.write("risk:\n  max_drawdown: 2\n")
        defer { dir.remove() }
        let output = try DataTestDirectory.parse(["config", "show", path, "--env-file", dir.path(".env")], as: ConfigShow.self)
            .perform(process: [:])
        #expect(output.exitCode == 1)
        #expect(output.text == "\(path): 1 problem:\n  \(path):2: risk.max_drawdown must be greater than 0 and at most 1, got 2.0\n")
    }
}
