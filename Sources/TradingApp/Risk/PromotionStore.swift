import Foundation
import Persistence
import TradingCore

/// Keeps every strategy's place on the paper-to-live ladder in `promotion-state.json` beside the database,
/// like the trading state (readable and fixable by hand; the Persistence target does not know TradingCore).
public struct PromotionStore: Sendable {
    /// The JSON file.
    public let path: String
    /// The database whose `paper` and `live` runs are the records.
    public let databasePath: String

    /// The file next to the database at `databasePath`.
    public init(databasePath: String) {
        self.databasePath = databasePath
        path = URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("promotion-state.json").path
    }

    /// Every stored state by strategy name (empty without a file).
    public func load() throws(RiskStateStoreError) -> [String: PromotionState] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        do {
            return try JSONDecoder().decode([String: PromotionState].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw RiskStateStoreError(path: path, reason: "cannot be read (\(error)); fix or delete it, then run `graphwiz risk promotion status`")
        }
    }

    /// The state of `strategy` (on paper since the epoch when never evaluated).
    public func state(of strategy: String) throws(RiskStateStoreError) -> PromotionState {
        try load()[strategy] ?? PromotionState(strategy: strategy)
    }

    /// Writes `state` atomically next to the others.
    public func save(_ state: PromotionState) throws(RiskStateStoreError) {
        var all = try load()
        all[state.strategy] = state
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try encoder.encode(all).write(to: url, options: .atomic)
        } catch {
            throw RiskStateStoreError(path: path, reason: "cannot be written (\(error))")
        }
    }

    /// The record of `state`'s current step: the strategy's `paper` runs (step 0) or `live` runs (a ladder
    /// step) created at or after the step began; nil when there is none.
    public func record(for state: PromotionState) async throws -> PaperRecord? {
        let kind: RunKind = state.step == 0 ? .paper : .live
        let runs = try await SQLStore.withStore(path: databasePath) { try await RunStore(store: $0).list(limit: 100_000) }
        let sessions = try runs
            .filter { $0.kind == kind && $0.strategy == state.strategy && $0.createdAt >= state.stepStartedAt }
            .map { run -> PaperRecord.Session in
                do {
                    let m = try JSONDecoder().decode(SessionMetrics.self, from: Data(run.metricsJSON.utf8))
                    return PaperRecord.Session(start: m.startTime, end: m.endTime, bars: m.bars, trades: m.trades,
                                               maxDrawdown: m.maxDrawdown, sharpe: m.sharpe)
                } catch {
                    throw RiskStateStoreError(path: databasePath, reason: "run \(run.id) has unreadable metrics (\(error))")
                }
            }
        return PaperRecord.combined(sessions)
    }

    /// Evaluates the current step's record at `now` and stores the result.
    /// - Returns: the updated state, the record (nil when there was none) and the verdict.
    public func evaluate(strategy: String, criteria: PromotionCriteria, now: Int64) async throws
        -> (state: PromotionState, record: PaperRecord?, verdict: PromotionVerdict?) {
        var state = try self.state(of: strategy)
        guard let record = try await record(for: state) else { return (state, nil, nil) }
        let verdict = state.apply(record, criteria: criteria, time: now)
        try save(state)
        return (state, record, verdict)
    }

    /// What the live trader may commit for `strategy` now: a capital fraction, or the refusal and its reason.
    public func allowedCapital(strategy: String, criteria: PromotionCriteria) throws -> CapitalAllowance {
        try state(of: strategy).allowedCapital(criteria: criteria)
    }
}

/// The metrics of a stored run the promotion gate reads (`start_time`, `end_time`, `bars`, `trades`,
/// `max_drawdown`, `sharpe`).
struct SessionMetrics: Decodable {
    var startTime: Int64
    var endTime: Int64
    var bars: Int
    var trades: Int
    var maxDrawdown: Double
    var sharpe: Double

    enum CodingKeys: String, CodingKey {
        case startTime = "start_time", endTime = "end_time", bars, trades, maxDrawdown = "max_drawdown", sharpe
    }
}
