import NIOCore

/// Bolt message framing: a message is split into chunks of at most 65 535 bytes, each prefixed by its
/// big-endian 16-bit length, and terminated by the empty chunk `00 00`.
public enum BoltChunker {
    /// Largest chunk payload.
    public static let maxChunkSize = 65_535

    /// Appends `message` to `buffer` as chunks followed by `00 00`.
    /// - Complexity: O(n) in the message size.
    public static func frame(_ message: ByteBuffer, into buffer: inout ByteBuffer, maxChunkSize: Int = maxChunkSize) {
        var message = message
        buffer.reserveCapacity(minimumWritableBytes: message.readableBytes + 2 * (message.readableBytes / maxChunkSize + 2))
        while message.readableBytes > 0 {
            let size = Swift.min(message.readableBytes, maxChunkSize)
            buffer.writeInteger(UInt16(size))
            var slice = message.readSlice(length: size)!
            buffer.writeBuffer(&slice)
        }
        buffer.writeInteger(UInt16(0))
    }
}
