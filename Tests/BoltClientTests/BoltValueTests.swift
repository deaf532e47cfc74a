@testable import BoltClient
import Testing

@Suite struct BoltValueTests {
    @Test func literalsBuildTheMatchingCases() {
        let value: BoltValue = ["a": 1, "b": 2.5, "c": "x", "d": true, "e": nil, "f": [1, 2]]
        #expect(value == .map(["a": .int(1), "b": .float(2.5), "c": .string("x"), "d": .bool(true), "e": .null,
                               "f": .list([.int(1), .int(2)])]))
    }

    @Test func accessorsReturnNilForOtherCases() {
        let value: BoltValue = ["n": 3]
        #expect(value["n"]?.intValue == 3)
        #expect(value["n"]?.doubleValue == 3.0)
        #expect(value["n"]?.stringValue == nil)
        #expect(value["missing"] == nil)
        #expect(BoltValue.null.isNull)
        #expect(BoltValue.bytes([1]).bytesValue == [1])
        #expect(BoltValue.string("s").boolValue == nil)
    }

    @Test func recordLooksUpColumnsByName() {
        let record = BoltRecord(keys: ["a", "b"], values: [1, "two"])
        #expect(record["b"] == "two")
        #expect(record[0] == 1)
        #expect(record["c"] == nil)
    }
}
