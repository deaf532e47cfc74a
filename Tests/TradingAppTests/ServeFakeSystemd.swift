import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Plays systemd: a unix datagram socket at a temporary path whose messages a background reader drains at once, as
/// systemd does (an undrained socket holds only `net.unix.max_dgram_qlen`, often 10, datagrams).
final class ServeFakeSystemd: @unchecked Sendable {
    let path: String
    private let descriptor: Int32
    private let inbox = Inbox()
    private let reader: Thread

    init(directory: String) throws {
        path = directory + "/notify.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        descriptor = fd
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard fd >= 0, result == 0 else { throw CocoaError(.fileWriteUnknown) }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let inbox = self.inbox
        reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while !inbox.state.withLock({ $0.closed }) {
                let count = recv(fd, &buffer, buffer.count, 0)
                let error = errno
                inbox.state.withLock { state in
                    state.receives += 1
                    if count > 0 {
                        state.messages.append(String(decoding: buffer[..<count], as: UTF8.self))
                    } else if error != EAGAIN && error != EWOULDBLOCK && error != EINTR {
                        state.lastError = error
                    }
                }
            }
            // The reader owns the descriptor: closing it here, once nothing reads it, cannot close a number another
            // socket has been given meanwhile (a delayed close by number could).
            close(fd)
        }
        reader.start()
    }

    /// What the reader did so far, for failure messages: receive calls, the last error other than a timeout, and
    /// the socket path.
    var diagnostics: String {
        let reader = inbox.state.withLock { "\($0.receives) receives, last error \($0.lastError)" }
        return "\(reader), socket \(path), descriptor \(descriptor) bound to \(Self.boundPath(descriptor) ?? "nothing")"
    }

    /// The path the socket `fd` is bound to (nil when it is not a bound unix socket).
    static func boundPath(_ fd: Int32) -> String? {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0, address.sun_family == sa_family_t(AF_UNIX) else { return nil }
        return withUnsafeBytes(of: &address.sun_path) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// The next message, or nil after `seconds` without one.
    func receive(within seconds: Double = 5) async -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let next: String? = inbox.state.withLock { $0.messages.isEmpty ? nil : $0.messages.removeFirst() }
            if let next { return next }
            try? await Task.sleep(for: .milliseconds(10))
        } while Date() < deadline
        return nil
    }

    /// Messages until one contains `needle` or `seconds` pass.
    func waitFor(_ needle: String, seconds: Double) async -> [String] {
        var seen: [String] = []
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let message = await receive(within: max(0.05, deadline.timeIntervalSinceNow)) {
                seen.append(message)
                if message.contains(needle) { break }
            }
        }
        return seen
    }

    deinit {
        // The reader wakes within its 100 ms receive timeout, stops and closes the socket.
        inbox.state.withLock { $0.closed = true }
    }
}

/// Messages the reader collected, and whether the fake was closed.
private final class Inbox: Sendable {
    let state = Mutex<(messages: [String], closed: Bool, receives: Int, lastError: Int32)>(([], false, 0, 0))
}
