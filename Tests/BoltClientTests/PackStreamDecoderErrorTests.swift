@testable import BoltClient
import NIOCore
import Testing

@Suite struct PackStreamDecoderErrorTests {
    private func error(_ hex: String) -> PackStreamError? {
        do {
            _ = try Hex.decode(hex)
            return nil
        } catch let error as PackStreamError {
            return error
        } catch {
            return nil
        }
    }

    @Test func unknownMarkerNamesTheByteAndOffset() {
        let failure = error("92 01 C4")
        #expect(failure?.kind == .unknownMarker)
        #expect(failure?.offset == 2)
        #expect(failure?.description == "PackStream: unknown marker 0xC4, expected a PackStream marker (at byte offset 2)")
    }

    @Test func truncatedInputIsReported() {
        #expect(error("C9 01")?.kind == .truncated)
        #expect(error("83 61 62")?.kind == .truncated)
        #expect(error("92 01")?.kind == .truncated)
    }

    @Test func nonStringMapKeyIsRejected() {
        let failure = error("A1 01 02")
        #expect(failure?.kind == .wrongType)
        #expect(failure?.offset == 1)
    }

    @Test func invalidUTF8IsRejected() {
        #expect(error("82 C3 28")?.kind == .invalidUTF8)
    }

    @Test func unknownStructureTagIsRejected() {
        let failure = error("B1 7A 01")
        #expect(failure?.kind == .unknownStructure)
        #expect(failure?.detail.contains("0x7A") == true)
    }

    @Test func wrongFieldCountNamesTheStructure() {
        let failure = error("B2 44 01 02")
        #expect(failure?.kind == .wrongFieldCount)
        #expect(failure?.detail == "Date has 2 fields, expected 1")
    }

    @Test func wrongFieldTypeNamesTheField() {
        let failure = error("B1 44 81 41")
        #expect(failure?.kind == .wrongType)
        #expect(failure?.detail == "structure 0x44 field 0 'days' is string(\"A\"), expected an Integer")
    }

    @Test func nestingBeyondTheLimitIsRejected() throws {
        var deep = ByteBuffer(bytes: Array(repeating: 0x91, count: 10) + [0x01])
        #expect(throws: PackStreamError.self) { try PackStreamDecoder(maxDepth: 5).decode(from: &deep) }
        var shallow = ByteBuffer(bytes: Array(repeating: 0x91, count: 5) + [0x01])
        let value = try PackStreamDecoder(maxDepth: 5).decode(from: &shallow)
        #expect(value == [[[[[1]]]]])
    }

    @Test func structureWithMoreThanFifteenFieldsCannotBeEncoded() {
        var buffer = ByteBuffer()
        #expect(throws: PackStreamError.self) {
            try PackStreamEncoder.writeStructureHeader(tag: 0x01, fieldCount: 16, into: &buffer)
        }
    }
}
