@testable import BoltClient
import Foundation
import Testing

@Suite struct BoltValueCodableTests {
    private struct Trade: Codable, Equatable {
        var symbol: String
        var quantity: Int64
        var price: Double
        var tags: [String]
        var note: String?
    }

    @Test func encodableStructBecomesAMapParameter() throws {
        let value = try BoltValue(encoding: Trade(symbol: "BTCUSDT", quantity: 3, price: 42_000.5, tags: ["a"], note: nil))
        #expect(value == ["symbol": "BTCUSDT", "quantity": 3, "price": 42_000.5, "tags": ["a"]])
    }

    @Test func mapDecodesIntoAStruct() throws {
        let value: BoltValue = ["symbol": "ETHUSDT", "quantity": 5_000_000_000, "price": 2.25, "tags": [],
                                "note": "x"]
        #expect(try value.decode(Trade.self)
            == Trade(symbol: "ETHUSDT", quantity: 5_000_000_000, price: 2.25, tags: [], note: "x"))
    }

    @Test func nodePropertiesAndRecordsDecode() throws {
        let node = BoltValue.node(BoltNode(id: 1, labels: ["Trade"], properties: ["symbol": "X", "quantity": 1,
                                                                                   "price": 1.5, "tags": ["t"]]))
        struct Wrapped: Decodable { var properties: Trade; var labels: [String] }
        let wrapped = try node.decode(Wrapped.self)
        #expect(wrapped.labels == ["Trade"])
        #expect(wrapped.properties == Trade(symbol: "X", quantity: 1, price: 1.5, tags: ["t"], note: nil))
        struct Row: Decodable, Equatable { var name: String; var n: Int }
        #expect(try BoltRecord(keys: ["name", "n"], values: ["a", 2]).decode(Row.self) == Row(name: "a", n: 2))
    }

    @Test func shapeMismatchIsADecodingError() {
        #expect(throws: DecodingError.self) { try BoltValue.string("x").decode(Int.self) }
    }
}
