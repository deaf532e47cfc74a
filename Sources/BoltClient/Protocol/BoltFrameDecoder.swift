import NIOCore

/// What the frame decoder hands to the channel handler.
enum BoltInbound: Sendable, Equatable {
    /// The server's 4-byte handshake reply.
    case handshake(UInt32)
    /// One complete, de-chunked message body.
    case message(ByteBuffer)
}

/// Splits the inbound byte stream into the handshake reply, then whole Bolt messages (reassembling
/// chunks and skipping NOOP chunks, i.e. `00 00` outside a message).
struct BoltFrameDecoder: NIOSingleStepByteToMessageDecoder {
    typealias InboundOut = BoltInbound

    /// Largest message accepted, to bound memory on a misbehaving server.
    let maxMessageSize: Int
    private var handshakeDone = false
    private var pending: ByteBuffer?

    init(maxMessageSize: Int = 256 * 1024 * 1024) {
        self.maxMessageSize = maxMessageSize
    }

    mutating func decode(buffer: inout ByteBuffer) throws -> BoltInbound? {
        if !handshakeDone {
            guard let reply = buffer.readInteger(as: UInt32.self) else { return nil }
            handshakeDone = true
            return .handshake(reply)
        }
        while let size = buffer.getInteger(at: buffer.readerIndex, as: UInt16.self) {
            if size == 0 {
                buffer.moveReaderIndex(forwardBy: 2)
                if let message = pending {
                    pending = nil
                    return .message(message)
                }
                continue  // NOOP chunk between messages
            }
            guard buffer.readableBytes >= 2 + Int(size) else { return nil }
            buffer.moveReaderIndex(forwardBy: 2)
            var chunk = buffer.readSlice(length: Int(size))!
            if pending == nil, buffer.getInteger(at: buffer.readerIndex, as: UInt16.self) == 0 {
                buffer.moveReaderIndex(forwardBy: 2)
                return .message(chunk)  // single-chunk message: no copy
            }
            if pending == nil { pending = ByteBuffer() }
            guard pending!.readableBytes + chunk.readableBytes <= maxMessageSize else {
                throw BoltError.protocolViolation("server message larger than \(maxMessageSize) bytes")
            }
            pending!.writeBuffer(&chunk)
        }
        return nil
    }

    mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> BoltInbound? {
        try decode(buffer: &buffer)
    }
}
