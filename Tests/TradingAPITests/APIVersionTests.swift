import Testing
@testable import TradingAPI

@Test func restRoutesLiveUnderVersionOnePrefix() {
    #expect(APIVersion.prefix == "/api/v1")
}
