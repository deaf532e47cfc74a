@testable import BoltClient
import NIOCore
import Testing

/// Message vectors from the Bolt "Message" specification: a structure whose tag is the signature.
@Suite struct BoltMessageTests {
    @Test func messagesWithoutFieldsAreTwoBytes() throws {
        #expect(try Hex.request(.goodbye) == "B0 02")
        #expect(try Hex.request(.reset) == "B0 0F")
        #expect(try Hex.request(.commit) == "B0 12")
        #expect(try Hex.request(.rollback) == "B0 13")
        #expect(try Hex.request(.logoff) == "B0 6B")
    }

    @Test func pullAndDiscardCarryNAndOnlyANonDefaultQid() throws {
        #expect(try Hex.request(.pull(n: -1, qid: -1)) == "B1 3F A1 81 6E FF")
        #expect(try Hex.request(.pull(n: 1000, qid: -1)) == "B1 3F A1 81 6E C9 03 E8")
        #expect(try Hex.request(.discard(n: -1, qid: 2)) == "B1 2F A2 81 6E FF 83 71 69 64 02")
    }

    @Test func runCarriesQueryParametersAndExtra() throws {
        let run = BoltRequest.run(query: "RETURN $x", parameters: ["x": 1], extra: ["db": "neo4j"])
        #expect(try Hex.request(run)
            == "B3 10 89 52 45 54 55 52 4E 20 24 78 A1 81 78 01 A1 82 64 62 85 6E 65 6F 34 6A")
    }

    @Test func beginCarriesExtra() throws {
        #expect(try Hex.request(.begin(extra: ["mode": "r"])) == "B1 11 A1 84 6D 6F 64 65 81 72")
    }

    @Test func logonPutsSchemePrincipalCredentialsFirst() throws {
        let logon = BoltRequest.logon(auth: BoltAuth.basic(user: "u", password: "p").token)
        #expect(try Hex.request(logon)
            == "B1 6A A3 86 73 63 68 65 6D 65 85 62 61 73 69 63 89 70 72 69 6E 63 69 70 61 6C 81 75 8B 63 72 65 64 65 6E 74 69 61 6C 73 81 70")
    }

    @Test func helloPutsUserAgentFirst() throws {
        let hello = BoltRequest.hello(extra: ["user_agent": "a/1", "bolt_agent": ["product": "a/1"]])
        #expect(try Hex.request(hello)
            == "B1 01 A2 8A 75 73 65 72 5F 61 67 65 6E 74 83 61 2F 31 8A 62 6F 6C 74 5F 61 67 65 6E 74 A1 87 70 72 6F 64 75 63 74 83 61 2F 31")
    }

    @Test func authTokensFollowTheSchemes() {
        #expect(BoltAuth.none.token == ["scheme": "none"])
        #expect(BoltAuth.basic(user: "u", password: "p", realm: "r").token
            == ["scheme": "basic", "principal": "u", "credentials": "p", "realm": "r"])
        #expect(BoltAuth.bearer(token: "t").token == ["scheme": "bearer", "credentials": "t"])
    }

    private func response(_ hex: String) throws -> BoltResponse {
        var buffer = ByteBuffer(bytes: Hex.bytes(hex))
        return try BoltResponse.decode(from: &buffer, using: PackStreamDecoder())
    }

    @Test func serverMessagesDecode() throws {
        #expect(try response("B1 70 A1 86 66 69 65 6C 64 73 91 81 78") == .success(["fields": ["x"]]))
        #expect(try response("B1 71 93 01 02 03") == .record([1, 2, 3]))
        #expect(try response("B0 7E") == .ignored)
        #expect(try response("B1 7F A2 84 63 6F 64 65 81 43 87 6D 65 73 73 61 67 65 81 4D")
            == .failure(["code": "C", "message": "M"]))
    }

    @Test func unknownServerSignatureIsAProtocolViolation() {
        #expect(throws: BoltError.protocolViolation(
            "unknown server message signature 0x55, expected SUCCESS 0x70, RECORD 0x71, IGNORED 0x7E or FAILURE 0x7F")) {
            _ = try response("B0 55")
        }
    }

    @Test func failureCodeComesFromNeo4jCodeInBolt57AndCodeBefore() {
        #expect(BoltResponse.serverError(["neo4j_code": "Neo.ClientError.Statement.SyntaxError", "message": "bad",
                                          "gql_status": "42001"])
            == .server(code: "Neo.ClientError.Statement.SyntaxError", message: "bad"))
        #expect(BoltResponse.serverError(["code": "Neo.TransientError.General.DatabaseUnavailable", "message": "m"])
            == .server(code: "Neo.TransientError.General.DatabaseUnavailable", message: "m"))
    }
}
