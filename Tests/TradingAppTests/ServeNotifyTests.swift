import Foundation
import Testing
@testable import TradingApp

@Suite("serve: systemd notify")
struct ServeNotifyTests {
    @Test("messages reach the NOTIFY_SOCKET datagram socket; the watchdog interval is half of WATCHDOG_USEC")
    func notify() throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let systemd = try ServeFakeSystemd(directory: dir.url.path)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": systemd.path, "WATCHDOG_USEC": "4000000"])
        #expect(notifier.watchdogInterval == 2_000_000_000)
        #expect(notifier.send("READY=1\nSTATUS=trading"))
        #expect(systemd.receive() == "READY=1\nSTATUS=trading")
        #expect(notifier.send("WATCHDOG=1"))
        #expect(systemd.receive() == "WATCHDOG=1")
    }

    @Test("without NOTIFY_SOCKET nothing is sent and nothing fails")
    func harmlessWithoutSystemd() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(notifier.socketPath == nil)
        #expect(notifier.watchdogInterval == nil)
        #expect(notifier.send("READY=1") == false)
    }
}
