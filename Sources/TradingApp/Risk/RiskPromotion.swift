import TradingModel
import ArgumentParser
import Foundation
import GraphwizConfig
import MarketData
import TradingCore

/// `graphwiz risk promotion status|evaluate`: the paper-to-live gate and capital ladder.
struct RiskPromotion: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promotion", abstract: "Paper-to-live promotion gate and capital ladder (status, evaluate).",
        subcommands: [RiskPromotionStatus.self, RiskPromotionEvaluate.self])
}

/// `--db` and `--config` of the promotion commands.
struct PromotionOptions: ParsableArguments {
    @Option(help: "Database file (default: $GRAPHWIZ_DB or data/graphwiz.sqlite); the state is promotion-state.json beside it.")
    var db: String?

    @Option(help: "Configuration file whose risk.promotion criteria apply (default: the built-in criteria).")
    var config: String?

    var store: PromotionStore { PromotionStore(databasePath: StoreLocation.resolve(option: db)) }

    func criteria(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PromotionCriteria {
        guard let config else { return PromotionCriteria() }
        do {
            return try ConfigLoader(environment: ConfigLoader.environment(process: environment)).load(file: config).risk.promotion
        } catch {
            throw ValidationError("--config: " + error.report(source: config).joined(separator: "\n"))
        }
    }
}

/// `graphwiz risk promotion status [--strategy NAME]`.
struct RiskPromotionStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show each strategy's ladder step and allowed capital.")

    @Option(help: "Only this strategy (also shown when never evaluated).")
    var strategy: String?

    @OptionGroup var options: PromotionOptions

    func run() async throws { try perform().emit() }

    func perform() throws -> DataCommandOutput {
        let criteria = try options.criteria()
        let all = try options.store.load()
        let states = strategy.map { [all[$0] ?? PromotionState(strategy: $0)] } ?? all.values.sorted { $0.strategy < $1.strategy }
        guard !states.isEmpty else { return DataCommandOutput(["No strategy has been evaluated yet (\(options.store.path))."]) }
        var lines: [String] = []
        for state in states { lines += RiskPromotionStatus.lines(state, criteria: criteria) }
        return DataCommandOutput(lines)
    }

    static func lines(_ state: PromotionState, criteria: PromotionCriteria) -> [String] {
        var lines: [String] = []
        switch state.allowedCapital(criteria: criteria) {
        case let .allowed(fraction):
            lines.append("\(state.strategy): live step \(state.step) of \(criteria.ladder.count), \(percent(fraction)) of capital allowed")
        case let .refused(reason):
            lines.append("\(state.strategy): paper only — \(reason)")
        }
        if let last = state.history.last {
            lines.append("  last change \(UTCTimestamp.iso8601(last.time)): step \(last.from) -> \(last.to): \(last.reason)")
        }
        return lines
    }

    static func percent(_ f: Double) -> String { "\((f * 1000).rounded() / 10)%" }
}

/// `graphwiz risk promotion evaluate --strategy NAME`: judges the current step's record (stored `paper`
/// runs on paper, `live` runs at a ladder step) and climbs, stays or demotes.
struct RiskPromotionEvaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evaluate", abstract: "Evaluate a strategy's record from stored runs and move it on the ladder.")

    @Option(help: "Strategy name.")
    var strategy: String

    @OptionGroup var options: PromotionOptions

    func run() async throws { try await perform().emit() }

    func perform(now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) async throws -> DataCommandOutput {
        let criteria = try options.criteria()
        let before = try options.store.state(of: strategy)
        let (state, record, verdict) = try await options.store.evaluate(strategy: strategy, criteria: criteria, now: now)
        guard let record, let verdict else {
            let kind = before.step == 0 ? "paper" : "live"
            return DataCommandOutput(["\(strategy): no \(kind) runs since \(UTCTimestamp.iso8601(before.stepStartedAt)); nothing to evaluate (step \(before.step) kept)"]
                + RiskPromotionStatus.lines(state, criteria: criteria))
        }
        var lines = ["\(strategy): \(record.sessions) session(s), \((record.days * 100).rounded() / 100) days, \(record.trades) trades, max drawdown \((record.maxDrawdown * 10_000).rounded() / 100)%, Sharpe \((record.sharpe * 100).rounded() / 100)"]
        if verdict.passed {
            lines.append(state.step > before.step ? "  passed: promoted from step \(before.step) to \(state.step)" : "  passed: already at the top step")
        } else {
            for b in verdict.breaches { lines.append("  breach: \(b)") }
            for s in verdict.shortfalls { lines.append("  not yet: \(s)") }
            if state.step < before.step { lines.append("  demoted from step \(before.step) to paper") }
        }
        return DataCommandOutput(lines + RiskPromotionStatus.lines(state, criteria: criteria))
    }
}
