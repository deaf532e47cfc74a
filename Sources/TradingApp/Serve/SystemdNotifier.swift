#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// sd_notify without libsystemd: one datagram per message to the unix socket named by `NOTIFY_SOCKET`
/// (a leading `@` means the abstract namespace). Without the variable every call does nothing.
public struct SystemdNotifier: Sendable {
    /// The socket path, nil when not run by systemd.
    public let socketPath: String?
    /// Half of `WATCHDOG_USEC`, in nanoseconds, when systemd wants keep-alives.
    public let watchdogInterval: UInt64?

    /// Reads `NOTIFY_SOCKET` and `WATCHDOG_USEC` from `environment`.
    public init(environment: [String: String]) {
        let path = environment["NOTIFY_SOCKET"] ?? ""
        socketPath = path.isEmpty ? nil : path
        if let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 {
            watchdogInterval = usec * 1_000 / 2
        } else {
            watchdogInterval = nil
        }
    }

    /// Sends `message` (e.g. `READY=1`, `STATUS=...`); returns whether it was sent. Never blocks: when the
    /// receiver's queue is full (a stalled systemd; `net.unix.max_dgram_qlen` is often 10) the message is dropped
    /// and false returned, so a notify can never hold a thread of the concurrency pool or stall a shutdown.
    @discardableResult
    public func send(_ message: String) -> Bool {
        guard let socketPath else { return false }
        #if canImport(Glibc)
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        #else
        let descriptor = socket(AF_UNIX, SOCK_DGRAM, 0)
        #endif
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(socketPath.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (bytes.first == 0 ? 0 : 1))
        let payload = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                payload.withUnsafeBytes { sendto(descriptor, $0.baseAddress, payload.count, Int32(MSG_DONTWAIT), socketAddress, length) }
            }
        }
        return sent == payload.count
    }
}
