import ArgumentParser
import Backtest
import Foundation
import MarketData
import Persistence
import Strategies
import TradingCore
import TradingModel

/// `graphwiz backtest`: run a strategy over bars and report. With no arguments it backtests the default
/// strategy over generated data and writes JSON and HTML reports.
struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Backtest a strategy (no look-ahead; fees, slippage, realistic fills) and write JSON/HTML reports.",
        discussion: "With no arguments: \(StrategyRegistry.defaultName) over 20,000 generated 1h bars (seed 42)."
    )

    @Option(help: "Strategy name (see `graphwiz strategies`).")
    var strategy = StrategyRegistry.defaultName

    @Option(name: .customLong("param"), help: "Strategy parameter key=value (repeatable).")
    var parameters: [String] = []

    @OptionGroup var data: BacktestDataOptions
    @OptionGroup var costs: BacktestCostOptions
    @OptionGroup var riskOptions: BacktestRiskOptions

    @Option(help: "JSON report path (default: reports/<run id>.json).")
    var json: String?

    @Option(help: "HTML report path (default: reports/<run id>.html).")
    var html: String?

    @Flag(help: "Write no report files.")
    var noReports = false

    @Flag(help: "Do not record the run (nor its decision graph) in the store.")
    var noStore = false

    @Flag(help: "Do not write the run's decision graph (embedded graph in the store).")
    var noGraph = false

    func run() async throws {
        let output = try await perform()
        print(output.joined(separator: "\n"))
    }

    /// Runs the backtest and returns the lines to print.
    func perform() async throws -> [String] {
        let type: any Strategy.Type
        do { type = try StrategyRegistry.strategy(named: strategy) } catch { throw ValidationError(error.description) }
        let values: ParameterValues
        do { values = try type.parameterSpace.parse(parameters, strategy: type.name) } catch {
            throw ValidationError(error.description)
        }
        let loaded = try await data.load()
        let configuration = BacktestConfiguration(
            strategy: type.name, parameters: values, instruments: loaded.series.map(\.instrument),
            timeframe: loaded.timeframe, data: loaded.sources, initialCash: try costs.initialCash(),
            matching: try costs.matching(), sizing: try costs.positionSizing(), allowShort: costs.allowShort,
            risk: try riskOptions.limits(), protectiveExits: try riskOptions.exits(strategy: type.name),
            emulateExits: riskOptions.emulateExits ? true : nil)
        let created = Int64(Date().timeIntervalSince1970 * 1000)
        let runId = StoredRun.makeID(kind: .backtest, createdAt: created)
        let result: BacktestResult
        do {
            result = try BacktestRunner.run(strategyType: type, configuration: configuration, series: loaded.series,
                                            runId: runId, progress: ProgressReporter(label: "backtest"))
        } catch let error as ParameterError {
            throw ValidationError(error.description)
        }
        var lines = BacktestSummary.lines(result) + RiskSummary.lines(result)
        let report = try JSONReport(result).encoded()
        if !noReports {
            let jsonPath = json ?? "reports/\(runId).json"
            let htmlPath = html ?? "reports/\(runId).html"
            try Self.write(report, to: jsonPath)
            try Self.write(Data(HTMLReport.render(result, series: loaded.series).utf8), to: htmlPath)
            lines.append("  Reports: \(jsonPath), \(htmlPath)")
        }
        if !noStore {
            let path = StoreLocation.resolve(option: data.db)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let run = StoredRun(
                id: runId, createdAt: created, kind: .backtest, strategy: type.name,
                symbols: configuration.instruments.map(\.symbol), timeframe: configuration.timeframe,
                metricsJSON: String(decoding: try encoder.encode(result.metrics), as: UTF8.self),
                configJSON: String(decoding: try encoder.encode(configuration), as: UTF8.self),
                reportJSON: String(decoding: report, as: UTF8.self))
            try await SQLStore.withStore(path: path) { try await RunStore(store: $0).save(run) }
            lines.append("  Run \(runId) stored in \(path) (`graphwiz runs show \(runId)`)")
        }
        if !noGraph && !noStore {
            lines.append(try await BacktestGraphRecorder.record(result, series: loaded.series,
                                                                path: StoreLocation.resolve(option: data.db)))
        }
        return lines
    }

    /// Writes a file, creating its folder.
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }
}
