import ArgumentParser
import Backtest
import Dispatch
import Foundation
import Indicators
import MarketData
import Persistence
import Strategies
import TradingCore
import TradingModel

/// `graphwiz bench`: throughput figures (build with `-c release`). Prints one line per figure; `--json` writes
/// them for `bench/compare.sh`, which measures vectorbt and backtesting.py on the same data in the same run.
/// Subcommands measure the service: `latency` (event-to-order through a live session), `firehose` (real-time
/// market data through several sessions), `rss` (idle memory of `graphwiz serve`) and `api` (requests/s).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure kernel, sweep, CSV import, store and indicator throughput (use a release build).",
        subcommands: [BenchLatencyCommand.self, BenchFirehoseCommand.self, BenchServiceRSSCommand.self, APIBench.self]
    )

    @Option(help: "Generated 1-minute bars to run on.")
    var bars = 1_000_000

    @Option(help: "Generator seed (bench/compare.sh uses the same seed for the peers).")
    var seed: UInt64 = 7

    @Option(help: "Repetitions of each figure; the best and the median are printed.")
    var repeats = 3

    @Option(help: "Comma-separated figures to run: kernel, sweep, import, store, indicators.")
    var only = "kernel,sweep,import,store,indicators"

    @Option(help: "Read the bars from this CSV instead of generating them (the peers' file).")
    var data: String?

    @Option(help: "Write the figures as JSON to this file.")
    var json: String?

    func validate() throws {
        guard bars >= 1000 else { throw ValidationError("--bars must be at least 1000") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() async throws {
        #if DEBUG
        print("note: this is a debug build; figures are only meaningful from `swift build -c release`.")
        #endif
        let wanted = Set(only.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
        var figures: [String: Double] = [:]
        let series: [Bar]
        if let data {
            series = try CSVBarReader().read(contentsOfFile: data).bars
        } else {
            var generator = try SyntheticBarGenerator(seed: seed, timeframe: .oneMinute)
            series = generator.generate(count: bars)
        }
        let instrument = Instrument(symbol: "SYNTH/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.00001")!,
                                    minNotional: Fixed(5))
        let input = InstrumentSeries(instrument: instrument, bars: series)
        let config = BacktestConfiguration(
            strategy: SmaCross.name, parameters: SmaCross.parameterSpace.defaults, instruments: [instrument],
            timeframe: .oneMinute, data: [DataSourceDescription(kind: "generated", symbol: instrument.symbol,
                                                                 timeframe: .oneMinute, seed: seed, bars: series.count)])
        print("graphwiz bench: \(BacktestSummary.count(series.count)) 1m bars, \(ProcessInfo.processInfo.activeProcessorCount) cores, best of \(repeats)")

        if wanted.contains("kernel") {
            var trades = 0
            let (best, median) = try measure {
                let result = try BacktestRunner.run(SmaCross.self, configuration: config, series: [input])
                trades = result.metrics.trades
                return Double(series.count) / result.elapsedSeconds
            }
            figures["kernel_bars_per_second"] = best
            print("event-driven kernel (sma_cross 10/30, one core): \(fmt(best)) bars/s (median \(fmt(median)); \(trades) trades)")
        }
        if wanted.contains("sweep") {
            let grid = try ParameterGrid(["fast=5..50:5", "slow=60..240:20"], space: SmaCross.parameterSpace, strategy: SmaCross.name)
            var pairs = 0, threads = 0
            let (best, median) = try measure {
                let result = try SweepRunner.run(strategyType: SmaCross.self, grid: grid, base: config, series: input)
                pairs = result.rows.count
                threads = result.threads
                return Double(pairs) / result.elapsedSeconds
            }
            figures["sweep_pairs_per_second"] = best
            figures["sweep_bar_evaluations_per_second"] = best * Double(series.count)
            print("vectorized sweep (\(pairs) sma_cross pairs, \(threads) threads): \(String(format: "%.1f", best)) pairs/s = "
                + "\(fmt(best * Double(series.count))) bar-evaluations/s (median \(String(format: "%.1f", median)) pairs/s)")
        }
        let csvPath = NSTemporaryDirectory() + "graphwiz-bench-\(getpid()).csv"
        defer { try? FileManager.default.removeItem(atPath: csvPath) }
        if wanted.contains("import") || wanted.contains("store") {
            try CSVBarWriter().write(series, toFile: csvPath)
        }
        if wanted.contains("import") {
            let (best, median) = try measure {
                let start = DispatchTime.now().uptimeNanoseconds
                let read = try CSVBarReader().read(contentsOfFile: csvPath)
                let report = BarValidator(timeframe: .oneMinute).validate(read)
                precondition(report.isValid)
                return Double(read.bars.count) / seconds(since: start)
            }
            figures["csv_import_rows_per_second"] = best
            print("CSV read + validate (ISO times): \(fmt(best)) rows/s (median \(fmt(median)))")
        }
        if wanted.contains("store") {
            let dbPath = NSTemporaryDirectory() + "graphwiz-bench-\(getpid()).sqlite"
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) } }
            let start = DispatchTime.now().uptimeNanoseconds
            let inserted = try await SQLStore.withStore(path: dbPath) { store in
                try await BarStore(store: store).insert(series, symbol: "SYNTH/USDT", timeframe: .oneMinute, source: "bench")
            }
            let rate = Double(inserted.inserted) / seconds(since: start)
            figures["store_insert_bars_per_second"] = rate
            print("SQLite store insert: \(fmt(rate)) bars/s")
        }
        if wanted.contains("indicators") {
            let columns = BarColumns(series)
            let specs = try ["sma:20", "ema:20", "rsi:14", "macd:12,26,9", "bbands:20,2", "atr:14", "adx:14", "stoch", "supertrend"]
                .map { try IndicatorSpec($0) }
            let (best, _) = try measure {
                let start = DispatchTime.now().uptimeNanoseconds
                var sink = 0.0
                for spec in specs { for column in spec.compute(columns) { sink += column.values[column.values.count - 1] } }
                precondition(!sink.isNaN || sink.isNaN)
                return Double(series.count * specs.count) / seconds(since: start)
            }
            figures["indicator_batch_values_per_second"] = best
            print("indicators, batch (\(specs.count) kinds): \(fmt(best)) bar-updates/s")
            let (streamBest, _) = try measure {
                let start = DispatchTime.now().uptimeNanoseconds
                var sma = SMA(period: 20), rsi = RSI(period: 14), macd = MACD()
                var sink = 0.0
                for bar in series {
                    sink += sma.update(bar.close)
                    sink += rsi.update(bar.close)
                    sink += macd.update(bar.close).histogram
                }
                precondition(!sink.isNaN || sink.isNaN)
                return Double(series.count * 3) / seconds(since: start)
            }
            figures["indicator_streaming_updates_per_second"] = streamBest
            print("indicators, streaming (sma+rsi+macd): \(fmt(streamBest)) updates/s")
        }
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try BacktestCommand.write(try encoder.encode(figures), to: json)
        }
    }

    /// Runs `body` `repeats` times; returns the best and the median of its figures.
    private func measure(_ body: () throws -> Double) throws -> (best: Double, median: Double) {
        var values: [Double] = []
        for _ in 0..<repeats { values.append(try body()) }
        values.sort()
        return (values.last!, values[values.count / 2])
    }

    private func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    private func fmt(_ x: Double) -> String { BacktestSummary.count(Int(x.rounded())) }
}
