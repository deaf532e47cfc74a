import Testing
import TradingCore
import TradingModel

@Suite struct ProtectiveExitsTests {
    typealias F = ExitFixture

    private func exits(_ policy: ProtectiveExitPolicy, venue: VenueCapabilities = .simulated) -> ProtectiveExits {
        ProtectiveExits(policy: policy, instruments: F.instruments, capabilities: venue)
    }

    @Test func entryPlacesStopAndTakeProfitAsOneOCOGroup() {
        var e = exits(ProtectiveExitPolicy(stopLoss: .percent(0.02), takeProfit: .percent(0.04)))
        var ids = ClientOrderIdSequence(prefix: "k")
        #expect(F.enterLong(&e, ids: &ids) == [F.stop("k-1", "98"), F.takeProfit("k-2", "104")])
        #expect(e.venueHeld)
    }

    @Test(arguments: [
        (ExitDistance.price(95.5), "95.5"), (.percent(0.025), "97.5"),
    ])
    func stopLossLevels(spec: ExitDistance, level: String) {
        var e = exits(ProtectiveExitPolicy(stopLoss: spec))
        var ids = ClientOrderIdSequence(prefix: "k")
        #expect(F.enterLong(&e, ids: &ids) == [F.stop("k-1", level)])
        #expect(e.stopLevel(0) == Fixed(level)!)
    }

    @Test func atrStopUsesTheATRAtEntry() {
        var e = exits(ProtectiveExitPolicy(stopLoss: .atr(2), atrPeriod: 2))
        var ids = ClientOrderIdSequence(prefix: "k")
        var actions: [ProtectiveExits.Action] = []
        // True ranges 4 and 2 after the first bar (Wilder with period 2 seeds with their mean): ATR 3.
        e.onBar(F.bar(-3, 100, 100, 100, 100), instrument: 0, ids: &ids, actions: &actions)
        e.onBar(F.bar(-2, 100, 102, 98, 100), instrument: 0, ids: &ids, actions: &actions)
        e.onBar(F.bar(-1, 100, 101, 99, 100), instrument: 0, ids: &ids, actions: &actions)
        #expect(e.averageTrueRange(0) == 3)
        #expect(F.enterLong(&e, ids: &ids) == [F.stop("k-1", "94")])
    }

    @Test func trailingStopCancelsAndReplacesAsTheHighRises() {
        var e = exits(ProtectiveExitPolicy(stopLoss: .percent(0.02), trailingStop: .percent(0.05)))
        var ids = ClientOrderIdSequence(prefix: "k")
        #expect(F.enterLong(&e, ids: &ids) == [F.stop("k-1", "98")])
        var actions: [ProtectiveExits.Action] = []
        e.onBar(F.bar(2, 100, 102, 99, 101), instrument: 0, ids: &ids, actions: &actions)
        #expect(actions.isEmpty)  // 102 x 0.95 = 96.9 is below the stop-loss
        e.onBar(F.bar(3, 101, 110, 100, 108), instrument: 0, ids: &ids, actions: &actions)
        #expect(actions == [.cancel(clientOrderId: "k-1", instrument: 0), F.stop("k-2", "104.5", reason: .trailingStop)])
        actions.removeAll()
        e.onBar(F.bar(4, 108, 109, 105, 106), instrument: 0, ids: &ids, actions: &actions)
        #expect(actions.isEmpty)  // a lower high never loosens the stop
        #expect(e.stopLevel(0) == Fixed("104.5")!)
    }

    @Test func breakEvenMovesTheStopToEntryPlusFees() {
        var e = exits(ProtectiveExitPolicy(stopLoss: .percent(0.02), breakEven: .percent(0.01)))
        var ids = ClientOrderIdSequence(prefix: "k")
        _ = F.enterLong(&e, ids: &ids)
        var actions: [ProtectiveExits.Action] = []
        e.onBar(F.bar(2, 100, 100.99, 99, 100.5), instrument: 0, ids: &ids, actions: &actions)
        #expect(actions.isEmpty)  // +0.99 is short of +1%
        e.onBar(F.bar(3, 100.5, 101, 100, 100.5), instrument: 0, ids: &ids, actions: &actions)
        // 100 x 1.001 / 0.999 = 100.2002..., rounded up onto the tick.
        #expect(actions == [.cancel(clientOrderId: "k-1", instrument: 0), F.stop("k-2", "100.21")])
    }

    @Test(arguments: [(TimeStop.bars(2), Int64(3)), (TimeStop.duration(3 * 3_600_000), Int64(4))])
    func timeStopClosesAtMarket(stop: TimeStop, dueAtBar: Int64) {
        var e = exits(ProtectiveExitPolicy(stopLoss: .percent(0.02), timeStop: stop))
        var ids = ClientOrderIdSequence(prefix: "k")
        _ = F.enterLong(&e, ids: &ids)
        var actions: [ProtectiveExits.Action] = []
        for index in 1..<dueAtBar {
            e.onBar(F.bar(index, 100, 100, 100, 100), instrument: 0, ids: &ids, actions: &actions)
        }
        #expect(actions.isEmpty)
        e.onBar(F.bar(dueAtBar, 100, 100, 100, 100), instrument: 0, ids: &ids, actions: &actions)
        #expect(actions == [.cancel(clientOrderId: "k-1", instrument: 0), F.marketExit("k-2", .timeStop)])
    }

