import GraphwizConfig
import Logging
import Testing
@testable import TradingApp

@Suite struct LoggingFormatTests {
    @Test func jsonLinesCarryTimestampLevelLoggerMessageAndSortedMetadata() {
        let (runtime, sink) = LoggingTestSink.runtime(format: .json)
        var logger = runtime.logger("graphwiz.kernel")
        logger[metadataKey: "run"] = "r1"
        logger.info("order placed", metadata: ["symbol": "BTC/USDT", "qty": .stringConvertible(0.5),
                                               "fills": ["b": "2", "a": .array(["x", "y"])]])
        #expect(sink.lines == [
            #"{"timestamp":"2025-11-25T01:22:32.123Z","level":"info","logger":"graphwiz.kernel","message":"order placed","#
                + #""metadata":{"fills":{"a":["x","y"],"b":"2"},"qty":"0.5","run":"r1","symbol":"BTC/USDT"}}"#,
        ])
    }

    @Test func jsonEscapesQuotesBackslashesAndControlCharacters() {
        let (runtime, sink) = LoggingTestSink.runtime(format: .json)
        runtime.logger("a\"b").warning("line1\nline2\t\"q\" \\ \u{01}")
        #expect(sink.lines == [
            #"{"timestamp":"2025-11-25T01:22:32.123Z","level":"warning","logger":"a\"b","message":"line1\nline2\t\"q\" \\ \u0001","metadata":{}}"#,
        ])
    }

    @Test func textLinesAreReadableWithQuotedValuesOnlyWhenNeeded() {
        let (runtime, sink) = LoggingTestSink.runtime(format: .text)
        runtime.logger("graphwiz.api").error("request failed\nretrying",
                                            metadata: ["path": "/api/v1/orders", "reason": "bad gateway", "attempt": "2"])
        #expect(sink.lines == [
            #"2025-11-25T01:22:32.123Z error [graphwiz.api] request failed\nretrying attempt=2 path=/api/v1/orders reason="bad gateway""#,
        ])
    }

    @Test func errorsAttachedToEventsBecomeMetadata() {
        struct Broken: Error, CustomStringConvertible { var description: String { "disk full" } }
        let (runtime, sink) = LoggingTestSink.runtime(format: .text)
        runtime.logger("graphwiz.store").log(level: .critical, "cannot flush", error: Broken())
        #expect(sink.lines == [#"2025-11-25T01:22:32.123Z critical [graphwiz.store] cannot flush error="disk full""#])
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (Int64(-1_500), "1969-12-31T23:59:58.500Z"),
        (Int64(951_782_400_007), "2000-02-29T00:00:00.007Z"),
        (Int64(1_764_033_752_123), "2025-11-25T01:22:32.123Z"),
    ])
    func timestampsAreIsoUtcWithMilliseconds(milliseconds: Int64, expected: String) {
        #expect(LogTimestamp.iso8601(milliseconds: milliseconds) == expected)
    }
}
