import NIOCore

/// One SMTP server reply: a three-digit code and its text lines (continuation lines `250-...` joined).
struct SMTPReply: Sendable, Hashable {
    /// The code, e.g. 250.
    var code: Int
    /// The text after the code on each line.
    var lines: [String]

    /// The first line's text.
    var text: String { lines.joined(separator: " ") }
}

/// Frames bytes into ``SMTPReply`` values: lines end in CRLF (a bare LF is accepted); `ddd-text` continues,
/// `ddd text` (or `ddd`) ends the reply.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// Longest accepted line (RFC 5321 allows 512 octets; servers send more in EHLO lists).
    static let maxLine = 4096
    private var pending: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maxLine { throw SMTPProtocolError(message: "a server line longer than \(Self.maxLine) bytes") }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        var line = buffer.readString(length: length) ?? ""
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        let (code, final, text) = try Self.parse(line)
        pending.append(text)
        if final {
            context.fireChannelRead(wrapInboundOut(SMTPReply(code: code, lines: pending)))
            pending = []
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    /// Splits `250-PIPELINING` into (250, false, "PIPELINING").
    static func parse(_ line: String) throws -> (Int, Bool, String) {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0..<3].allSatisfy({ (48...57).contains($0) }), let code = Int(String(line.prefix(3))) else {
            throw SMTPProtocolError(message: "a reply line starting with a three-digit code, got '\(line.prefix(80))'")
        }
        if bytes.count == 3 { return (code, true, "") }
        guard bytes[3] == UInt8(ascii: "-") || bytes[3] == UInt8(ascii: " ") else {
            throw SMTPProtocolError(message: "a space or '-' after the reply code, got '\(line.prefix(80))'")
        }
        return (code, bytes[3] == UInt8(ascii: " "), String(line.dropFirst(4)))
    }
}

/// The server broke the SMTP reply syntax.
struct SMTPProtocolError: Error, Sendable, Hashable {
    /// What was expected and what came.
    var message: String
}
