import Testing
@testable import TradingApp

@Suite struct DataStoreLocationTests {
    @Test func optionWinsOverEnvironmentAndDefault() {
        #expect(StoreLocation.resolve(option: "a.sqlite", environment: ["GRAPHWIZ_DB": "b.sqlite"]) == "a.sqlite")
    }

    @Test func environmentWinsOverDefault() {
        #expect(StoreLocation.resolve(option: nil, environment: ["GRAPHWIZ_DB": "/var/lib/graphwiz.sqlite"])
            == "/var/lib/graphwiz.sqlite")
    }

    @Test func defaultIsUnderDataInTheCurrentDirectory() {
        #expect(StoreLocation.resolve(option: nil, environment: [:]) == "data/graphwiz.sqlite")
        #expect(StoreLocation.resolve(option: "", environment: ["GRAPHWIZ_DB": ""]) == "data/graphwiz.sqlite")
    }
}
