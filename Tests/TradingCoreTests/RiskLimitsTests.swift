import Foundation
import Testing
import TradingCore

@Suite struct RiskLimitsTests {
    @Test func defaultsMatchTheIssue() {
        let limits = RiskLimits()
        #expect(limits.maxPositionFraction == 0.10)
        #expect(limits.maxOrdersPerDay == 100)
        #expect(limits.correlationThreshold == 0.7)
        #expect(limits.correlatedExposureCap == 0.30)
        #expect(limits.dailyLossLimit == 0.05)
        #expect(limits.maxDrawdown == 0.15)
        #expect(limits.flattenOnHalt == true)
    }

    @Test func missingKeysKeepTheirDefaults() throws {
        let limits = try JSONDecoder().decode(RiskLimits.self, from: Data(#"{"max_drawdown": 0.2, "flatten_on_halt": false}"#.utf8))
        var expected = RiskLimits()
        expected.maxDrawdown = 0.2
        expected.flattenOnHalt = false
        #expect(limits == expected)
    }

    @Test func encodesSnakeCaseAndRoundTrips() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(RiskLimits()), as: UTF8.self)
        #expect(text == #"{"cooldown":{"count":3,"duration":"4h"},"correlated_exposure_cap":0.3,"correlation_threshold":0.7,"correlation_window":50,"daily_loss_limit":0.05,"flatten_on_halt":true,"max_drawdown":0.15,"max_gross_exposure":1,"max_open_positions":10,"max_orders_per_day":100,"max_orders_per_second":10,"max_position_fraction":0.1,"pair_lock":{"duration":"12h","enabled":false,"lookback":"1d","required_profit":0,"trade_limit":4},"price_band":0.05,"promotion":{"ladder":[0.1,0.25,0.5,1],"max_drawdown":0.1,"min_days":3,"min_sharpe":1.5,"min_trades":100},"protective_exits":{"atr_period":14,"break_even":null,"overrides":[],"stop_loss":null,"take_profit":null,"time_stop":null,"trailing_stop":null}}"#)
        #expect(try JSONDecoder().decode(RiskLimits.self, from: Data(text.utf8)) == RiskLimits())
    }

    @Test(arguments: [
        (#"{"max_drawdown": 1.5}"#, "risk.max_drawdown must be greater than 0 and at most 1, got 1.5"),
        (#"{"max_drawdown": 0}"#, "risk.max_drawdown must be greater than 0 and at most 1, got 0.0"),
        (#"{"max_position_fraction": -0.1}"#, "risk.max_position_fraction must be greater than 0 and at most 1, got -0.1"),
        (#"{"max_gross_exposure": 10.5}"#, "risk.max_gross_exposure must be greater than 0 and at most 10, got 10.5"),
        (#"{"max_open_positions": 0}"#, "risk.max_open_positions must be an integer from 1 to 10000, got 0"),
        (#"{"max_orders_per_day": 0}"#, "risk.max_orders_per_day must be an integer from 1 to 10000000, got 0"),
        (#"{"max_orders_per_second": 0}"#, "risk.max_orders_per_second must be an integer from 1 to 1000000, got 0"),
        (#"{"price_band": 2}"#, "risk.price_band must be greater than 0 and at most 1, got 2.0"),
        (#"{"correlation_threshold": 1.01}"#, "risk.correlation_threshold must be greater than 0 and at most 1, got 1.01"),
        (#"{"correlated_exposure_cap": 0}"#, "risk.correlated_exposure_cap must be greater than 0 and at most 10, got 0.0"),
        (#"{"correlation_window": 2}"#, "risk.correlation_window must be an integer from 3 to 10000, got 2"),
        (#"{"daily_loss_limit": 1.2}"#, "risk.daily_loss_limit must be greater than 0 and at most 1, got 1.2"),
    ])
    func outOfRangeValueNamesKeyValueAndRange(json: String, message: String) {
        do {
            _ = try JSONDecoder().decode(RiskLimits.self, from: Data(json.utf8))
            Issue.record("decoded \(json)")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [
        #"{"max_drawdown": 1}"#, #"{"max_position_fraction": 1}"#, #"{"max_open_positions": 1}"#,
        #"{"correlation_window": 3}"#, #"{"max_gross_exposure": 10}"#,
    ])
    func valueExactlyAtTheUpperOrLowerBoundIsAccepted(json: String) throws {
        _ = try JSONDecoder().decode(RiskLimits.self, from: Data(json.utf8))
    }

    @Test func engineRefusesInvalidLimits() {
        var limits = RiskLimits()
        limits.dailyLossLimit = 0
        #expect(throws: RiskLimitsError(key: "daily_loss_limit", value: "0.0", allowed: "greater than 0 and at most 1")) {
            _ = try RiskEngine(limits: limits, allowShort: false)
        }
    }
}
