import TradingModel
import Testing
@testable import MarketData

@Suite struct UTCTimestampTests {
    @Test func parsesIsoDateAsMidnightUtc() {
        #expect(UTCTimestamp.parse("2024-01-02") == 1_704_153_600_000)
        #expect(UTCTimestamp.parse("2024/01/02") == 1_704_153_600_000)
    }

    @Test func parsesIsoDateTimesWithTOrSpaceAndOptionalZ() {
        #expect(UTCTimestamp.parse("2024-01-02T03:04:05Z") == 1_704_164_645_000)
        #expect(UTCTimestamp.parse("2024-01-02 03:04:05") == 1_704_164_645_000)
        #expect(UTCTimestamp.parse("2024-01-02T03:04") == 1_704_164_640_000)
        #expect(UTCTimestamp.parse("2024-01-02 03:04:05 UTC") == 1_704_164_645_000)
    }

    @Test func appliesUtcOffsets() {
        #expect(UTCTimestamp.parse("2024-01-02T03:04:05+02:00") == 1_704_157_445_000)
        #expect(UTCTimestamp.parse("2024-01-02T03:04:05+0200") == 1_704_157_445_000)
        #expect(UTCTimestamp.parse("2024-01-02T03:04:05-05:30") == 1_704_184_445_000)
        #expect(UTCTimestamp.parse("2024-01-02T03:04:05+00:00") == 1_704_164_645_000)
    }

    @Test func keepsFractionalSecondsAsMilliseconds() {
        #expect(UTCTimestamp.parse("2024-01-02T03:04:05.123456Z") == 1_704_164_645_123)
        #expect(UTCTimestamp.parse("2024-01-02T03:04:05.5") == 1_704_164_645_500)
    }

    @Test func tellsUnixSecondsMillisecondsAndMicrosecondsByMagnitude() {
        #expect(UTCTimestamp.parse("1704067200") == 1_704_067_200_000)
        #expect(UTCTimestamp.parse("1704067200.25") == 1_704_067_200_250)
        #expect(UTCTimestamp.parse("1704067200000") == 1_704_067_200_000)
        #expect(UTCTimestamp.parse("1704067200000.0") == 1_704_067_200_000)
        #expect(UTCTimestamp.parse("1704067200000000") == 1_704_067_200_000)
        #expect(UTCTimestamp.parse("1704067200000000000") == 1_704_067_200_000)
    }

    @Test func rejectsTextThatIsNotATime() {
        #expect(UTCTimestamp.parse("2024-13-01") == nil)
        #expect(UTCTimestamp.parse("2023-02-29") == nil)
        #expect(UTCTimestamp.parse("2024-01-02T25:00") == nil)
        #expect(UTCTimestamp.parse("yesterday") == nil)
        #expect(UTCTimestamp.parse("") == nil)
        #expect(UTCTimestamp.parse("99999999999999999999") == nil)
        #expect(UTCTimestamp.parse("12ab") == nil)
    }

    @Test func formatsIso8601WithMillisecondsOnlyWhenPresent() {
        #expect(UTCTimestamp.iso8601(1_704_164_645_000) == "2024-01-02T03:04:05Z")
        #expect(UTCTimestamp.iso8601(1_704_164_645_123) == "2024-01-02T03:04:05.123Z")
        #expect(UTCTimestamp.iso8601(0) == "1970-01-01T00:00:00Z")
        #expect(UTCTimestamp.iso8601(-1000) == "1969-12-31T23:59:59Z")
        #expect(UTCTimestamp.iso8601(951_782_400_000) == "2000-02-29T00:00:00Z")
    }

    @Test func formattingAndParsingRoundTripOverCenturies() {
        var t: Int64 = -2_208_988_800_000  // 1900-01-01
        while t < 4_102_444_800_000 {  // 2100-01-01
            #expect(UTCTimestamp.parse(UTCTimestamp.iso8601(t)) == t)
            t += 86_400_000 * 37 + 3_723_456
        }
    }
}
