import Testing
@testable import MarketData

@Suite struct NumberParserTests {
    private func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { NumberParser.parseDouble(UnsafeRawBufferPointer($0)) }
    }

    @Test func parsesPlainDecimalsExactly() {
        #expect(parse("42123.45") == 42123.45)
        #expect(parse("-0.001") == -0.001)
        #expect(parse("+7") == 7)
        #expect(parse(".5") == 0.5)
        #expect(parse("5.") == 5)
        #expect(parse("0") == 0)
    }

    @Test func parsesExponents() {
        #expect(parse("1e-05") == 1e-05)
        #expect(parse("1.2E+16") == 1.2e16)
        #expect(parse("3.5e2") == 350)
    }

    @Test func longDigitStringsRoundLikeTheStandardLibrary() {
        for text in ["3.0000000000000004", "0.1000000000000000055511151231257827", "123456789012345678901234",
                     "2.2250738585072014e-308", "9007199254740993", "1e300", "4.9e-324", "30012.345678901234"] {
            #expect(parse(text) == Double(text), "\(text)")
        }
    }

    @Test func parsesNanAndInfinityInAnyCase() throws {
        #expect(try #require(parse("NaN")).isNaN)
        #expect(parse("inf") == .infinity)
        #expect(parse("-Infinity") == -.infinity)
    }

    @Test func rejectsNonNumbers() {
        #expect(parse("") == nil)
        #expect(parse("abc") == nil)
        #expect(parse("1.2.3") == nil)
        #expect(parse("12a") == nil)
        #expect(parse("-") == nil)
        #expect(parse("1e") == nil)
        #expect(parse("nano") == nil)
    }
}
