@testable import BoltClient
import NIOCore
import Testing

@Suite struct BoltFramingTests {
    @Test func messageIsOneChunkThenEndMarker() {
        var out = ByteBuffer()
        BoltChunker.frame(ByteBuffer(bytes: [0xB0, 0x02]), into: &out)
        #expect(Hex.string(out) == "00 02 B0 02 00 00")
    }

    @Test func largeMessageIsSplitIntoMaxSizeChunks() {
        var out = ByteBuffer()
        BoltChunker.frame(ByteBuffer(bytes: [1, 2, 3, 4, 5]), into: &out, maxChunkSize: 2)
        #expect(Hex.string(out) == "00 02 01 02 00 02 03 04 00 01 05 00 00")
    }

    @Test func defaultChunkSizeIs65535() {
        var out = ByteBuffer()
        BoltChunker.frame(ByteBuffer(repeating: 0xAA, count: 70_000), into: &out)
        #expect(out.getInteger(at: 0, as: UInt16.self) == 65_535)
        #expect(out.getInteger(at: 2 + 65_535, as: UInt16.self) == 4_465)
        #expect(out.readableBytes == 2 + 65_535 + 2 + 4_465 + 2)
    }

    private func decodeAll(_ hex: String, split: Int? = nil) throws -> [BoltInbound] {
        var decoder = BoltFrameDecoder()
        var output: [BoltInbound] = []
        let bytes = Hex.bytes(hex)
        var buffer = ByteBuffer()
        for piece in stride(from: 0, to: bytes.count, by: split ?? bytes.count) {
            buffer.writeBytes(bytes[piece..<min(piece + (split ?? bytes.count), bytes.count)])
            while let item = try decoder.decode(buffer: &buffer) { output.append(item) }
        }
        return output
    }

    @Test func decoderYieldsHandshakeThenMessages() throws {
        let output = try decodeAll("00 00 07 05  00 03 B1 70 A0 00 00  00 02 B0 7E 00 00")
        #expect(output == [.handshake(0x0000_0705), .message(ByteBuffer(bytes: [0xB1, 0x70, 0xA0])),
                           .message(ByteBuffer(bytes: [0xB0, 0x7E]))])
    }

    @Test func decoderReassemblesChunksAndSkipsNoops() throws {
        let output = try decodeAll("00 00 07 05  00 00  00 02 B1 71 00 02 91 01 00 00  00 00")
        #expect(output == [.handshake(0x0000_0705), .message(ByteBuffer(bytes: [0xB1, 0x71, 0x91, 0x01]))])
    }

    @Test func decoderWaitsForBytesSplitAnywhere() throws {
        let output = try decodeAll("00 00 04 04  00 02 B1 71 00 02 91 01 00 00  00 02 B0 7E 00 00", split: 1)
        #expect(output == [.handshake(0x0000_0404), .message(ByteBuffer(bytes: [0xB1, 0x71, 0x91, 0x01])),
                           .message(ByteBuffer(bytes: [0xB0, 0x7E]))])
    }
}
