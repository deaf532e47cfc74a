import Testing
import TradingCore
import TradingModel

/// Pre-trade checks at their exact boundaries. Equity 10,000, price 100.
@Suite struct RiskEngineCheckTests {
    @Test(arguments: [
        ("10", nil as String?),            // 1000 = 0.10 x 10,000: exactly at the limit
        ("10.001", "max_position"),        // 1000.10
    ])
    func positionFractionBoundary(quantity: String, expected: String?) {
        var engine = RiskFixture.engine()
        let (code, _) = RiskFixture.code(&engine, RiskFixture.buy(quantity), RiskFixture.context(RiskFixture.portfolio()))
        #expect(code == expected)
    }

    @Test func quoteBuyIsShrunkToThePositionHeadroom() {
        var engine = RiskFixture.engine()
        var request = OrderRequest(clientOrderId: "q", symbol: "AAA/USDT", side: .buy, quantity: .zero, quoteQuantity: Fixed(5_000))
        let portfolio = RiskFixture.portfolio(holdings: [4])  // 400 already held
        #expect(engine.check(&request, context: RiskFixture.context(portfolio)) == nil)
        #expect(request.quoteQuantity == Fixed(600))
    }

    @Test func quoteBuyWithNoHeadroomLeftIsRefused() {
        var engine = RiskFixture.engine()
        let request = OrderRequest(clientOrderId: "q", symbol: "AAA/USDT", side: .buy, quantity: .zero, quoteQuantity: Fixed(100))
        let (code, _) = RiskFixture.code(&engine, request, RiskFixture.context(RiskFixture.portfolio(holdings: [9.96])))
        #expect(code == "max_position")  // 4 left, below the 5 minimum notional
    }

    @Test(arguments: [("10", nil as String?), ("10.001", "max_gross_exposure")])
    func grossExposureBoundary(quantity: String, expected: String?) {
        // 40 AAA held (4,000); gross cap 0.5 x 10,000 = 5,000 leaves exactly 1,000 for BBB.
        var engine = RiskFixture.engine { $0.maxPositionFraction = 1; $0.maxGrossExposure = 0.5 }
        let portfolio = RiskFixture.portfolio(["AAA/USDT", "BBB/USDT"], holdings: [40])
        let (code, _) = RiskFixture.code(&engine, RiskFixture.buy(quantity, symbol: "BBB/USDT"),
                                         RiskFixture.context(portfolio, instrument: 1))
        #expect(code == expected)
    }

    @Test(arguments: [(0, nil as String?), (1, "max_open_positions")])
    func openPositionsBoundary(instrument: Int, expected: String?) {
        // One position open (AAA), limit 1: adding to AAA passes, opening BBB does not.
        var engine = RiskFixture.engine { $0.maxOpenPositions = 1 }
        let portfolio = RiskFixture.portfolio(["AAA/USDT", "BBB/USDT"], holdings: [1])
        let symbol = portfolio.instruments[instrument].symbol
        let (code, _) = RiskFixture.code(&engine, RiskFixture.buy("1", symbol: symbol),
                                         RiskFixture.context(portfolio, instrument: instrument))
        #expect(code == expected)
    }

    @Test(arguments: [
        ("105", nil as String?), ("105.01", "price_band"), ("95", nil), ("94.99", "price_band"),
    ])
    func fatFingerBandAgainstTheLastPrice(limit: String, expected: String?) {
        var engine = RiskFixture.engine()
        let (code, _) = RiskFixture.code(&engine, RiskFixture.buy("1", limit: limit), RiskFixture.context(RiskFixture.portfolio()))
        #expect(code == expected)
    }

    @Test func ordersPerSecondLimitResetsInTheNextSecond() {
        var engine = RiskFixture.engine { $0.maxOrdersPerSecond = 2 }
        let portfolio = RiskFixture.portfolio()
        var codes: [String?] = []
        for time in [RiskFixture.t0, RiskFixture.t0 + 999, RiskFixture.t0 + 500, RiskFixture.t0 + 1_000] {
            codes.append(RiskFixture.code(&engine, RiskFixture.buy("0.1"), RiskFixture.context(portfolio, time: time)).0)
        }
        #expect(codes == [nil, nil, "rate_limit_second", nil])
    }

    @Test func ordersPerDayLimitStillAllowsExitsAndResetsAtUTCMidnight() {
        var engine = RiskFixture.engine { $0.maxOrdersPerDay = 2 }
        let portfolio = RiskFixture.portfolio(holdings: [1])
        let t = RiskFixture.t0
        var codes: [String?] = []
        codes.append(RiskFixture.code(&engine, RiskFixture.buy("0.1"), RiskFixture.context(portfolio, time: t)).0)
        codes.append(RiskFixture.code(&engine, RiskFixture.buy("0.1"), RiskFixture.context(portfolio, time: t + 2_000)).0)
        codes.append(RiskFixture.code(&engine, RiskFixture.buy("0.1"), RiskFixture.context(portfolio, time: t + 4_000)).0)
        codes.append(RiskFixture.code(&engine, RiskFixture.sell("0.5"), RiskFixture.context(portfolio, time: t + 6_000)).0)
        codes.append(RiskFixture.code(&engine, RiskFixture.buy("0.1"), RiskFixture.context(portfolio, time: t + RiskFixture.day)).0)
        #expect(codes == [nil, nil, "rate_limit_day", nil, nil])
    }

