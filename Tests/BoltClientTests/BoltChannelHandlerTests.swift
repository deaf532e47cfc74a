@testable import BoltClient
import NIOCore
import NIOEmbedded
import Testing

/// The channel handler on an in-memory channel: real bytes in and out, no network.
@Suite struct BoltChannelHandlerTests {
    private struct Harness {
        let channel = EmbeddedChannel()
        let connected: EventLoopPromise<BoltConnectionInfo>

        init() throws {
            connected = channel.eventLoop.makePromise(of: BoltConnectionInfo.self)
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(BoltFrameDecoder()))
            try channel.pipeline.syncOperations.addHandler(BoltChannelHandler(
                configuration: .init(auth: .basic(user: "u", password: "p"), userAgent: "a/1",
                                     boltAgent: ["product": "a/1"]),
                connectPromise: connected, connectTimeout: .seconds(5)))
            try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7687)).wait()
        }

        func written() throws -> String {
            var all = ByteBuffer()
            while var buffer = try channel.readOutbound(as: ByteBuffer.self) { all.writeBuffer(&buffer) }
            return Hex.string(all)
        }

        func receive(_ hex: String) throws {
            try channel.writeInbound(ByteBuffer(bytes: Hex.bytes(hex)))
        }

        func authenticate() throws {
            _ = try written()
            try receive("00 00 07 05")
            _ = try written()
            try receive("00 03 B1 70 A0 00 00 00 03 B1 70 A0 00 00")
        }
    }

    @Test func handshakeHelloAndLogonBytesAreWrittenAndConnectCompletes() throws {
        let harness = try Harness()
        #expect(try harness.written() == "60 60 B0 17 00 07 07 05 00 00 04 04 00 00 00 00 00 00 00 00")
        try harness.receive("00 00 07 05")
        let hello = "B1 01 A2 8A 75 73 65 72 5F 61 67 65 6E 74 83 61 2F 31 8A 62 6F 6C 74 5F 61 67 65 6E 74 A1 87 70 72 6F 64 75 63 74 83 61 2F 31"
        let logon = "B1 6A A3 86 73 63 68 65 6D 65 85 62 61 73 69 63 89 70 72 69 6E 63 69 70 61 6C 81 75 8B 63 72 65 64 65 6E 74 69 61 6C 73 81 70"
        #expect(try harness.written() == "00 2A " + hello + " 00 00 00 2A " + logon + " 00 00")
        // HELLO SUCCESS {server: "S"}, then LOGON SUCCESS {}.
        try harness.receive("00 0C B1 70 A1 86 73 65 72 76 65 72 81 53 00 00 00 03 B1 70 A0 00 00")
        let info = try harness.connected.futureResult.wait()
        #expect(info.version == BoltVersion(5, 7))
        #expect(info.metadata == ["server": "S"])
    }

    @Test func exchangeIsFramedAndRepliesComeBackInOrder() throws {
        let harness = try Harness()
        try harness.authenticate()
        let replies = harness.channel.eventLoop.makePromise(of: [BoltReply].self)
        try harness.channel.writeOutbound(BoltExchange(requests: [.pull(n: -1, qid: -1)], promise: replies))
        #expect(try harness.written() == "00 06 B1 3F A1 81 6E FF 00 00")
        try harness.receive("00 04 B1 71 91 01 00 00 00 03 B1 70 A0 00 00")
        #expect(try replies.futureResult.wait() == [.success(metadata: [:], records: [[1]])])
    }

    @Test func failureTriggersAnAutomaticReset() throws {
        let harness = try Harness()
        try harness.authenticate()
        let replies = harness.channel.eventLoop.makePromise(of: [BoltReply].self)
        try harness.channel.writeOutbound(BoltExchange(requests: [.commit], promise: replies))
        _ = try harness.written()
        // FAILURE {code: "C", message: "M"}
        try harness.receive("00 14 B1 7F A2 84 63 6F 64 65 81 43 87 6D 65 73 73 61 67 65 81 4D 00 00")
        #expect(try replies.futureResult.wait() == [.failure(.server(code: "C", message: "M"))])
        #expect(try harness.written() == "00 02 B0 0F 00 00")
    }

    @Test func silentServerTimesOutTheConnect() throws {
        let harness = try Harness()
        _ = try harness.written()
        harness.channel.embeddedEventLoop.advanceTime(by: .seconds(6))
        #expect(throws: BoltError.timeout(operation: "Bolt handshake and authentication", seconds: 5)) {
            try harness.connected.futureResult.wait()
        }
        #expect(harness.channel.isActive == false)
    }

    @Test func closeEventSendsGoodbyeAndClosesTheChannel() throws {
        let harness = try Harness()
        try harness.authenticate()
        harness.channel.pipeline.triggerUserOutboundEvent(BoltCloseEvent(), promise: nil)
        #expect(try harness.written() == "00 02 B0 02 00 00")
        #expect(harness.channel.isActive == false)
    }
}
