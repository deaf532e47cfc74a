import ArgumentParser
import Foundation
import MarketData
import Persistence
import TradingCore
import TradingModel

/// `graphwiz risk report`: historical, parametric and Monte Carlo VaR / CVaR at 95% and 99% of a stored
/// run's equity returns (`--run ID`) or of generated bars' close returns.
struct RiskReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "VaR and CVaR (historical, parametric, Monte Carlo) at 95% and 99%.")

    @Option(name: .customLong("run"), help: "Stored run id (its equity curve); default: generated bars.")
    var runId: String?

    @Option(help: "Generated bars (without --run).")
    var bars = 2_000

    @Option(help: "Generator seed (without --run).")
    var seed: UInt64 = 42

    @Option(help: "Monte Carlo draws.")
    var simulations = 10_000

    @Option(help: "Monte Carlo seed.")
    var simulationSeed: UInt64 = 42

    @Option(help: "Database file (default: $GRAPHWIZ_DB or data/graphwiz.sqlite).")
    var db: String?

    func run() async throws { try await perform().emit() }

    func validate() throws {
        guard bars >= 3 else { throw ValidationError("--bars must be at least 3, got \(bars)") }
        guard simulations >= 100 else { throw ValidationError("--simulations must be at least 100, got \(simulations)") }
    }

    func perform() async throws -> DataCommandOutput {
        let values: [Double]
        let source: String
        if let run = runId {
            let location = StoreLocation.location(option: db)
            let missing: Bool
            if case let .sqlite(path) = location { missing = !FileManager.default.fileExists(atPath: path) } else { missing = false }
            guard !missing, let stored = try await SQLStore.withStore(location, { try await RunStore(store: $0).get(id: run) }) else {
                return DataCommandOutput(["Run \(run) not found in \(location); see graphwiz runs list."], exitCode: 1)
            }
            values = try Self.equity(fromReport: stored.reportJSON, run: run)
            source = "equity of run \(run)"
        } else {
            var generator = try SyntheticBarGenerator(seed: seed, timeframe: .oneHour)
            values = generator.generate(count: bars).map(\.close)
            source = "closes of \(bars) generated 1h bars (seed \(seed))"
        }
        let returns = ValueAtRisk.returns(values)
        guard returns.count >= 2 else {
            return DataCommandOutput(["Not enough returns for VaR: \(returns.count) from \(source)."], exitCode: 1)
        }
        return DataCommandOutput(Self.lines(ValueAtRisk.all(returns, simulations: simulations, seed: simulationSeed),
                                            returns: returns.count, source: source))
    }

    /// The equity values of a stored JSON report.
    static func equity(fromReport json: String, run: String) throws -> [Double] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let points = object["equity"] as? [[String: Any]] else {
            throw ValidationError("run \(run): the stored report has no equity curve (expected \"equity\": [{\"time\", \"value\"}])")
        }
        return points.compactMap { ($0["value"] as? NSNumber)?.doubleValue }
    }

    /// A fixed-width table: method, confidence, VaR and CVaR as percentages of one period.
    static func lines(_ measures: [RiskMeasure], returns: Int, source: String) -> [String] {
        var lines = ["VaR / CVaR of one-period returns: \(returns) returns, \(source)",
                     "METHOD       CONF  VAR       CVAR"]
        for m in measures {
            let method = m.method.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
            let conf = String(format: "%.0f%%", m.confidence * 100).padding(toLength: 5, withPad: " ", startingAt: 0)
            let v = String(format: "%.4f%%", m.valueAtRisk * 100).padding(toLength: 9, withPad: " ", startingAt: 0)
            lines.append("\(method) \(conf) \(v) \(String(format: "%.4f%%", m.expectedShortfall * 100))")
        }
        return lines
    }
}