    @Test(arguments: [("100", nil as String?), ("100.001", "insufficient_balance")])
    func freeBalanceBoundary(quantity: String, expected: String?) {
        var engine = RiskFixture.engine { $0.maxPositionFraction = 1 }
        let (code, _) = RiskFixture.code(&engine, RiskFixture.buy(quantity), RiskFixture.context(RiskFixture.portfolio()))
        #expect(code == expected)
    }

    @Test(arguments: [("0.049", "instrument_rules"), ("0.0505", nil as String?)])
    func minimumNotionalAndLotGridComeFromTheBasicChecks(quantity: String, expected: String?) {
        var engine = RiskFixture.engine()
        let (code, request) = RiskFixture.code(&engine, RiskFixture.buy(quantity), RiskFixture.context(RiskFixture.portfolio()))
        #expect(code == expected)
        if expected == nil { #expect(request.quantity == Fixed("0.05")!) }  // 0.0505 rounded down to the lot grid
    }

    /// Feeds both instruments the same return path (rho = +1) or mirrored paths (rho = -1).
    private func correlated(_ mirrored: Bool) -> (RiskEngine, Portfolio) {
        var engine = RiskFixture.engine { $0.maxPositionFraction = 1; $0.correlationWindow = 5 }
        var portfolio = RiskFixture.portfolio(["AAA/USDT", "BBB/USDT"], holdings: [20])
        var actions: [RiskAction] = []
        let moves = [100.0, 101, 99, 102, 100, 100]
        for (k, a) in moves.enumerated() {
            let b = mirrored ? 200 - a : a
            let time = RiskFixture.t0 + Int64(k) * 3_600_000
            portfolio.mark(0, price: a)
            engine.evaluate(RiskFixture.bar(portfolio, instrument: 0, time: time), actions: &actions)
            portfolio.mark(1, price: b)
            engine.evaluate(RiskFixture.bar(portfolio, instrument: 1, time: time), actions: &actions)
        }
        #expect(actions.isEmpty)
        return (engine, portfolio)
    }

    @Test(arguments: [("10", nil as String?), ("10.001", "correlation_limit")])
    func correlatedExposureCapBoundary(quantity: String, expected: String?) {
        // AAA held worth 2,000; cap 0.30 x 10,000 = 3,000 leaves exactly 1,000 for the correlated BBB.
        var (engine, portfolio) = correlated(false)
        let (code, _) = RiskFixture.code(&engine, RiskFixture.buy(quantity, symbol: "BBB/USDT"),
                                         RiskFixture.context(portfolio, instrument: 1))
        #expect(code == expected)
    }

    @Test func uncorrelatedInstrumentIsNotCappedTogether() {
        var (engine, portfolio) = correlated(true)
        let (code, _) = RiskFixture.code(&engine, RiskFixture.buy("30", symbol: "BBB/USDT"),
                                         RiskFixture.context(portfolio, instrument: 1))
        #expect(code == nil)
    }

    @Test(arguments: [
        // state, request, expected code
        (TradingState.active, RiskFixture.buy("1"), nil as String?),
        (.active, RiskFixture.sell("1"), nil),
        (.reducing, RiskFixture.buy("1"), "reducing_only"),
        (.reducing, RiskFixture.sell("1"), nil),
        (.reducing, RiskFixture.sell("2"), nil),  // the whole position
        (.halted, RiskFixture.buy("1"), "halted"),
        (.halted, RiskFixture.sell("1"), "halted"),
        (.halted, RiskFixture.sell("1", reduceOnly: true), "halted"),
        (.halted, RiskFixture.sell("2", reduceOnly: true, tag: RiskEngine.flattenTag), nil),
    ])
    func whatEachTradingStateLetsThrough(state: TradingState, request: OrderRequest, expected: String?) {
        var engine = RiskFixture.engine(state: state)
        let (code, _) = RiskFixture.code(&engine, request, RiskFixture.context(RiskFixture.portfolio(holdings: [2])))
        #expect(code == expected)
    }

    @Test func rejectionCarriesCodeAndHumanSentence() {
        var engine = RiskFixture.engine()
        var request = RiskFixture.buy("10.001")
        let rejection = engine.check(&request, context: RiskFixture.context(RiskFixture.portfolio()))
        #expect(rejection == RiskRejection(
            code: "max_position",
            message: "buy 10.001 AAA/USDT worth 1000.1 USDT exceeds the headroom 1000: max_position_fraction 0.1 of equity 10000 allows 1000 USDT in AAA/USDT, 0 is already used",
            clientOrderId: "o1", symbol: "AAA/USDT", time: RiskFixture.t0))
    }
}
