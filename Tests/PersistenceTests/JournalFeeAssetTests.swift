import Foundation
import SQLKit
import Testing
import TradingCore
import TradingModel
@testable import Persistence

/// Migration 11: journaled fills keep the asset their fee was charged in, and fills journaled before it read
/// back as quote-currency fees.
@Suite("journal fee assets")
struct JournalFeeAssetTests {
    static func feeColumns(_ store: SQLStore, trade: String) async throws -> (String, String)? {
        try await store.withDatabase { db in
            guard let row = try await db.select().columns("fee_asset", "fee_amount").from("journal_fills")
                .where("trade_id", .equal, SQLBind(trade)).first() else { return nil }
            return (try row.decode(column: "fee_asset", as: String.self), try row.decode(column: "fee_amount", as: String.self))
        }
    }

    @Test("a BNB fee and a base-asset fee are journaled with their asset and amount and read back exactly")
    func feeAssetsRoundTrip() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try await SQLStore.withStore(path: dir.path("j.sqlite")) { store in
            let journal = OrderJournalStore(store: store)
            try await journal.recordIntent(OrderJournalStoreTests.request("a", quantity: "2"), strategy: "s", session: "p", time: 1_000)
            let inBase = Fill(tradeId: "t1", clientOrderId: "a", venueOrderId: "v1", symbol: "BTC/USDT", side: .buy,
                              price: Fixed("99.5")!, quantity: Fixed(1), feeAmount: Fixed("0.001")!, feeAsset: "BTC",
                              liquidity: .taker, time: 2_000)
            let inBNB = Fill(tradeId: "t2", clientOrderId: "a", venueOrderId: "v1", symbol: "BTC/USDT", side: .buy,
                             price: Fixed("99.5")!, quantity: Fixed(1), feeAmount: Fixed("0.00025")!, feeAsset: "BNB",
                             liquidity: .taker, time: 2_001)
            try await journal.record(.filled(inBase))
            try await journal.record(.filled(inBNB))
            let order = try #require(try await journal.order(clientOrderId: "a"))
            #expect(order.fills == [inBase, inBNB])
            #expect(try await Self.feeColumns(store, trade: "t1")! == ("BTC", "0.001"))
            #expect(try await Self.feeColumns(store, trade: "t2")! == ("BNB", "0.00025"))
        }
    }

    @Test("a journal written before migration 11 upgrades in place; its fills read back as quote fees")
    func upgradeKeepsOldFills() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("old.sqlite")
        let before = SchemaMigration.builtIn.filter { $0.version < 11 }
        try await SQLStore.withStore(path: path, migrations: before) { store in
            let journal = OrderJournalStore(store: store)
            try await journal.recordIntent(OrderJournalStoreTests.request("a"), strategy: "s", session: "p", time: 1_000)
            // A fill row as the journal wrote it before fee assets existed.
            let legacy = #"{"clientOrderId":"a","fee":"0.01","liquidity":"maker","price":"99.5","quantity":"1","side":"buy","symbol":"BTC/USDT","time":2000,"tradeId":"t1","venueOrderId":"v1"}"#
            try await store.withDatabase { db in
                try await db.insert(into: "journal_fills").columns("client_order_id", "trade_id", "time", "fill_json")
                    .values(SQLBind("a"), SQLBind("t1"), SQLBind(Int64(2_000)), SQLBind(legacy)).run()
            }
        }
        try await SQLStore.withStore(path: path) { store in
            #expect(try await store.appliedMigrations() == [1, 2, 3, 10, 11])
            let fill = try #require(try await OrderJournalStore(store: store).order(clientOrderId: "a")?.fills.first)
            #expect(fill.feeAsset == "USDT" && fill.feeAmount == Fixed("0.01")! && fill.fee == Fixed("0.01")!)
            #expect(try await Self.feeColumns(store, trade: "t1")! == ("", ""))
        }
    }
}
