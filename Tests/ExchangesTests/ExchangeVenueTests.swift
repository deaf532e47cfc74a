import Testing
@testable import Exchanges

@Test func venueNamesAreTheLowercaseConfigNames() {
    #expect(ExchangeVenue.allCases.map(\.rawValue) == ["binance", "kraken"])
}
