import ArgumentParser
import MarketData
import Persistence
import TradingModel

/// `graphwiz data generate --symbol S --timeframe TF --bars N --seed K [--out FILE] [--store]`.
struct DataGenerate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate deterministic synthetic bars (regimes, GARCH volatility, jumps) to a CSV and/or the store."
    )

    @Option(help: "Symbol to store the bars under.")
    var symbol = "SYNTH/USD"

    @Option(help: "Bar timeframe: 1m, 5m, 15m, 1h, 4h, 1d, 1w.")
    var timeframe = "1m"

    @Option(help: "Number of bars.")
    var bars: Int

    @Option(help: "Random seed; the same seed gives the same bars on every platform.")
    var seed: UInt64 = 1

    @Option(help: "First bar open time (ISO-8601 or Unix time).")
    var start = "2024-01-01T00:00:00Z"

    @Option(help: "Open price of the first bar.")
    var startPrice = 30_000.0

    @Option(help: "CSV file to write.")
    var out: String?

    @Flag(help: "Store the bars in the database (as well as writing --out if given).")
    var store = false

    @Option(help: "Database file (default: $GRAPHWIZ_DB or data/graphwiz.sqlite).")
    var db: String?

    func validate() throws {
        _ = try DataArguments.timeframe(timeframe, option: "--timeframe")
        _ = try DataArguments.time(start, option: "--start")
        guard bars > 0 else { throw ValidationError("--bars must be positive, got \(bars)") }
        guard out != nil || store else { throw ValidationError("give --out FILE, --store, or both") }
    }

    func run() async throws {
        try await perform().emit()
    }

    func perform() async throws -> DataCommandOutput {
        let tf = try DataArguments.timeframe(timeframe, option: "--timeframe")
        var generator = try SyntheticBarGenerator(seed: seed, timeframe: tf,
                                                  startTime: try DataArguments.time(start, option: "--start"),
                                                  startPrice: startPrice)
        let generated = generator.generate(count: bars)
        var lines = ["Generated \(generated.count) \(tf) bars (seed \(seed)) from "
            + "\(UTCTimestamp.iso8601(generated[0].time)) to \(UTCTimestamp.iso8601(generated[generated.count - 1].time))."]
        if let out {
            try CSVBarWriter().write(generated, toFile: out)
            lines.append("Wrote \(out).")
        }
        if store {
            let path = StoreLocation.resolve(option: db)
            let result = try await SQLStore.withStore(path: path) { opened in
                try await BarStore(store: opened).insert(generated, symbol: symbol, timeframe: tf, source: "synthetic seed \(seed)")
            }
            lines.append("Stored \(symbol) \(tf) in \(path): \(result.inserted) new, \(result.updated) updated.")
        }
        return DataCommandOutput(lines)
    }
}
