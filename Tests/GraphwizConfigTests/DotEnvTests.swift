import Testing
@testable import GraphwizConfig

@Suite struct DotEnvTests {
    @Test func parsesPlainQuotedExportedAndCommentedLines() throws {
        let text = """
        # comment
        PLAIN=value # trailing comment
        export EXPORTED=yes
        DOUBLE="a \\"quoted\\" #not-comment\\nline"
        SINGLE='raw \\n $x'
        EMPTY=

        SPACED = padded
        """
        #expect(try DotEnv.parse(text, source: ".env") == [
            "PLAIN": "value", "EXPORTED": "yes", "DOUBLE": "a \"quoted\" #not-comment\nline",
            "SINGLE": "raw \\n $x", "EMPTY": "", "SPACED": "padded",
        ])
    }

    @Test func malformedLinesAreAllReportedWithTheirLines() {
        #expect(throws: ConfigError(problems: [
            ConfigProblem(location: ".env:1", message: "expected KEY=VALUE, got 'NOEQUALS'"),
            ConfigProblem(location: ".env:2", message: "bad variable name '9BAD': expected letters, digits and _ not starting with a digit"),
            ConfigProblem(location: ".env:3", message: "unterminated quoted value for OPEN"),
        ])) {
            try DotEnv.parse("NOEQUALS\n9BAD=1\nOPEN=\"abc", source: ".env")
        }
    }

    @Test func realEnvironmentWinsOverDotEnv() {
        let merged = DotEnv.merged(["A": "from-file", "B": "file-only"], under: ["A": "from-env", "C": "env-only"])
        #expect(merged == ["A": "from-env", "B": "file-only", "C": "env-only"])
    }

    @Test func dotEnvFileFeedsExpansionAndTheEnvironmentWins() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let envFile = dir.appendingPathComponent(".env").path
        try "SECRET=from-file-secret-of-32-bytes-or-more\nSYMBOL=ETH/USDT\n".write(toFile: envFile, atomically: true, encoding: .utf8)
        let environment = try ConfigLoader.environment(dotEnvFile: envFile, process: ["SECRET": "from-env-secret-value-of-32-bytes-or-more"])
        let config = try ConfigLoader(environment: environment)
            .load(yaml: "trading:\n  symbols: [${SYMBOL}]\nsecurity:\n  jwt_secret: ${SECRET}\n", source: "c.yaml")
        #expect(config.trading.symbols == ["ETH/USDT"])
        #expect(config.security.jwtSecret == "from-env-secret-value-of-32-bytes-or-more")
    }

    @Test func missingDotEnvFileIsNotAnError() throws {
        #expect(try ConfigLoader.environment(dotEnvFile: "/nonexistent/.env", process: ["A": "1"]) == ["A": "1"])
    }
}

import Foundation
