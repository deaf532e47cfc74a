import ArgumentParser
import Backtest
import Foundation
import Persistence
import Strategies
import TradingCore

/// `graphwiz sweep --strategy sma_cross --grid fast=5..50:5 --grid slow=20..200:10`: every combination on all
/// cores, through the vectorized fast path where the strategy has one (same trades as the event-driven engine).
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Backtest every combination of a parameter grid on all cores and rank them.",
        discussion: "Axes: name=lo..hi:step or name=a,b,c. Parameters not on the grid keep their defaults or --param values."
    )

    @Option(help: "Strategy name (see `graphwiz strategies`).")
    var strategy = StrategyRegistry.defaultName

    @Option(name: .customLong("grid"), help: "Grid axis name=lo..hi:step or name=a,b,c (repeatable).")
    var grid: [String] = []

    @Option(name: .customLong("param"), help: "Fixed parameter key=value for every combination (repeatable).")
    var parameters: [String] = []

    @OptionGroup var data: BacktestDataOptions
    @OptionGroup var costs: BacktestCostOptions

    @Option(help: "Rank by: sharpe, sortino, calmar, total_return, cagr, max_drawdown, profit_factor, win_rate.")
    var sort = "sharpe"

    @Option(help: "Rows to print.")
    var top = 15

    @Option(help: "Engine: auto (vectorized where available), vectorized or event-driven.")
    var engine = "auto"

    @Option(help: "Worker threads (default: all cores).")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Write every row as JSON to this file.")
    var json: String?

    @Flag(help: "Do not record the sweep in the store.")
    var noStore = false

    func validate() throws {
        guard !grid.isEmpty else { throw ValidationError("give at least one --grid axis, e.g. --grid fast=5..50:5") }
        guard ["auto", "vectorized", "event-driven"].contains(engine) else {
            throw ValidationError("--engine must be auto, vectorized or event-driven, got '\(engine)'")
        }
        guard Self.key(sort) != nil else { throw ValidationError("--sort '\(sort)' is not a metric; use sharpe, sortino, calmar, total_return, cagr, max_drawdown, profit_factor or win_rate") }
        guard threads >= 1 else { throw ValidationError("--threads must be >= 1") }
    }

    func run() async throws {
        print(try await perform().joined(separator: "\n"))
    }

    func perform() async throws -> [String] {
        let type: any Strategy.Type
        do { type = try StrategyRegistry.strategy(named: strategy) } catch { throw ValidationError(error.description) }
        let parsedGrid: ParameterGrid
        let fixed: ParameterValues
        do {
            parsedGrid = try ParameterGrid(grid, space: type.parameterSpace, strategy: type.name)
            fixed = try type.parameterSpace.parse(parameters, strategy: type.name)
        } catch { throw ValidationError(error.description) }
        let loaded = try await data.load()
        guard loaded.series.count == 1 else { throw ValidationError("a sweep runs on one symbol; give one --data file or --symbol") }
        if engine == "vectorized" && !(type is any SignalStrategy.Type) {
            throw ValidationError("\(type.name) has no vectorized form; use --engine auto or event-driven")
        }
        var base = BacktestConfiguration(
            strategy: type.name, parameters: fixed, instruments: loaded.series.map(\.instrument),
            timeframe: loaded.timeframe, data: loaded.sources, initialCash: try costs.initialCash(),
            matching: try costs.matching(), sizing: try costs.positionSizing(), allowShort: costs.allowShort)
        base.parameters = fixed
        let fixedGrid = ParameterGrid(merging: parsedGrid, fixed: fixed)
        let result = try SweepRunner.run(strategyType: type, grid: fixedGrid, base: base, series: loaded.series[0],
                                         threads: threads, forceEventDriven: engine == "event-driven")
        let key = Self.key(sort)!
        let ranked = result.rows.sorted { key($0.metrics) > key($1.metrics) }
        var lines = ["\(type.name) sweep: \(result.rows.count) of \(result.combinations) combinations on "
            + "\(loaded.series[0].instrument.symbol) \(loaded.timeframe) (\(loaded.series[0].bars.count) bars), "
            + "\(result.engine) engine, \(result.threads) threads, \(String(format: "%.2f", result.elapsedSeconds)) s, "
            + "\(BacktestSummary.count(Int(result.barsPerSecond))) bar-evaluations/s"]
        if !result.skipped.isEmpty {
            lines.append("skipped \(result.skipped.count): \(result.skipped.prefix(3).joined(separator: "; "))\(result.skipped.count > 3 ? "; ..." : "")")
        }
        lines.append("")
        lines.append("  " + "parameters".padding(toLength: 30, withPad: " ", startingAt: 0) + "return".leftPadded(10)
            + "sharpe".leftPadded(9) + "max dd".leftPadded(9) + "trades".leftPadded(8) + "win".leftPadded(8))
        for row in ranked.prefix(top) {
            let m = row.metrics
            lines.append("  " + row.parameters.summary.padding(toLength: 30, withPad: " ", startingAt: 0)
                + BacktestSummary.signed(m.totalReturn).leftPadded(10) + BacktestSummary.num(m.sharpe).leftPadded(9)
                + BacktestSummary.pct(m.maxDrawdown).leftPadded(9) + "\(m.trades)".leftPadded(8)
                + BacktestSummary.pct(m.winRate).leftPadded(8))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var rankedResult = result
        rankedResult.rows = ranked
        let body = try encoder.encode(SweepReport(configuration: base, result: rankedResult))
        if let json {
            try BacktestCommand.write(body, to: json)
            lines.append("  Rows: \(json)")
        }
        if !noStore {
            let created = Int64(Date().timeIntervalSince1970 * 1000)
            let id = StoredRun.makeID(kind: .sweep, createdAt: created)
            let best = ranked.first?.metrics ?? PerformanceMetrics()
            let run = StoredRun(id: id, createdAt: created, kind: .sweep, strategy: type.name,
                                symbols: base.instruments.map(\.symbol), timeframe: base.timeframe,
                                metricsJSON: String(decoding: try encoder.encode(best), as: UTF8.self),
                                configJSON: String(decoding: try encoder.encode(base), as: UTF8.self),
                                reportJSON: String(decoding: body, as: UTF8.self))
            let path = StoreLocation.resolve(option: data.db)
            try await SQLStore.withStore(path: path) { try await RunStore(store: $0).save(run) }
            lines.append("  Sweep \(id) stored in \(path)")
        }
        return lines
    }

    static func key(_ name: String) -> ((PerformanceMetrics) -> Double)? {
        switch name {
        case "sharpe": return { $0.sharpe }
        case "sortino": return { $0.sortino }
        case "calmar": return { $0.calmar }
        case "total_return": return { $0.totalReturn }
        case "cagr": return { $0.cagr }
        case "max_drawdown": return { -$0.maxDrawdown }
        case "profit_factor": return { $0.profitFactor ?? .infinity }
        case "win_rate": return { $0.winRate }
        default: return nil
        }
    }
}

/// The JSON written by `graphwiz sweep --json`.
struct SweepReport: Encodable {
    var configuration: BacktestConfiguration
    var result: SweepResult
}
