import ArgumentParser
import Foundation
import Persistence
import Testing
import TradingCore
import TradingModel
@testable import TradingApp

@Suite("graphwiz trade")
struct TradeCommandTests {
    @Test("paper trading on the sim venue prints the reconciliation report, trades, journals and stores a paper run")
    func paperSim() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let command = try DataTestDirectory.parse(
            ["trade", "--mode", "paper", "--exchange", "sim", "--symbol", "BTC/USDT", "--strategy", "sma_cross",
             "--param", "fast=5", "--param", "slow=20", "--bars", "500", "--db", db], as: TradeCommand.self)
        var announced: [String] = []
        let lines = try await command.perform { announced.append($0) }
        #expect(announced == ["reconciliation with sim: 0 unfinished journal order(s) checked, journal and venue agree"
            + "\n  balances: USDT 10000"])
        #expect(lines[0] == "session paper-sim-sma_cross-BTCUSDT on sim: sma_cross fast=5 slow=20")
        #expect(lines[1].hasPrefix("bars 500 · fills "))
        #expect(lines.last?.hasPrefix("paper run stored as pp-") == true)
        try await SQLStore.withStore(path: db) { store in
            let runs = try await RunStore(store: store).list()
            #expect(runs.map(\.kind) == [.paper])
            let journal = OrderJournalStore(store: store)
            let orders = try await journal.orders(in: nil, session: "paper-sim-sma_cross-BTCUSDT")
            #expect(orders.count > 4)
            #expect(orders.filter { $0.state == .filled }.count >= orders.count - 1)
            #expect(try await journal.unfinishedOrders().isEmpty)
        }
    }

    @Test("a second run on the same journal reconciles the first run's leftovers before trading")
    func restartReconciles() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        try await SQLStore.withStore(path: db) { store in
            let request = OrderRequest(clientOrderId: "old-1", symbol: "BTC/USDT", side: .buy, type: .limit,
                                       quantity: Fixed(1), limitPrice: Fixed(10))
            try await OrderJournalStore(store: store).recordIntent(
                request, strategy: "sma_cross", session: "paper-sim-sma_cross-BTCUSDT", time: 1)
        }
        let command = try DataTestDirectory.parse(
            ["trade", "--exchange", "sim", "--bars", "100", "--db", db], as: TradeCommand.self)
        var announced: [String] = []
        _ = try await command.perform { announced.append($0) }
        #expect(announced.first?.contains("intents that never reached the venue, marked failed (1): old-1") == true)
        try await SQLStore.withStore(path: db) { store in
            let old = try await OrderJournalStore(store: store).order(clientOrderId: "old-1")
            #expect(old?.state == .failed)
        }
    }

    @Test("live mode refuses without API keys and names the missing variables")
    func liveNeedsKeys() async throws {
        let command = try DataTestDirectory.parse(["trade", "--mode", "live", "--exchange", "binance"], as: TradeCommand.self)
        await #expect {
            _ = try await command.perform(environment: [:]) { _ in }
        } throws: { error in
            (error as? ValidationError)?.message == "live trading on binance needs API keys: set BINANCE_API_KEY and "
                + "BINANCE_API_SECRET in the environment (or exchanges.binance in --config); nothing was sent"
        }
    }

    @Test("live mode asks for confirmation and stops unless the answer is yes")
    func liveNeedsConfirmation() async throws {
        let command = try DataTestDirectory.parse(["trade", "--mode", "live", "--exchange", "kraken"], as: TradeCommand.self)
        var asked: [String] = []
        await #expect {
            _ = try await command.perform(environment: ["KRAKEN_API_KEY": "k", "KRAKEN_API_SECRET": "s"],
                                          confirm: { "no" }) { asked.append($0) }
        } throws: { error in
            (error as? ValidationError)?.message
                == "live trading not confirmed; nothing was sent (pass --yes to skip the question)"
        }
        #expect(asked.count == 1)
        #expect(asked.first?.hasPrefix("LIVE trading on kraken") == true)
        #expect(asked.first?.contains("KRAKEN_API") == false)
    }

    @Test("live mode asks the promotion gate after confirmation and refuses a strategy on paper")
    func liveAsksTheGate() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let command = try DataTestDirectory.parse(["trade", "--mode", "live", "--exchange", "binance", "--strategy", "sma_cross",
                                                   "--base-url", "http://127.0.0.1:9", "--yes", "--db", dir.path("g.sqlite")],
                                                  as: TradeCommand.self)
        await #expect {
            _ = try await command.perform(environment: ["BINANCE_API_KEY": "k", "BINANCE_API_SECRET": "s"]) { _ in }
        } throws: { error in
            (error as? ValidationError)?.message.hasPrefix("promotion gate refused live trading: sma_cross is on paper") == true
        }
    }
}
