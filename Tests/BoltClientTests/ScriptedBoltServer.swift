@testable import BoltClient
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A minimal scripted Bolt 5.7 server on 127.0.0.1 for client tests that need a socket but not a
/// database: it honours PULL `n` (which FalkorDB ignores), logs every request, and can fail COMMITs
/// with a transient error to exercise managed-transaction retries.
///
/// Any RUN yields one column `i` with the values 1...`rows`; the query `FAIL` fails with a syntax error.
final class ScriptedBoltServer: Sendable {
    let port: Int
    /// Requests in arrival order, e.g. `RUN RETURN 1`, `PULL 10`, `DISCARD -1`, `COMMIT`.
    let log = NIOLockedValueBox<[String]>([])
    /// COMMITs still to fail with `Neo.TransientError.Transaction.DeadlockDetected`.
    let commitFailures: NIOLockedValueBox<Int>
    private let channel: NIOLockedValueBox<(any Channel)?>

    private init(port: Int, commitFailures: Int) {
        self.port = port
        self.commitFailures = NIOLockedValueBox(commitFailures)
        self.channel = NIOLockedValueBox(nil)
    }

    static func start(rows: Int64 = 25, commitFailures: Int = 0) async throws -> ScriptedBoltServer {
        let box = NIOLockedValueBox<ScriptedBoltServer?>(nil)
        let serverChannel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    guard let server = box.withLockedValue({ $0 }) else { return }
                    try child.pipeline.syncOperations.addHandler(ScriptedBoltHandler(server: server, rows: rows))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = ScriptedBoltServer(port: serverChannel.localAddress!.port!, commitFailures: commitFailures)
        server.channel.withLockedValue { $0 = serverChannel }
        box.withLockedValue { $0 = server }
        return server
    }

    func configuration(fetchSize: Int64 = 1000) -> BoltConfiguration {
        BoltConfiguration(host: "127.0.0.1", port: port, auth: .basic(user: "u", password: "p"),
                          connectTimeout: .seconds(5), fetchSize: fetchSize)
    }

    func stop() async {
        try? await channel.withLockedValue { $0 }?.close()
    }
}

/// One server-side connection of ``ScriptedBoltServer``; lives on its channel's event loop.
private final class ScriptedBoltHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let server: ScriptedBoltServer
    private let rows: Int64
    private var buffer = ByteBuffer()
    private var handshakeDone = false
    private var message = ByteBuffer()
    private var remaining: Int64 = 0
    private var failed = false
    private var inTransaction = false

    init(server: ScriptedBoltServer, rows: Int64) {
        self.server = server
        self.rows = rows
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        buffer.writeBuffer(&incoming)
        if !handshakeDone {
            guard buffer.readableBytes >= 20 else { return }
            buffer.moveReaderIndex(forwardBy: 20)
            handshakeDone = true
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: [0, 0, 7, 5])), promise: nil)
        }
        while let size = buffer.getInteger(at: buffer.readerIndex, as: UInt16.self),
              buffer.readableBytes >= 2 + Int(size) {
            buffer.moveReaderIndex(forwardBy: 2)
            if size == 0 {
                var body = message
                message = ByteBuffer()
                handle(&body, context: context)
            } else {
                var chunk = buffer.readSlice(length: Int(size))!
                message.writeBuffer(&chunk)
            }
        }
    }

    private func handle(_ body: inout ByteBuffer, context: ChannelHandlerContext) {
        let decoder = PackStreamDecoder()
        guard let (count, signature) = try? decoder.readStructureHeader(from: &body, base: body.readerIndex) else { return }
        var fields: [BoltValue] = []
        for _ in 0..<count { fields.append((try? decoder.decode(from: &body)) ?? .null) }
        let n = fields.first?["n"]?.intValue ?? 0
        let entry: String
        switch signature {
        case 0x10: entry = "RUN \(fields[0].stringValue ?? "")"
        case 0x3F: entry = "PULL \(n)"
        case 0x2F: entry = "DISCARD \(n)"
        default: entry = Self.names[signature] ?? "0x\(String(signature, radix: 16))"
        }
        server.log.withLockedValue { $0.append(entry) }
        if signature == 0x02 {
            context.close(promise: nil)
            return
        }
        if signature == 0x0F {
            failed = false
            inTransaction = false
            remaining = 0
            send(.success([:]), context: context)
            return
        }
        if failed {
            send(.ignored, context: context)
            return
        }
        switch signature {
        case 0x01: send(.success(["server": "Scripted/1.0", "connection_id": "c1"]), context: context)
        case 0x6A: send(.success([:]), context: context)
        case 0x10:
            if fields[0] == "FAIL" {
                failed = true
                send(.failure(["code": "Neo.ClientError.Statement.SyntaxError", "message": "Invalid input 'FAIL'"]),
                     context: context)
            } else {
                remaining = rows
                send(.success(["fields": ["i"], "t_first": 0]), context: context)
            }
        case 0x3F:
            let count = n < 0 ? remaining : min(n, remaining)
            for index in 0..<count { send(.record([.int(rows - remaining + index + 1)]), context: context) }
            remaining -= count
            var metadata: [String: BoltValue] = ["has_more": .bool(remaining > 0)]
            if remaining == 0 && !inTransaction { metadata = ["bookmark": "bm-auto"] }
            send(.success(metadata), context: context)
        case 0x2F:
            remaining = 0
            send(.success([:]), context: context)
        case 0x11:
            inTransaction = true
            send(.success([:]), context: context)
        case 0x12:
            inTransaction = false
            let fail = server.commitFailures.withLockedValue { left -> Bool in
                guard left > 0 else { return false }
                left -= 1
                return true
            }
            if fail {
                failed = true
                send(.failure(["code": "Neo.TransientError.Transaction.DeadlockDetected", "message": "deadlock"]),
                     context: context)
            } else {
                send(.success(["bookmark": "bm-commit"]), context: context)
            }
        case 0x13:
            inTransaction = false
            send(.success([:]), context: context)
        default:
            send(.failure(["code": "Neo.ClientError.Request.Invalid", "message": "unsupported"]), context: context)
        }
    }

    private static let names: [UInt8: String] = [0x01: "HELLO", 0x0F: "RESET", 0x11: "BEGIN", 0x12: "COMMIT", 0x13: "ROLLBACK",
                                                 0x6A: "LOGON", 0x02: "GOODBYE"]

    private func send(_ response: BoltResponse, context: ChannelHandlerContext) {
        var body = ByteBuffer()
        let encoder = PackStreamEncoder()
        switch response {
        case .success(let metadata):
            body.writeBytes([0xB1, 0x70])
            try? encoder.encode(.map(metadata), into: &body)
        case .record(let values):
            body.writeBytes([0xB1, 0x71])
            try? encoder.encode(.list(values), into: &body)
        case .ignored:
            body.writeBytes([0xB0, 0x7E])
        case .failure(let metadata):
            body.writeBytes([0xB1, 0x7F])
            try? encoder.encode(.map(metadata), into: &body)
        }
        var out = ByteBuffer()
        BoltChunker.frame(body, into: &out)
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }
}
