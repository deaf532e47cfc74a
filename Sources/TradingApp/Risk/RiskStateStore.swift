import Foundation
import TradingCore

/// Why the risk state file could not be read or written.
public struct RiskStateStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What went wrong and what to do.
    public var reason: String
    /// `risk state file <path>: <reason>`.
    public var description: String { "risk state file \(path): \(reason)" }
}

/// Keeps the trading state across restarts so an emergency halt stays in force until an operator resumes.
///
/// A small JSON file (`risk-state.json`) next to the database rather than a table: the state must be readable
/// and fixable by hand in an emergency, the Persistence target does not depend on TradingCore, and one
/// atomic file replace is all the durability a single record needs.
struct RiskStateStore: Sendable {
    /// The JSON file.
    let path: String

    /// The file next to the database at `databasePath`.
    init(databasePath: String) {
        path = URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("risk-state.json").path
    }

    init(path: String) { self.path = path }

    /// The stored record, or ACTIVE with no history when there is no file yet.
    func load() throws(RiskStateStoreError) -> RiskStateRecord {
        guard FileManager.default.fileExists(atPath: path) else { return RiskStateRecord() }
        do {
            return try JSONDecoder().decode(RiskStateRecord.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw RiskStateStoreError(path: path, reason: "cannot be read (\(error)); fix or delete it, then run `graphwiz risk status`")
        }
    }

    /// Writes `record` atomically, creating the folder.
    func save(_ record: RiskStateRecord) throws(RiskStateStoreError) {
        let url = URL(fileURLWithPath: path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try encoder.encode(record).write(to: url, options: .atomic)
        } catch {
            throw RiskStateStoreError(path: path, reason: "cannot be written (\(error))")
        }
    }

    /// Appends the engine's state changes (by `risk-engine`) and stores the resulting state.
    @discardableResult
    func record(_ events: [RiskEvent]) throws(RiskStateStoreError) -> RiskStateRecord {
        var record = try load()
        for event in events where event.kind == .stateChange {
            record.history.append(.init(time: event.time, from: event.from, to: event.to, code: event.code,
                                        reason: event.reason, by: "risk-engine"))
            record.state = event.to
        }
        try save(record)
        return record
    }

    /// Sets `state` on an operator's word and records who, why and when.
    @discardableResult
    func set(_ state: TradingState, code: String, reason: String, by: String, time: Int64) throws(RiskStateStoreError) -> RiskStateRecord {
        var record = try load()
        record.history.append(.init(time: time, from: record.state, to: state, code: code, reason: reason, by: by))
        record.state = state
        try save(record)
        return record
    }

    /// A risk engine that starts in the stored state (HALTED stays HALTED after a restart).
    func engine(limits: RiskLimits, allowShort: Bool) throws -> RiskEngine {
        try RiskEngine(limits: limits, allowShort: allowShort, state: load().state)
    }
}
