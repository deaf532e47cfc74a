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
        ], swiftSettings: strict),
        // Built-in strategies with declared parameter spaces.
        .target(name: "Strategies", dependencies: ["TradingCore", "Indicators"], swiftSettings: strict),
        // Order matching engine, fee and slippage models, SimulatedExchange.
        .target(name: "Simulation", dependencies: ["TradingModel"], swiftSettings: strict),
        // Embedded SQLite store (one SQL code path through SQLKit).
        .target(name: "Persistence", dependencies: [
            "TradingModel", "MarketData",
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
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
        ], swiftSettings: strict),
        // The YAML application configuration: loading, ${VAR} expansion, .env, overrides, validation, redaction.
        .target(name: "Configuration", dependencies: [
            "TradingModel", "TradingCore", "Simulation",
            .product(name: "Yams", package: "Yams"),
        ], swiftSettings: strict),
        // Composition root and the command-line interface.
        .target(name: "TradingApp", dependencies: [
            "TradingModel", "Indicators", "MarketData", "TradingCore", "Strategies",
            "Simulation", "Persistence", "Backtest", "KnowledgeGraph", "BoltClient", "Configuration",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .executableTarget(name: "graphwiz", dependencies: [
            "TradingApp", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict),

        .testTarget(name: "TradingModelTests", dependencies: ["TradingModel"], swiftSettings: strict),
        .testTarget(name: "IndicatorsTests", dependencies: ["Indicators", "MarketData"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "MarketDataTests", dependencies: ["MarketData"], swiftSettings: strict),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation"], swiftSettings: strict),
        .testTarget(name: "BacktestTests", dependencies: ["Backtest", "MarketData"], swiftSettings: strict),
        .testTarget(name: "PersistenceTests", dependencies: ["Persistence"], swiftSettings: strict),
        .testTarget(name: "BoltClientTests", dependencies: [
            "BoltClient",
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ], swiftSettings: strict),
        .testTarget(name: "BoltIntegrationTests", dependencies: [
            "BoltClient",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ], swiftSettings: strict),
        .testTarget(name: "TradingCoreTests", dependencies: ["TradingCore"], swiftSettings: strict),
        .testTarget(name: "KnowledgeGraphTests", dependencies: [
            "KnowledgeGraph", "Persistence", "BoltClient", "Backtest", "TradingCore", "TradingModel",
        ], swiftSettings: strict),
        .testTarget(name: "TradingAppTests", dependencies: ["TradingApp", "KnowledgeGraph"], swiftSettings: strict),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration"], swiftSettings: strict),
    ]
)
