// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "graphwiz-trader",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "graphwiz", targets: ["graphwiz"]),
        .library(name: "TradingModel", targets: ["TradingModel"]),
        .library(name: "Indicators", targets: ["Indicators"]),
        .library(name: "BoltClient", targets: ["BoltClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.30.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.8.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.24.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.3.0"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.2.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.0.0"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.13.0"),
    ],
    targets: [
        // Value types only: exact fixed-point money, instruments, bars, orders, fills, events.
        .target(name: "TradingModel", swiftSettings: strict),
        // Streaming and batch technical indicators that agree with TA-Lib.
        .target(name: "Indicators", dependencies: ["TradingModel"], swiftSettings: strict),
        // CSV import, validation, resampling, synthetic bar generation.
        .target(name: "MarketData", dependencies: ["TradingModel"], swiftSettings: strict),
        // Ports, ledger, order manager, kernel, risk hook.
        .target(name: "TradingCore", dependencies: [
            "TradingModel", "Indicators",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
        ], swiftSettings: strict),
        // Built-in strategies with declared parameter spaces.
        .target(name: "Strategies", dependencies: ["TradingCore", "Indicators"], swiftSettings: strict),
        // Order matching engine, fee and slippage models, SimulatedExchange.
        .target(name: "Simulation", dependencies: ["TradingModel", "TradingCore"], swiftSettings: strict),
        // SQLite (embedded default) and PostgreSQL stores through one SQLKit code path; the order journal.
        .target(name: "Persistence", dependencies: [
            "TradingModel", "MarketData", "TradingCore",
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            .product(name: "PostgresKit", package: "postgres-kit"),
        ], swiftSettings: strict),
        // Backtest runner, metrics, reports, vectorized sweeps, benchmarks.
        .target(name: "Backtest", dependencies: ["Simulation", "Strategies", "MarketData", "Indicators"], swiftSettings: strict),
        // Bolt 5.x client for Neo4j: PackStream, messages, state machine, channel handler.
        .target(name: "BoltClient", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ], swiftSettings: strict),
        // Knowledge graph: GraphStore port (embedded SQLite, Neo4j over Bolt), market and decision graphs.
        .target(name: "KnowledgeGraph", dependencies: [
            "TradingModel", "TradingCore", "Persistence", "BoltClient", "Backtest",
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "Metrics", package: "swift-metrics"),
        ], swiftSettings: strict),
        // The YAML application configuration: loading, ${VAR} expansion, .env, overrides, validation, redaction.
        .target(name: "GraphwizConfig", dependencies: [
            "TradingModel", "TradingCore", "Simulation",
            .product(name: "Yams", package: "Yams"),
        ], swiftSettings: strict),
        // Binance and Kraken spot adapters: signing, wire DTOs, mapping, rate limiters, REST and WebSocket.
        .target(name: "Exchanges", dependencies: [
            "TradingModel", "TradingCore",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "WSClient", package: "swift-websocket"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ], swiftSettings: strict),
        // Fake Binance and Kraken servers speaking the real wire format, for tests and demos on 127.0.0.1.
        .target(name: "VenueFakes", dependencies: [
            "TradingModel",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: strict),
        // Alert rules and delivery channels (webhook, Slack, Discord, Telegram, SMTP) with retries and de-duplication.
        .target(name: "Alerts", dependencies: [
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
        ], swiftSettings: strict),
        // The HTTP API, auth, rate limiting, WebSocket stream, dashboard and Prometheus endpoint.
        .target(name: "TradingAPI", dependencies: [
            "TradingModel", "TradingCore", "GraphwizConfig",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], resources: [.copy("Resources")], swiftSettings: strict),
        // Composition root and the command-line interface.
        .target(name: "TradingApp", dependencies: [
            "TradingModel", "Indicators", "MarketData", "TradingCore", "Strategies",
            "Simulation", "Persistence", "Backtest", "KnowledgeGraph", "BoltClient", "GraphwizConfig",
            "Exchanges", "TradingAPI", "Alerts", "VenueFakes",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),
        .executableTarget(name: "graphwiz", dependencies: [
            "TradingApp", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict),

        .testTarget(name: "TradingModelTests", dependencies: ["TradingModel"], swiftSettings: strict),
        .testTarget(name: "IndicatorsTests", dependencies: ["Indicators", "MarketData"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "MarketDataTests", dependencies: ["MarketData"], swiftSettings: strict),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation"], swiftSettings: strict),
        .testTarget(name: "BacktestTests", dependencies: ["Backtest", "MarketData", "ProcessTestSupport"], swiftSettings: strict),
        .testTarget(name: "PersistenceTests", dependencies: ["Persistence"], swiftSettings: strict),
        .testTarget(name: "BoltClientTests", dependencies: [
            "BoltClient",
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ], swiftSettings: strict),
        // Test support: the lock every test writing to the shared Bolt test server holds (FalkorDB has one graph).
        .target(name: "BoltTestSupport", path: "Tests/BoltTestSupport", swiftSettings: strict),
        // Test support: external programs awaited without blocking a thread of the cooperative pool.
        .target(name: "ProcessTestSupport", path: "Tests/ProcessTestSupport", swiftSettings: strict),
        .testTarget(name: "BoltIntegrationTests", dependencies: [
            "BoltClient", "BoltTestSupport",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ], swiftSettings: strict),
        .testTarget(name: "TradingCoreTests", dependencies: ["TradingCore"], swiftSettings: strict),
        .testTarget(name: "KnowledgeGraphTests", dependencies: [
            "KnowledgeGraph", "Persistence", "BoltClient", "Backtest", "TradingCore", "TradingModel", "BoltTestSupport",
            .product(name: "Metrics", package: "swift-metrics"),
        ], swiftSettings: strict),
        .testTarget(name: "TradingAppTests", dependencies: [
            "TradingApp", "KnowledgeGraph", "BoltTestSupport", "ProcessTestSupport",
            .product(name: "WSClient", package: "swift-websocket"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ], swiftSettings: strict),
        .testTarget(name: "GraphwizConfigTests", dependencies: ["GraphwizConfig"], swiftSettings: strict),
        .testTarget(name: "AlertsTests", dependencies: [
            "Alerts", "VenueFakes",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Metrics", package: "swift-metrics"),
        ], swiftSettings: strict),
        .testTarget(name: "ExchangesTests", dependencies: [
            "Exchanges", "VenueFakes", "TradingCore", "TradingModel",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),
        .testTarget(name: "TradingAPITests", dependencies: [
            "TradingAPI", "TradingCore", "TradingModel",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "WSClient", package: "swift-websocket"),
            .product(name: "JWTKit", package: "jwt-kit"),
        ], swiftSettings: strict),
    ]
)
