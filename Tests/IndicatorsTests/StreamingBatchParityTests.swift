import Testing
import Indicators

/// The streaming form of every indicator reproduces its batch form bit for bit, and both agree on
/// where outputs become defined (`lookback`).
@Suite struct StreamingBatchParityTests {
    /// Every indicator at its defaults plus non-default parameter sets.
    static let specs: [String] = IndicatorSpec.available.map(\.example) + [
        "sma:1", "ema:1", "wma:1", "wma:2", "dema:3", "tema:3", "rsi:2", "macd:5,35,5", "bbands:5,1.5",
        "atr:1", "stoch:1,1,1", "stoch:14,3,5", "stochrsi:14,14,3", "adx:2", "cci:2", "roc:1", "mom:1",
        "willr:2", "mfi:2", "donchian:1", "keltner:5,1.5", "supertrend:1,1", "supertrend:7,2.5",
        "ichimoku:3,5,8",
    ]

    @Test(arguments: Fixture.datasetNames)
    func streamingEqualsBatchExactly(dataset: String) throws {
        let fixture = try Fixture.named(dataset)
        for text in Self.specs {
            let spec = try IndicatorSpec(text)
            let batch = spec.compute(fixture.columns)
            let streamed = Comparison.streamed(spec, fixture.bars)
            #expect(batch.count == spec.columnNames.count)
            for (column, values) in zip(batch, streamed) {
                let problem = Comparison.mismatch(values, column.values, by: Comparison.identical)
                #expect(problem == nil, "\(dataset) \(text) \(column.name): \(problem ?? "")")
            }
        }
    }

    @Test(arguments: Fixture.datasetNames)
    func allOutputsAreDefinedFromTheLookbackOn(dataset: String) throws {
        let fixture = try Fixture.named(dataset)
        for text in Self.specs {
            let spec = try IndicatorSpec(text)
            let columns = spec.compute(fixture.columns)
            let firstAllDefined = columns.map { Comparison.firstDefined($0.values) }.max() ?? 0
            #expect(firstAllDefined == spec.lookback, "\(dataset) \(text)")
            // VWAP is legitimately undefined again while a new UTC day has traded no volume (the
            // generated data's flat stretch); VWAPTests covers that.
            for column in columns where spec.kind != .vwap {
                let gaps = column.values[spec.lookback...].filter(\.isNaN).count
                #expect(gaps == 0, "\(dataset) \(text) \(column.name) has \(gaps) NaNs after the lookback")
            }
        }
    }

    @Test func specLookbackEqualsTheIndicatorLookback() throws {
        let cases: [(String, Int)] = [
            ("sma:7", SMA(period: 7).lookback), ("ema:7", EMA(period: 7).lookback),
            ("wma:7", WMA(period: 7).lookback), ("dema:7", DEMA(period: 7).lookback),
            ("tema:7", TEMA(period: 7).lookback), ("rsi:7", RSI(period: 7).lookback),
            ("macd:5,35,5", MACD(fast: 5, slow: 35, signal: 5).lookback),
            ("bbands:7,2", BollingerBands(period: 7).lookback), ("atr:7", ATR(period: 7).lookback),
            ("stoch:14,3,5", Stochastic(fastK: 14, slowK: 3, slowD: 5).lookback),
            ("stochrsi:14,5,3", StochRSI(period: 14, fastK: 5, fastD: 3).lookback),
            ("adx:7", ADX(period: 7).lookback), ("cci:7", CCI(period: 7).lookback),
            ("roc:7", ROC(period: 7).lookback), ("mom:7", MOM(period: 7).lookback),
            ("willr:7", WilliamsR(period: 7).lookback), ("obv", OBV().lookback), ("mfi:7", MFI(period: 7).lookback),
            ("vwap", VWAP().lookback), ("donchian:7", Donchian(period: 7).lookback),
            ("keltner:7,2", Keltner(period: 7).lookback), ("supertrend:7,3", Supertrend(atrPeriod: 7).lookback),
            ("ichimoku:9,26,52", Ichimoku().lookback),
        ]
        #expect(Set(try cases.map { try IndicatorSpec($0.0).kind }) == Set(IndicatorSpec.Kind.allCases))
        for (text, expected) in cases {
            #expect(try IndicatorSpec(text).lookback == expected, "\(text)")
        }
    }
}
