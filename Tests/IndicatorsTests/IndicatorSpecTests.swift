import Testing
import Indicators
import TradingModel

@Suite struct IndicatorSpecTests {
    static let allNames = "sma, ema, wma, dema, tema, rsi, macd, bbands, atr, stoch, stochrsi, adx, cci, roc, mom, "
        + "willr, obv, mfi, vwap, donchian, keltner, supertrend, ichimoku"

    @Test func parsesNameAndParameters() throws {
        let spec = try IndicatorSpec("sma:20")
        #expect(spec.kind == .sma)
        #expect(spec.parameters == [20])
        #expect(spec.columnNames == ["sma_20"])
        #expect(spec.description == "sma:20")
    }

    @Test func omittedParametersTakeTheirDefaults() throws {
        #expect(try IndicatorSpec("rsi").columnNames == ["rsi_14"])
        #expect(try IndicatorSpec("macd").columnNames == ["macd_12_26_9", "macd_signal_12_26_9", "macd_hist_12_26_9"])
        #expect(try IndicatorSpec("macd:5").description == "macd:5,26,9")
        #expect(try IndicatorSpec("stochrsi").description == "stochrsi:14,5,3")
        #expect(try IndicatorSpec("obv").columnNames == ["obv"])
    }

    @Test func columnNamesListEveryOutputWithTheParameters() throws {
        #expect(try IndicatorSpec("bbands:20,2").columnNames == ["bbands_upper_20_2", "bbands_middle_20_2", "bbands_lower_20_2"])
        #expect(try IndicatorSpec("bbands:20,2.5").columnNames.first == "bbands_upper_20_2.5")
        #expect(try IndicatorSpec("stoch:5,3,3").columnNames == ["stoch_k_5_3_3", "stoch_d_5_3_3"])
        #expect(try IndicatorSpec("adx:14").columnNames == ["adx_14", "plus_di_14", "minus_di_14"])
        #expect(try IndicatorSpec("supertrend:10,3").columnNames == ["supertrend_10_3", "supertrend_dir_10_3"])
        #expect(try IndicatorSpec("ichimoku").columnNames == ["ichimoku_tenkan_9_26_52", "ichimoku_kijun_9_26_52",
                                                            "ichimoku_senkou_a_9_26_52", "ichimoku_senkou_b_9_26_52"])
        #expect(try IndicatorSpec("keltner:20,1.5").columnNames.last == "keltner_lower_20_1.5")
    }

    @Test func namesAreCaseInsensitiveAndWhitespaceIsIgnored() throws {
        #expect(try IndicatorSpec("  BBands : 20 , 2.5 ").description == "bbands:20,2.5")
    }

    @Test func errorsNameTheSpecTheBadValueAndTheExpectation() {
        let cases: [(String, String)] = [
            ("sma:x", "indicator 'sma:x': parameter 1 (period) must be an integer period between 1 and 100000, got 'x'"),
            ("sma:20.5", "indicator 'sma:20.5': parameter 1 (period) must be an integer period between 1 and 100000, got '20.5'"),
            ("sma:0", "indicator 'sma:0': parameter 1 (period) must be an integer period between 1 and 100000, got '0'"),
            ("sma:", "indicator 'sma:': parameter 1 (period) must be an integer period between 1 and 100000, got ''"),
            ("rsi:1", "indicator 'rsi:1': parameter 1 (period) must be an integer period between 2 and 100000, got '1'"),
            ("bbands:20,-1", "indicator 'bbands:20,-1': parameter 2 (multiplier) must be a finite number > 0, got '-1'"),
            ("bbands:20,nan", "indicator 'bbands:20,nan': parameter 2 (multiplier) must be a finite number > 0, got 'nan'"),
            ("sma:20,3", "indicator 'sma:20,3': takes at most 1 parameter (period), got 2"),
            ("obv:3", "indicator 'obv:3': takes at most 0 parameters (none), got 1"),
            ("macd:26,12,9", "indicator 'macd:26,12,9': fast period (26) must be less than slow period (12)"),
            ("foo", "unknown indicator 'foo'; available: \(Self.allNames)"),
            ("Foo:3", "unknown indicator 'foo'; available: \(Self.allNames)"),
            ("  ", "indicator '  ': empty specification; expected name[:p1,p2,...], e.g. sma:20 or macd:12,26,9"),
        ]
        for (text, message) in cases {
            #expect(throws: IndicatorSpecError.self, "\(text)") { try IndicatorSpec(text) }
            do throws(IndicatorSpecError) {
                _ = try IndicatorSpec(text)
            } catch {
                #expect(error.description == message)
                #expect(error.spec == text)
            }
        }
    }

    @Test func buildingFromAKindValidatesTheParameters() throws {
        #expect(try IndicatorSpec(kind: .bbands, parameters: [10]).description == "bbands:10,2")
        #expect(throws: IndicatorSpecError(spec: "ema:0", reason: .invalidParameter(
            position: 1, name: "period", value: "0", expectation: "an integer period between 1 and 100000"))) {
            try IndicatorSpec(kind: .ema, parameters: [0])
        }
        #expect(throws: IndicatorSpecError(spec: "macd:12,12", reason: .inconsistentParameters(
            "fast period (12) must be less than slow period (12)"))) {
            try IndicatorSpec(kind: .macd, parameters: [12, 12])
        }
    }

    @Test func availableListsEveryIndicatorWithDefaults() throws {
        let available = IndicatorSpec.available
        #expect(available.map(\.name).joined(separator: ", ") == Self.allNames)
        #expect(available.first { $0.name == "macd" }?.example == "macd:12,26,9")
        #expect(available.first { $0.name == "bbands" }?.parameters.map(\.name) == ["period", "multiplier"])
        for descriptor in available {
            #expect(!descriptor.summary.isEmpty)
            let spec = try IndicatorSpec(descriptor.example)
            #expect(spec.description == descriptor.example)
            #expect(spec.columnNames.count == descriptor.outputs.count)
        }
    }

    @Test func computeReturnsOneFullLengthColumnPerOutput() throws {
        let bars = Bars.hlc((0..<40).map { (i: Int) -> (Double, Double, Double) in
            let step = Double(i)
            return (101 + step.truncatingRemainder(dividingBy: 4), 99 - step.truncatingRemainder(dividingBy: 3),
                    100 + step.truncatingRemainder(dividingBy: 5))
        })
        for descriptor in IndicatorSpec.available {
            let spec = try IndicatorSpec(descriptor.example)
            let columns = spec.compute(BarColumns(bars))
            #expect(columns.map(\.name) == spec.columnNames)
            #expect(columns.allSatisfy { $0.values.count == bars.count })
        }
    }

    @Test(arguments: [0, 1, 2])
    func seriesShorterThanTheWarmUpGiveOnlyNaN(length: Int) throws {
        let bars = Array(Bars.hlc([(11, 9, 10), (12, 10, 11)]).prefix(length))
        for descriptor in IndicatorSpec.available {
            let spec = try IndicatorSpec(descriptor.example)
            let columns = spec.compute(BarColumns(bars))
            #expect(columns.count == spec.columnNames.count)
            #expect(columns.allSatisfy { $0.values.count == length })
            var stream = spec.makeStream()
            for bar in bars { #expect(stream.update(bar).count == spec.columnNames.count) }
            // Only OBV and VWAP are defined from the first bar; every other default warms up longer.
            if spec.lookback > 1 {
                #expect(columns.allSatisfy { $0.values.allSatisfy { $0.isNaN } }, "\(spec)")
            }
        }
    }

    @Test func streamValuesComeInColumnOrder() throws {
        var stream = try IndicatorSpec("bbands:3,2").makeStream()
        let bars = Bars.closes([1, 2, 3, 3])
        let values = bars.map { stream.update($0) }
        #expect(values[1].allSatisfy { $0.isNaN })
        #expect(values[2].count == 3)
        #expect(values[2][1] == 2)  // middle
        #expect(values[2][0] > 2 && values[2][2] < 2)  // upper, lower
        #expect(stream.spec.description == "bbands:3,2")
    }
}
