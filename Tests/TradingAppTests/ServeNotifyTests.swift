import Foundation
import Synchronization
import Testing
@testable import TradingApp

@Suite("serve: systemd notify")
struct ServeNotifyTests {
    @Test("messages reach the NOTIFY_SOCKET datagram socket; the watchdog interval is half of WATCHDOG_USEC")
    func notify() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let socket = try DatagramSocket(path: dir.url.path + "/notify.sock")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "4000000"])
        #expect(notifier.watchdogInterval == 2_000_000_000)
        #expect(notifier.send("READY=1\nSTATUS=trading"))
        #expect(await socket.receive() == "READY=1\nSTATUS=trading")
        #expect(notifier.send("WATCHDOG=1"))
        #expect(await socket.receive() == "WATCHDOG=1")
    }

    @Test("without NOTIFY_SOCKET nothing is sent and nothing fails")
    func harmlessWithoutSystemd() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(notifier.socketPath == nil)
        #expect(notifier.watchdogInterval == nil)
        #expect(notifier.send("READY=1") == false)
    }

    @Test("a stalled systemd (queue full) makes send return false instead of blocking")
    func stalledReceiverNeverBlocks() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let path = dir.url.path + "/stalled.sock"
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        // Nobody reads: past the kernel's datagram queue limit a blocking send would hang this thread for good.
        let results = Mutex<[Bool]>([])
        let done = Mutex(false)
        Thread {
            for _ in 0..<200 { let sent = notifier.send("WATCHDOG=1"); results.withLock { $0.append(sent) } }
            done.withLock { $0 = true }
        }.start()
        let deadline = ContinuousClock.now + .seconds(10)
        while !done.withLock({ $0 }) && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(done.withLock { $0 }, "send blocked on a full queue")
        let sent = results.withLock { $0 }
        #expect(sent.count == 200)
        #expect(sent.first == true)
        #expect(sent.last == false)
    }
}

/// A bound unix datagram socket read by the test itself (non-blocking reads polled with `Task.sleep`).
private final class DatagramSocket {
    let path: String
    private let descriptor: Int32

    init(path: String) throws {
        self.path = path
        descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let fd = descriptor
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard descriptor >= 0, bound == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The next datagram, or nil after `seconds` without one.
    func receive(within seconds: Double = 10) async -> String? {
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1_000))
        repeat {
            let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 { return String(decoding: buffer[..<count], as: UTF8.self) }
            try? await Task.sleep(for: .milliseconds(10))
        } while ContinuousClock.now < deadline
        return nil
    }

    deinit { close(descriptor) }
}
