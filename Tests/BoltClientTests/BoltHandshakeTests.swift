@testable import BoltClient
import NIOCore
import Testing

@Suite struct BoltHandshakeTests {
    @Test func requestIsMagicThenRangeProposals() {
        #expect(Hex.string(BoltHandshake.request()) == "60 60 B0 17 00 07 07 05 00 00 04 04 00 00 00 00 00 00 00 00")
    }

    @Test(arguments: [(UInt32(0x0000_0705), BoltVersion(5, 7)), (UInt32(0x0000_0005), BoltVersion(5, 0)),
                      (UInt32(0x0000_0405), BoltVersion(5, 4)), (UInt32(0x0000_0404), BoltVersion(4, 4))])
    func acceptedRepliesGiveTheVersion(reply: UInt32, version: BoltVersion) throws {
        #expect(try BoltHandshake.parseReply(reply) == version)
    }

    @Test func zeroReplyMeansNoSharedVersion() {
        #expect(throws: BoltError.handshakeFailed("server supports none of the proposed versions 5.7-5.0, 4.4")) {
            try BoltHandshake.parseReply(0)
        }
    }

    @Test func versionsNotProposedAreRejected() {
        #expect(throws: BoltError.self) { try BoltHandshake.parseReply(0x0000_0304) }
        #expect(throws: BoltError.self) { try BoltHandshake.parseReply(0x0000_0805) }
        #expect(throws: BoltError.self) { try BoltHandshake.parseReply(0x0000_01FF) }
    }

    @Test func httpReplyIsExplained() {
        #expect(throws: BoltError.handshakeFailed(
            "server answered with HTTP, expected Bolt; check the port (Bolt is usually 7687)")) {
            try BoltHandshake.parseReply(0x4854_5450)
        }
    }

    @Test func versionFeaturesFollowTheSpecification() {
        #expect(BoltVersion.v4_4.usesLogon == false)
        #expect(BoltVersion.v5_0.usesLogon == false)
        #expect(BoltVersion.v5_1.usesLogon)
        #expect(BoltVersion.v4_4.usesBolt5Structures == false)
        #expect(BoltVersion.v5_0.usesBolt5Structures)
        #expect(BoltVersion(5, 7) > BoltVersion(4, 4))
        #expect(BoltVersion(5, 7).description == "5.7")
    }
}
