import NIOCore

/// A client message (a PackStream structure whose tag is the message signature).
public enum BoltRequest: Sendable, Hashable {
    /// `HELLO` (0x01): user agent, bolt agent and, before 5.1, the auth token.
    case hello(extra: [String: BoltValue])
    /// `LOGON` (0x6A, Bolt 5.1+): the auth token.
    case logon(auth: [String: BoltValue])
    /// `LOGOFF` (0x6B, Bolt 5.1+).
    case logoff
    /// `GOODBYE` (0x02): the client is closing.
    case goodbye
    /// `RESET` (0x0F): abandon the current work and return to READY.
    case reset
    /// `RUN` (0x10): query, parameters and extra (`bookmarks`, `db`, `mode`, `tx_timeout`, …).
    case run(query: String, parameters: [String: BoltValue], extra: [String: BoltValue])
    /// `BEGIN` (0x11): open an explicit transaction.
    case begin(extra: [String: BoltValue])
    /// `COMMIT` (0x12).
    case commit
    /// `ROLLBACK` (0x13).
    case rollback
    /// `DISCARD` (0x2F): drop up to `n` records (-1: all) of the result `qid` (-1: the last).
    case discard(n: Int64, qid: Int64)
    /// `PULL` (0x3F): fetch up to `n` records (-1: all) of the result `qid` (-1: the last).
    case pull(n: Int64, qid: Int64)

    /// Auth token keys in the order the specification lists them.
    static let authKeyOrder = ["scheme", "principal", "credentials", "realm"]

    /// The message signature (structure tag).
    public var signature: UInt8 {
        switch self {
        case .hello: 0x01
        case .goodbye: 0x02
        case .reset: 0x0F
        case .run: 0x10
        case .begin: 0x11
        case .commit: 0x12
        case .rollback: 0x13
        case .discard: 0x2F
        case .pull: 0x3F
        case .logon: 0x6A
        case .logoff: 0x6B
        }
    }

    /// The message name as the specification writes it, for errors and logs.
    public var name: String {
        switch self {
        case .hello: "HELLO"
        case .goodbye: "GOODBYE"
        case .reset: "RESET"
        case .run: "RUN"
        case .begin: "BEGIN"
        case .commit: "COMMIT"
        case .rollback: "ROLLBACK"
        case .discard: "DISCARD"
        case .pull: "PULL"
        case .logon: "LOGON"
        case .logoff: "LOGOFF"
        }
    }

    /// Appends the message body (unframed PackStream structure) to `buffer`.
    /// - Throws: ``PackStreamError`` when a parameter cannot be encoded.
    public func encode(into buffer: inout ByteBuffer, using encoder: PackStreamEncoder) throws {
        switch self {
        case .hello(let extra):
            try PackStreamEncoder.writeStructureHeader(tag: signature, fieldCount: 1, into: &buffer)
            try encoder.encodeMap(extra, leadingKeys: ["user_agent"] + Self.authKeyOrder, into: &buffer)
        case .begin(let extra):
            try PackStreamEncoder.writeStructureHeader(tag: signature, fieldCount: 1, into: &buffer)
            try encoder.encodeMap(extra, into: &buffer)
        case .logon(let auth):
            try PackStreamEncoder.writeStructureHeader(tag: signature, fieldCount: 1, into: &buffer)
            try encoder.encodeMap(auth, leadingKeys: Self.authKeyOrder, into: &buffer)
        case .logoff, .goodbye, .reset, .commit, .rollback:
            try PackStreamEncoder.writeStructureHeader(tag: signature, fieldCount: 0, into: &buffer)
        case .run(let query, let parameters, let extra):
            try PackStreamEncoder.writeStructureHeader(tag: signature, fieldCount: 3, into: &buffer)
            try PackStreamEncoder.writeString(query, into: &buffer)
            try encoder.encodeMap(parameters, into: &buffer)
            try encoder.encodeMap(extra, into: &buffer)
        case .discard(let n, let qid), .pull(let n, let qid):
            try PackStreamEncoder.writeStructureHeader(tag: signature, fieldCount: 1, into: &buffer)
            var extra: [String: BoltValue] = ["n": .int(n)]
            if qid != -1 { extra["qid"] = .int(qid) }
            try encoder.encodeMap(extra, into: &buffer)
        }
    }
}