    @Test func emulatedStopTriggersOnAGapAndRecordsTheExit() {
        var e = exits(ProtectiveExitPolicy(stopLoss: .percent(0.02)), venue: .none)
        var ids = ClientOrderIdSequence(prefix: "k")
        #expect(F.enterLong(&e, ids: &ids).isEmpty)
        #expect(!e.venueHeld)
        var actions: [ProtectiveExits.Action] = []
        e.onBar(F.bar(1, 100, 100, 90, 99), instrument: 0, ids: &ids, actions: &actions)
        #expect(actions.isEmpty)  // the entry bar itself cannot trigger
        e.onBar(F.bar(2, 97, 97.5, 96, 96.5), instrument: 0, ids: &ids, actions: &actions)
        #expect(actions == [F.marketExit("k-1", .stopLoss)])
        let request = OrderRequest(clientOrderId: "k-1", symbol: "AAA/USDT", side: .sell, quantity: Fixed(10),
                                   reduceOnly: true, tag: ExitReason.stopLoss.tag)
        let fill = F.fill("k-1", side: .sell, price: "96.5", time: F.t0 + 3 * F.hour)
        actions.removeAll()
        let reason = e.onFill(fill, order: F.filled(request, fill), instrument: 0, before: Fixed(10), after: .zero,
                              entryPrice: .zero, ids: &ids, actions: &actions)
        #expect(reason == .stopLoss)
        #expect(e.records == [ProtectiveExitRecord(time: F.t0 + 3 * F.hour, symbol: "AAA/USDT", reason: .stopLoss,
                                                   clientOrderId: "k-1", side: .sell, quantity: Fixed(10),
                                                   triggerPrice: Fixed(98), fillPrice: Fixed("96.5")!, breakEven: false,
                                                   emulated: true)])
        #expect(e.stopLevel(0) == nil)
    }

    @Test(arguments: [
        (ExitFixture.bar(2, 101, 105, 97, 100), ExitReason.stopLoss), (ExitFixture.bar(2, 101, 105, 99, 104), .takeProfit),
        (ExitFixture.bar(2, 105, 105, 105, 105), .takeProfit),
    ])
    func emulatedTriggersFollowTheMatchingRulesAndTheStopWinsATie(bar: Bar, reason: ExitReason) {
        var e = exits(ProtectiveExitPolicy(stopLoss: .percent(0.02), takeProfit: .percent(0.04)), venue: .none)
        var ids = ClientOrderIdSequence(prefix: "k")
        _ = F.enterLong(&e, ids: &ids)
        var actions: [ProtectiveExits.Action] = []
        e.onBar(bar, instrument: 0, ids: &ids, actions: &actions)
        #expect(actions == [F.marketExit("k-1", reason)])
    }

    @Test func flatPositionCancelsTheOtherLeg() {
        var e = exits(ProtectiveExitPolicy(stopLoss: .percent(0.02), takeProfit: .percent(0.04)))
        var ids = ClientOrderIdSequence(prefix: "k")
        _ = F.enterLong(&e, ids: &ids)
        let request = OrderRequest(clientOrderId: "k-2", symbol: "AAA/USDT", side: .sell, type: .takeProfit,
                                   quantity: Fixed(10), stopPrice: Fixed(104), reduceOnly: true,
                                   tag: ExitReason.takeProfit.tag, ocoGroup: "oco:e1")
        let fill = F.fill("k-2", side: .sell, price: "104", time: F.t0 + 2 * F.hour)
        var actions: [ProtectiveExits.Action] = []
        let reason = e.onFill(fill, order: F.filled(request, fill), instrument: 0, before: Fixed(10), after: .zero,
                              entryPrice: .zero, ids: &ids, actions: &actions)
        #expect(reason == .takeProfit)
        #expect(actions == [.cancel(clientOrderId: "k-1", instrument: 0)])
        #expect(e.records.map(\.triggerPrice) == [Fixed(104)])
        #expect(e.records.map(\.emulated) == [false])
    }

    @Test func anExitCanceledBySomeoneElseIsNotReplaced() {
        var e = exits(ProtectiveExitPolicy(trailingStop: .percent(0.05)))
        var ids = ClientOrderIdSequence(prefix: "k")
        #expect(F.enterLong(&e, ids: &ids) == [F.stop("k-1", "95", reason: .trailingStop)])
        e.onOrderEnded(clientOrderId: "k-1", instrument: 0)
        var actions: [ProtectiveExits.Action] = []
        e.onBar(F.bar(2, 100, 120, 100, 118), instrument: 0, ids: &ids, actions: &actions)
        #expect(actions.isEmpty)
    }

    @Test(arguments: [
        (VenueCapabilities.simulated, true), (.none, false),
        (VenueCapabilities(stopOrders: true, takeProfitOrders: true, oco: false), false),
    ])
    func venueHoldsStopAndTakeProfitOnlyWithOCO(venue: VenueCapabilities, held: Bool) {
        let policy = ProtectiveExitPolicy(stopLoss: .percent(0.02), takeProfit: .percent(0.04))
        #expect(venue.holds(policy) == held)
        #expect(VenueCapabilities(stopOrders: true, takeProfitOrders: false, oco: false).holds(ProtectiveExitPolicy(stopLoss: .percent(0.02))))
    }
}
