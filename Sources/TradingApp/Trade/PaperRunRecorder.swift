import Foundation
import Persistence
import TradingCore
import TradingModel

/// Stores a finished paper session as a run of kind `paper` (what the promotion gate reads).
public enum PaperRunRecorder {
    /// Saves `snapshot` and returns the run id.
    public static func save(_ snapshot: SessionSnapshot, symbols: [String], timeframe: Timeframe, initialEquity: Money,
                            store: SQLStore, now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) async throws -> String {
        let id = StoredRun.makeID(kind: .paper, createdAt: now)
        let totalReturn = initialEquity.isZero ? 0 : (snapshot.equity - initialEquity).doubleValue / initialEquity.doubleValue
        let metrics: [String: Double] = [
            "total_return": totalReturn, "trades": Double(snapshot.trades.count), "fills": Double(snapshot.fills),
            "fees_paid": snapshot.feesPaid.doubleValue, "final_equity": snapshot.equity.doubleValue,
            "bars": Double(snapshot.bars),
        ]
        let config: [String: String] = ["session": snapshot.sessionId, "venue": snapshot.venue,
                                        "parameters": snapshot.parameters.summary]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func text<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let run = StoredRun(id: id, createdAt: now, kind: .paper, strategy: snapshot.strategy, symbols: symbols,
                            timeframe: timeframe, metricsJSON: try text(metrics), configJSON: try text(config),
                            reportJSON: try text(snapshot))
        try await RunStore(store: store).save(run)
        return id
    }
}
