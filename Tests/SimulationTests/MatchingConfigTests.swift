import Foundation
import Testing
import TradingModel
@testable import Simulation

@Test func configDecodesWithDefaultsForMissingKeys() throws {
    let json = #"{"fill_mode": "close", "fees": {"maker_rate": 0.0002, "taker_rate": "0.0005"}}"#
    let config = try JSONDecoder().decode(MatchingConfig.self, from: Data(json.utf8))
    #expect(config == MatchingConfig(fillMode: .close, fees: FeeModel(makerRate: d("0.0002"), takerRate: d("0.0005"))))
}

@Test func emptyConfigIsTheDefault() throws {
    let config = try JSONDecoder().decode(MatchingConfig.self, from: Data("{}".utf8))
    #expect(config == MatchingConfig())
    #expect(config.fillMode == .nextOpen)
    #expect(config.fees == FeeModel(makerRate: d("0.001"), takerRate: d("0.001")))
    #expect(config.slippage == SlippageModel(fixedBps: 0, volumeImpact: 0))
    #expect(config.maxVolumeParticipation == nil)
    #expect(config.limitFillRequiresTradeThrough == false)
}

@Test func configRoundTripsThroughJSON() throws {
    let config = MatchingConfig(fillMode: .close, fees: FeeModel(makerRate: d("-0.0001"), takerRate: d("0.00075")),
                                slippage: SlippageModel(fixedBps: 2.5, volumeImpact: 0.1),
                                maxVolumeParticipation: 0.05, limitFillRequiresTradeThrough: true)
    let data = try JSONEncoder().encode(config)
    #expect(try JSONDecoder().decode(MatchingConfig.self, from: data) == config)
    #expect(String(decoding: try JSONEncoder().encode(FillMode.nextOpen), as: UTF8.self) == #""next-open""#)
}

/// A setting ``MatchingConfig/validate()`` must refuse.
struct BadConfigCase: Sendable, CustomTestStringConvertible {
    let config: MatchingConfig
    let error: SimulationError
    var testDescription: String { error.description }
}

let badConfigCases: [BadConfigCase] = [
    BadConfigCase(config: MatchingConfig(fees: FeeModel(makerRate: d("1"), takerRate: d("0.001"))),
                  error: .invalidConfig(field: "fees.maker_rate", value: "1", expected: "a rate between -1 and 1, e.g. 0.001")),
    BadConfigCase(config: MatchingConfig(slippage: SlippageModel(fixedBps: -1)),
                  error: .invalidConfig(field: "slippage.fixed_bps", value: "-1.0", expected: "a finite number of basis points >= 0")),
    BadConfigCase(config: MatchingConfig(slippage: SlippageModel(volumeImpact: .infinity)),
                  error: .invalidConfig(field: "slippage.volume_impact", value: "inf", expected: "a finite number >= 0")),
    BadConfigCase(config: MatchingConfig(maxVolumeParticipation: 1.5),
                  error: .invalidConfig(field: "max_volume_participation", value: "1.5",
                                        expected: "a fraction in (0, 1], e.g. 0.1, or null for unlimited")),
    BadConfigCase(config: MatchingConfig(maxVolumeParticipation: 0),
                  error: .invalidConfig(field: "max_volume_participation", value: "0.0",
                                        expected: "a fraction in (0, 1], e.g. 0.1, or null for unlimited")),
]

@Test(arguments: badConfigCases)
func invalidConfigIsRefusedNamingTheField(_ c: BadConfigCase) {
    #expect(throws: c.error) { try c.config.validate() }
}

@Test func defaultConfigIsValid() throws {
    try MatchingConfig().validate()
    try MatchingConfig(maxVolumeParticipation: 1).validate()
}
