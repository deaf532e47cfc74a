import Logging
import Testing
@testable import TradingApp

@Suite struct LoggingRedactionTests {
    @Test(arguments: [
        ("api_key", true), ("BINANCE_API_KEY", true), ("apiKey", true), ("jwt_secret", true), ("apiSecret", true),
        ("password", true), ("db_password", true), ("token", true), ("refresh_token", true), ("passphrase", true),
        ("Authorization", true), ("symbol", false), ("key", false), ("secretary", true), ("user", false),
    ])
    func secretLookingKeysAreRecognised(key: String, secret: Bool) {
        #expect(LogRedactor.isSecret(key: key) == secret)
    }

    @Test func secretValuesAreMaskedAtAnyDepth() {
        let metadata: Logger.Metadata = [
            "api_key": "k-123", "user": "bob",
            "exchange": ["name": "binance", "apiSecret": ["nested": "s-456"]],
            "attempts": [["token": "t-789"], "plain"],
        ]
        #expect(LogRedactor.redact(metadata) == [
            "api_key": "***", "user": "bob",
            "exchange": ["name": "binance", "apiSecret": "***"],
            "attempts": [["token": "***"], "plain"],
        ])
    }

    @Test func writtenLinesNeverContainRedactedValues() {
        let (runtime, sink) = LoggingTestSink.runtime(format: .json)
        var logger = runtime.logger("graphwiz.exchange")
        logger[metadataKey: "password"] = "hunter2"
        logger.info("connected", metadata: ["api_key": "AKIA-SECRET", "venue": "binance"])
        #expect(sink.lines == [
            #"{"timestamp":"2025-11-25T01:22:32.123Z","level":"info","logger":"graphwiz.exchange","message":"connected","#
                + #""metadata":{"api_key":"***","password":"***","venue":"binance"}}"#,
        ])
    }
}
