import NIOCore

/// A server message.
public enum BoltResponse: Sendable, Hashable {
    /// `SUCCESS` (0x70) with metadata.
    case success([String: BoltValue])
    /// `RECORD` (0x71) with one row of values.
    case record([BoltValue])
    /// `IGNORED` (0x7E): the request was skipped because the connection is in the FAILED state.
    case ignored
    /// `FAILURE` (0x7F) with metadata (`code`/`message`, or from 5.7 `neo4j_code`, `gql_status`, …).
    case failure([String: BoltValue])

    /// Decodes one complete (de-chunked) message body.
    /// - Throws: ``BoltError/protocolViolation(_:)`` for an unknown signature or wrong field types,
    ///   ``BoltError/packStream(_:)`` for malformed PackStream.
    public static func decode(from buffer: inout ByteBuffer, using decoder: PackStreamDecoder) throws -> BoltResponse {
        let base = buffer.readerIndex
        do {
            let (fieldCount, signature) = try decoder.readStructureHeader(from: &buffer, base: base)
            func field(_ expected: Int, _ name: String) throws -> BoltValue {
                guard fieldCount == expected else {
                    throw BoltError.protocolViolation("\(name) message has \(fieldCount) fields, expected \(expected)")
                }
                return try decoder.decode(from: &buffer, base: base, depth: 1)
            }
            let response: BoltResponse
            switch signature {
            case 0x70:
                guard case .map(let metadata) = try field(1, "SUCCESS") else {
                    throw BoltError.protocolViolation("SUCCESS metadata is not a Dictionary")
                }
                response = .success(metadata)
            case 0x71:
                guard case .list(let values) = try field(1, "RECORD") else {
                    throw BoltError.protocolViolation("RECORD data is not a List")
                }
                response = .record(values)
            case 0x7E:
                guard fieldCount == 0 else {
                    throw BoltError.protocolViolation("IGNORED message has \(fieldCount) fields, expected 0")
                }
                response = .ignored
            case 0x7F:
                guard case .map(let metadata) = try field(1, "FAILURE") else {
                    throw BoltError.protocolViolation("FAILURE metadata is not a Dictionary")
                }
                response = .failure(metadata)
            default:
                throw BoltError.protocolViolation(
                    "unknown server message signature 0x\(String(signature, radix: 16, uppercase: true)), expected SUCCESS 0x70, RECORD 0x71, IGNORED 0x7E or FAILURE 0x7F")
            }
            guard buffer.readableBytes == 0 else {
                throw BoltError.protocolViolation("\(buffer.readableBytes) bytes left after a complete server message")
            }
            return response
        } catch let error as PackStreamError {
            throw BoltError.packStream(error)
        }
    }

    /// The server error of a FAILURE: Bolt 5.7 puts the status code in `neo4j_code`, earlier versions in `code`.
    static func serverError(_ metadata: [String: BoltValue]) -> BoltError {
        let code = metadata["neo4j_code"]?.stringValue ?? metadata["code"]?.stringValue ?? "Neo.DatabaseError.General.UnknownError"
        let message = metadata["message"]?.stringValue ?? metadata["description"]?.stringValue ?? "(no message)"
        return .server(code: code, message: message)
    }
}
