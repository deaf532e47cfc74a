import NIOCore

/// The Bolt handshake: magic preamble `60 60 B0 17` and four 4-byte version proposals, each
/// `[0, range, minor, major]` meaning `major.minor` down to `major.(minor - range)`.
///
/// This client proposes 5.7…5.0, then 4.4, then two empty slots.
enum BoltHandshake {
    static let magic: UInt32 = 0x6060_B017
    /// Server reply when no proposed version is acceptable.
    static let noVersion: UInt32 = 0
    /// Server reply to the manifest sentinel (this client never sends it).
    static let manifestV1: UInt32 = 0x0000_01FF
    /// "HTTP" read as a big-endian integer: an HTTP server on the Bolt port.
    static let httpReply: UInt32 = 0x4854_5450

    /// The proposals, most preferred first.
    static let proposals: [(version: BoltVersion, range: UInt8)] = [(.v5_7, 7), (.v4_4, 0)]

    /// The 20 bytes a client sends first.
    static func request() -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(20)
        buffer.writeInteger(magic)
        for slot in 0..<4 {
            if slot < proposals.count {
                let proposal = proposals[slot]
                buffer.writeBytes([0, proposal.range, proposal.version.minor, proposal.version.major])
            } else {
                buffer.writeInteger(UInt32(0))
            }
        }
        return buffer
    }

    /// Interprets the server's 4-byte reply.
    /// - Throws: ``BoltError/handshakeFailed(_:)`` when the server accepted nothing, answered with a
    ///   version this client did not propose, or is not a Bolt server.
    static func parseReply(_ reply: UInt32) throws -> BoltVersion {
        let bytes = (UInt8(reply >> 24), UInt8((reply >> 16) & 0xFF), UInt8((reply >> 8) & 0xFF), UInt8(reply & 0xFF))
        let version = BoltVersion(bytes.3, bytes.2)
        switch reply {
        case noVersion:
            throw BoltError.handshakeFailed("server supports none of the proposed versions 5.7-5.0, 4.4")
        case httpReply:
            throw BoltError.handshakeFailed("server answered with HTTP, expected Bolt; check the port (Bolt is usually 7687)")
        default:
            let proposed = proposals.contains { proposal in
                proposal.version.major == version.major && version.minor <= proposal.version.minor
                    && version.minor >= proposal.version.minor - proposal.range
            }
            guard bytes.0 == 0, bytes.1 == 0, proposed else {
                throw BoltError.handshakeFailed(
                    "server replied 0x\(String(reply, radix: 16, uppercase: true)) (version \(version)), expected one of 5.7-5.0, 4.4")
            }
            return version
        }
    }
}
