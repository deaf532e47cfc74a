import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP server on 127.0.0.1 that speaks the protocol: EHLO with capabilities, STARTTLS (real TLS with
/// the test certificate), AUTH PLAIN and LOGIN checking credentials, MAIL FROM / RCPT TO with scripted
/// replies, DATA up to the lone dot, QUIT. It records every command line and every message.
final class FakeSMTPServer: Sendable {
    struct Options: Sendable {
        var offerStartTLS = false
        var authMechanisms = ["PLAIN", "LOGIN"]
        var username = "alerts"
        var password = "s3cret"
        /// Replies to MAIL FROM in order over all connections; then `250 2.1.0 OK`.
        var mailFromReplies: [String] = []
        /// Reply to every RCPT TO; default `250 2.1.5 OK`.
        var rcptReply = "250 2.1.5 OK"
        /// Whether the server sends its 220 greeting (false: accept and stay silent).
        var greets = true
        /// TLS from the first byte (port 465 style).
        var implicitTLS = false
    }

    struct Record: Sendable {
        var commands: [String] = []
        var messages: [String] = []
        var tlsUpgrades = 0
        var connections = 0
        var mailFromReplies: [String] = []
    }

    let record: NIOLockedValueBox<Record>
    private let channel: any Channel

    var port: Int { channel.localAddress?.port ?? 0 }
    var commands: [String] { record.withLockedValue { $0.commands } }
    var messages: [String] { record.withLockedValue { $0.messages } }
    var tlsUpgrades: Int { record.withLockedValue { $0.tlsUpgrades } }

    private init(channel: any Channel, record: NIOLockedValueBox<Record>) {
        self.channel = channel
        self.record = record
    }

    static func start(_ options: Options = Options()) async throws -> FakeSMTPServer {
        let record = NIOLockedValueBox(Record(mailFromReplies: options.mailFromReplies))
        let tls = try NIOSSLContext(configuration: .makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(SMTPTestCertificate.certificatePEM.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(SMTPTestCertificate.privateKeyPEM.utf8), format: .pem))))
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    if options.implicitTLS {
                        try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try child.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    try child.pipeline.syncOperations.addHandler(Handler(options: options, record: record, tls: tls))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return FakeSMTPServer(channel: channel, record: record)
    }

    func stop() async { try? await channel.close() }

    /// Runs `body` with a started server and stops it afterwards.
    static func with(_ options: Options = Options(), _ body: (FakeSMTPServer) async throws -> Void) async throws {
        let server = try await start(options)
        do { try await body(server) } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Splits the byte stream into lines without their CRLF.
    struct LineDecoder: ByteToMessageDecoder {
        typealias InboundOut = String
        mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
            guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else { return .needMoreData }
            var line = buffer.readString(length: newline - buffer.readerIndex) ?? ""
            buffer.moveReaderIndex(forwardBy: 1)
            if line.hasSuffix("\r") { line.removeLast() }
            context.fireChannelRead(wrapInboundOut(line))
            return .continue
        }
    }

    /// One connection's conversation.
    final class Handler: ChannelInboundHandler {
        typealias InboundIn = String
        typealias OutboundOut = ByteBuffer

        private enum Mode { case command, data, loginUser, loginPassword }
        private let options: Options
        private let record: NIOLockedValueBox<Record>
        private let tls: NIOSSLContext
        private var mode = Mode.command
        private var tlsActive = false
        private var dataLines: [String] = []
        private var loginUser = ""

        init(options: Options, record: NIOLockedValueBox<Record>, tls: NIOSSLContext) {
            self.options = options
            self.record = record
            self.tls = tls
        }

        func channelActive(context: ChannelHandlerContext) {
            record.withLockedValue { $0.connections += 1 }
            if options.greets { reply(context, "220 fake.smtp ESMTP ready") }
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let line = unwrapInboundIn(data)
            switch mode {
            case .data:
                if line == "." {
                    let message = dataLines.joined(separator: "\r\n")
                    record.withLockedValue { $0.messages.append(message) }
                    dataLines = []
                    mode = .command
                    reply(context, "250 2.0.0 queued as 1")
                } else {
                    dataLines.append(line)
                }
                return
            case .loginUser:
                record.withLockedValue { $0.commands.append(line) }
                loginUser = decode(line)
                mode = .loginPassword
                reply(context, "334 UGFzc3dvcmQ6")
                return
            case .loginPassword:
                record.withLockedValue { $0.commands.append(line) }
                mode = .command
                let ok = loginUser == options.username && decode(line) == options.password
                reply(context, ok ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid")
                return
            case .command:
                break
            }
            record.withLockedValue { $0.commands.append(line) }
            let upper = line.uppercased()
            if upper.hasPrefix("EHLO ") {
                var lines = ["fake.smtp greets \(line.dropFirst(5))"]
                if options.offerStartTLS && !tlsActive { lines.append("STARTTLS") }
                if !options.authMechanisms.isEmpty { lines.append("AUTH " + options.authMechanisms.joined(separator: " ")) }
                lines.append("8BITMIME")
                let text = lines.enumerated().map { i, l in "250\(i == lines.count - 1 ? " " : "-")\(l)" }.joined(separator: "\r\n")
                reply(context, text)
            } else if upper == "STARTTLS" {
                reply(context, "220 2.0.0 Ready to start TLS")
                tlsActive = true
                record.withLockedValue { $0.tlsUpgrades += 1 }
                try? context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
            } else if upper.hasPrefix("AUTH PLAIN ") {
                let ok = decode(String(line.dropFirst(11))) == "\0\(options.username)\0\(options.password)"
                reply(context, ok ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid")
            } else if upper == "AUTH LOGIN" {
                mode = .loginUser
                reply(context, "334 VXNlcm5hbWU6")
            } else if upper.hasPrefix("MAIL FROM:") {
                let scripted = record.withLockedValue { $0.mailFromReplies.isEmpty ? nil : $0.mailFromReplies.removeFirst() }
                reply(context, scripted ?? "250 2.1.0 OK")
            } else if upper.hasPrefix("RCPT TO:") {
                reply(context, options.rcptReply)
            } else if upper == "DATA" {
                mode = .data
                reply(context, "354 End data with <CR><LF>.<CR><LF>")
            } else if upper == "QUIT" {
                let channel = context.channel
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "221 2.0.0 Bye\r\n"))).whenComplete { _ in
                    channel.close(promise: nil)
                }
            } else {
                reply(context, "502 5.5.2 Command not recognized")
            }
        }

        private func reply(_ context: ChannelHandlerContext, _ text: String) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
        }

        private func decode(_ base64: String) -> String {
            Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) } ?? "<not base64>"
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
    }
}
