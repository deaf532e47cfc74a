import Foundation
import Persistence
import Synchronization
import Testing
import TradingCore

@Suite("serve: lifecycle of the spawned service", .serialized)
struct ServeProcessTests {
    static func config(fast: Int, maxDrawdown: Double = 0.15) -> String {
        """
        risk:
          max_drawdown: \(maxDrawdown)
        trading:
          mode: simulation
          symbols: [BTC/USDT]
          timeframe: 1h
          strategies:
            - name: sma_cross
              params: {fast: \(fast), slow: 30}
              sizing: fraction:0.1
        """
    }

    @Test("SIGTERM: READY then STOPPING over NOTIFY_SOCKET, orders settled, journal flushed, run stored, exit 0")
    func sigterm() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let systemd = try ServeFakeSystemd(directory: dir.url.path)
        let db = dir.path("serve.sqlite")
        let config = try dir.write("graphwiz.yaml", Self.config(fast: 10))
        let serve = try GraphwizProcess("serve", arguments: ["--config", config, "--db", db, "--bars", "3000", "--speed", "500",
                                                "--http-port", "0", "--metrics-port", "0"],
                                     environment: ["NOTIFY_SOCKET": systemd.path, "WATCHDOG_USEC": "400000"])
        let ready = await systemd.waitFor("READY=1", seconds: 60)
        #expect(ready.last?.hasPrefix("READY=1") == true, "log: \(serve.log)")
        let watchdog = await systemd.waitFor("WATCHDOG=1", seconds: 5)
        #expect(watchdog.last == "WATCHDOG=1")
        try await Task.sleep(nanoseconds: 1_000_000_000)
        serve.signal(SIGTERM)
        let status = await serve.waitForExit(seconds: 60)
        #expect(status == 0, "log: \(serve.log)")
        #expect(await systemd.waitFor("STOPPING=1", seconds: 2).contains { $0.hasPrefix("STOPPING=1") })
        #expect(serve.log.contains("session stopped, journal flushed"))
        try await SQLStore.withStore(path: db) { store in
            let journal = OrderJournalStore(store: store)
            let orders = try await journal.orders(in: nil, session: nil)
            let unfinished = try await journal.unfinishedOrders()
            let runs = try await RunStore(store: store).list()
            #expect(orders.count > 0)
            #expect(unfinished.isEmpty, "unfinished: \(unfinished.map(\.clientOrderId)); log: \(serve.log)")
            #expect(runs.map(\.kind) == [.paper])
        }
    }

    @Test("SIGHUP: an invalid config is rejected and the old one kept; a valid one changes parameters and risk limits")
    func sighup() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("serve.sqlite")
        let config = try dir.write("graphwiz.yaml", Self.config(fast: 10))
        let serve = try GraphwizProcess("serve", arguments: ["--config", config, "--db", db, "--bars", "3000", "--speed", "100",
                                                "--http-port", "0", "--metrics-port", "0"],
                                     environment: [:])
        #expect(await serve.waitForLog("session started", seconds: 60), "log: \(serve.log)")
        _ = try dir.write("graphwiz.yaml", "trading:\n  timeframe: [\n")
        serve.signal(SIGHUP)
        #expect(await serve.waitForLog("config reload rejected, keeping the previous configuration", seconds: 10),
                "log: \(serve.log)")
        _ = try dir.write("graphwiz.yaml", Self.config(fast: 10, maxDrawdown: 1.5))
        serve.signal(SIGHUP)
        #expect(await serve.waitForLog("risk.max_drawdown", seconds: 10), "log: \(serve.log)")
        #expect(!serve.log.contains("risk limits changed"))
        _ = try dir.write("graphwiz.yaml", Self.config(fast: 12, maxDrawdown: 0.08))
        serve.signal(SIGHUP)
        #expect(await serve.waitForLog("parameters now fast=12 slow=30", seconds: 10), "log: \(serve.log)")
        #expect(await serve.waitForLog("risk limits changed: max_drawdown", seconds: 10), "log: \(serve.log)")
        serve.signal(SIGTERM)
        #expect(await serve.waitForExit(seconds: 40) == 0, "log: \(serve.log)")
    }
}
