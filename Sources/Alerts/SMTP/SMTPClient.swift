import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Runs one SMTP conversation over SwiftNIO: connects, performs the ``SMTPClientStateMachine``'s actions
/// (adding TLS in front of the reply decoder for STARTTLS), and closes.
struct SMTPClient: Sendable {
    var configuration: SMTPConfiguration
    var group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton

    /// Sends `data` (see ``SMTPMessage``) to every recipient.
    /// - Throws: ``AlertDeliveryError``: timeout, connection, TLS, or the server's unexpected reply with its code.
    func send(data: String, timeout: Duration) async throws(AlertDeliveryError) {
        let c = configuration
        guard !c.to.isEmpty, !c.from.isEmpty, !c.host.isEmpty else {
            throw AlertDeliveryError(channel: "email", kind: .configuration,
                                     message: "email needs host, from and at least one recipient in to", isRetryable: false)
        }
        let session = SMTPClientStateMachine.Session(heloName: c.heloName, security: c.security, username: c.username,
                                                     password: c.password, auth: c.auth, from: c.from, recipients: c.to, data: data)
        do {
            try await Self.withTimeout(timeout) { try await self.converse(session) }
        } catch let error as AlertDeliveryError {
            throw error
        } catch let failure as SMTPFailure {
            throw AlertDeliveryError(channel: "email", kind: .rejected,
                                     message: "SMTP server \(c.host):\(c.port) answered \(failure.code) '\(failure.text)' to \(failure.stage) (expected \(failure.expected))",
                                     isRetryable: failure.isTransient)
        } catch let error as SMTPProtocolError {
            throw AlertDeliveryError(channel: "email", kind: .protocolViolation,
                                     message: "SMTP server \(c.host):\(c.port) broke the protocol: expected \(error.message)", isRetryable: true)
        } catch {
            throw AlertDeliveryError(channel: "email", kind: .connection,
                                     message: "SMTP conversation with \(c.host):\(c.port) failed: \(error)", isRetryable: true)
        }
    }

    private func converse(_ session: SMTPClientStateMachine.Session) async throws {
        let c = configuration
        let sslContext = c.security == .none ? nil : try NIOSSLContext(configuration: c.tls)
        let sniHost = Self.isIPAddress(c.host) ? nil : c.host
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: c.host, port: c.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if c.security == .tls, let sslContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: sniHost))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var machine = SMTPClientStateMachine(session: session)
            for try await reply in inbound {
                var action = machine.receive(reply)
                if action == .startTLS, let sslContext {
                    let raw = channel.channel
                    try await raw.eventLoop.submit {
                        try raw.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: sniHost),
                                                                   position: .first)
                    }.get()
                    action = machine.tlsStarted()
                }
                switch action {
                case .send(let line): try await outbound.write(ByteBuffer(string: line + "\r\n"))
                case .sendData(let text): try await outbound.write(ByteBuffer(string: text))
                case .startTLS: throw SMTPProtocolError(message: "a TLS context for STARTTLS")
                case .finished: return
                case .fail(let failure): throw failure
                }
            }
            if !machine.messageAccepted {
                throw AlertDeliveryError(channel: "email", kind: .connection,
                                         message: "SMTP server \(c.host):\(c.port) closed the connection during \(machine.stage)",
                                         isRetryable: true)
            }
        }
    }

    /// Runs `body`, failing with a timeout error after `timeout`.
    static func withTimeout(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw AlertDeliveryError(channel: "email", kind: .timeout,
                                         message: "the SMTP conversation did not finish within \(timeout)", isRetryable: true)
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }
}
