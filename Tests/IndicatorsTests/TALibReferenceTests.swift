import Testing
import Indicators

/// Every TA-Lib column written by scripts/talib_reference.py, checked against both the batch and the
/// streaming form to 1e-9 relative, with identical NaN patterns (same first defined index).
@Suite struct TALibReferenceTests {
    @Test(arguments: Fixture.datasetNames)
    func batchOutputsMatchTALib(dataset: String) throws {
        let fixture = try Fixture.named(dataset)
        for text in try Fixture.referenceSpecs() {
            let spec = try IndicatorSpec(text)
            for column in spec.compute(fixture.columns) {
                let reference = try #require(fixture.reference[column.name], "\(dataset): no TA-Lib column \(column.name)")
                let problem = Comparison.mismatch(column.values, reference, by: Comparison.agrees)
                #expect(problem == nil, "\(dataset) \(text) batch \(column.name): \(problem ?? "")")
            }
        }
    }

    @Test(arguments: Fixture.datasetNames)
    func streamingOutputsMatchTALib(dataset: String) throws {
        let fixture = try Fixture.named(dataset)
        for text in try Fixture.referenceSpecs() {
            let spec = try IndicatorSpec(text)
            for (name, values) in zip(spec.columnNames, Comparison.streamed(spec, fixture.bars)) {
                let reference = try #require(fixture.reference[name], "\(dataset): no TA-Lib column \(name)")
                let problem = Comparison.mismatch(values, reference, by: Comparison.agrees)
                #expect(problem == nil, "\(dataset) \(text) streaming \(name): \(problem ?? "")")
            }
        }
    }

    @Test(arguments: Fixture.datasetNames)
    func everyReferenceColumnIsChecked(dataset: String) throws {
        let fixture = try Fixture.named(dataset)
        let specs = try Fixture.referenceSpecs().map { try IndicatorSpec($0) }
        let checked = Set(specs.flatMap(\.columnNames))
        #expect(Set(fixture.referenceNames) == checked)
        #expect(fixture.referenceNames.count == checked.count)
    }

    @Test func referenceCoversEveryTALibIndicator() throws {
        let kinds = Set(try Fixture.referenceSpecs().map { try IndicatorSpec($0).kind })
        let talibKinds: Set<IndicatorSpec.Kind> = [.sma, .ema, .wma, .dema, .tema, .rsi, .macd, .bbands, .atr, .stoch,
                                                   .stochrsi, .adx, .cci, .roc, .mom, .willr, .obv, .mfi]
        #expect(kinds == talibKinds)
    }

    @Test func fixturesHoldTheExpectedBars() throws {
        let real = try Fixture.named("btcusd_real")
        let generated = try Fixture.named("generated")
        #expect(real.bars.count == 156)
        #expect(real.bars.first?.time == 1_327_968_000_000)  // 2012-01-31 00:00 UTC
        #expect(generated.bars.count == 3000)
        // The generated walk contains a flat, zero-volume stretch that drives the zero-range branches.
        let flat = generated.bars[1500..<1530]
        #expect(flat.allSatisfy { $0.high == $0.low && $0.open == $0.close && $0.volume == 0 })
    }
}
