import GraphwizConfig
import Logging
import Testing
@testable import TradingApp

@Suite struct LoggingLevelTests {
    static let table = LogLevelTable(defaultLevel: .info, modules: ["kernel": .debug, "exchange": .warning,
                                                                    "exchange.binance": .trace])

    @Test(arguments: [
        ("graphwiz.kernel", Logger.Level.debug), ("kernel", .debug), ("graphwiz.kernel.orders", .debug),
        ("graphwiz.exchange.kraken", .warning), ("graphwiz.exchange.binance", .trace), ("graphwiz.api", .info),
        ("graphwiz.kernelx", .info), ("other.kernel", .info),
    ])
    func theMostSpecificModuleWins(label: String, level: Logger.Level) {
        #expect(Self.table.level(for: label) == level)
    }

    @Test func configuredLevelsMapOneToOne() {
        var config = LoggingConfig()
        config.level = .notice
        config.modules = ["kernel": .trace, "api": .critical]
        #expect(LogLevelTable(config) == LogLevelTable(defaultLevel: .notice, modules: ["kernel": .trace, "api": .critical]))
    }

    @Test func eventsBelowTheModuleLevelAreDropped() {
        let (runtime, sink) = LoggingTestSink.runtime(levels: Self.table, format: .text)
        let exchange = runtime.logger("graphwiz.exchange.kraken")
        exchange.info("dropped")
        exchange.warning("kept")
        let kernel = runtime.logger("graphwiz.kernel")
        kernel.trace("dropped")
        kernel.debug("kept too")
        #expect(sink.lines == [
            "2025-11-25T01:22:32.123Z warning [graphwiz.exchange.kraken] kept",
            "2025-11-25T01:22:32.123Z debug [graphwiz.kernel] kept too",
        ])
    }

    @Test func reconfiguringChangesLevelsOfExistingLoggers() {
        let (runtime, sink) = LoggingTestSink.runtime(levels: LogLevelTable(defaultLevel: .warning), format: .text)
        let logger = runtime.logger("graphwiz.api")
        logger.info("before")
        runtime.configure(levels: LogLevelTable(defaultLevel: .info), format: .text, sinks: [sink])
        logger.info("after")
        #expect(sink.lines == ["2025-11-25T01:22:32.123Z info [graphwiz.api] after"])
        #expect(!sink.isClosed)
    }

    @Test func aLevelSetOnTheLoggerOverridesTheModuleLevel() {
        let (runtime, sink) = LoggingTestSink.runtime(levels: LogLevelTable(defaultLevel: .error), format: .text)
        var logger = runtime.logger("graphwiz.api")
        logger.logLevel = .debug
        logger.debug("shown")
        #expect(sink.lines == ["2025-11-25T01:22:32.123Z debug [graphwiz.api] shown"])
    }

    @Test func replacedSinksAreClosed() {
        let (runtime, old) = LoggingTestSink.runtime()
        let new = LoggingTestSink()
        runtime.configure(levels: LogLevelTable(defaultLevel: .info), format: .json, sinks: [new])
        runtime.logger("x").info("to the new sink")
        #expect(old.isClosed)
        #expect(old.lines.isEmpty)
        #expect(new.lines.count == 1)
    }
}
