import ArgumentParser
import Foundation
import TradingCore

/// `graphwiz risk resume --reason "..."`: an operator sets the state back to ACTIVE (recorded with who and when).
struct RiskResume: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Resume trading after a halt (recorded with who, why and when).")

    @Option(help: "Why trading may resume (required, recorded).")
    var reason: String

    @Option(help: "Who resumes (default: $USER).")
    var by: String?

    @OptionGroup var options: RiskStoreOptions

    func run() async throws { try perform().emit() }

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--reason must say why trading may resume, got an empty text")
        }
    }

    func perform(now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) throws -> DataCommandOutput {
        try RiskStateChange.apply(.active, code: "operator_resume", reason: reason, by: by, store: options.store, now: now)
    }
}

/// `graphwiz risk halt --reason "..."`: the manual kill switch (HALTED until `risk resume`).
struct RiskHalt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "halt", abstract: "Halt trading now (nothing but cancels until `graphwiz risk resume`).")

    @Option(help: "Why trading is halted (required, recorded).")
    var reason: String

    @Option(help: "Who halts (default: $USER).")
    var by: String?

    @OptionGroup var options: RiskStoreOptions

    func run() async throws { try perform().emit() }

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--reason must say why trading is halted, got an empty text")
        }
    }

    func perform(now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) throws -> DataCommandOutput {
        try RiskStateChange.apply(.halted, code: "operator_halt", reason: reason, by: by, store: options.store, now: now)
    }
}

/// The shared body of `resume` and `halt`.
enum RiskStateChange {
    static func apply(_ state: TradingState, code: String, reason: String, by: String?, store: RiskStateStore,
                      now: Int64) throws -> DataCommandOutput {
        let current = try store.load().state
        guard current != state else { return DataCommandOutput(["Trading is already \(state.rawValue); nothing changed."]) }
        let who = by ?? ProcessInfo.processInfo.environment["USER"] ?? "operator"
        try store.set(state, code: code, reason: reason, by: who, time: now)
        return DataCommandOutput(["Trading state: \(current.rawValue) -> \(state.rawValue) by \(who): \(reason)"])
    }
}
