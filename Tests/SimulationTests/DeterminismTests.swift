import Testing
import TradingModel
@testable import Simulation

/// A session mixing every order type, partial fills, slippage, fees and cancels on a simulated account.
private func scriptedSession() throws -> [ExecutionEvent] {
    let config = MatchingConfig(fees: FeeModel(makerRate: d("0.0002"), takerRate: d("0.001")),
                                slippage: SlippageModel(fixedBps: 3, volumeImpact: 0.2), maxVolumeParticipation: 0.2)
    var exchange = try SimulatedExchange(
        instruments: [Fixture.instrument, Instrument(symbol: "ETH/USDT", tickSize: d("0.01"), lotSize: d("0.01"))],
        timeframe: .oneMinute, config: config)
    var events: [ExecutionEvent] = []
    var price = 100.0
    for step in 0..<200 {
        let time = Int64(step) * Fixture.minute
        // A deterministic zig-zag walk.
        let move = Double((step * 37) % 11) - 5
        let open = price
        let close = price + move * 0.3
        let bar = Bar(time: time, open: open, high: max(open, close) + 0.7, low: min(open, close) - 0.6,
                      close: close, volume: Double(50 + (step * 13) % 40))
        try exchange.process(bar, instrumentIndex: 0, events: &events)
        try exchange.process(Bar(time: time, open: open / 20, high: open / 20 + 0.2, low: open / 20 - 0.2,
                                 close: open / 20, volume: 500), instrumentIndex: 1, events: &events)
        price = close
        let after = time + Fixture.minute
        let limit = Fixed(price).rounded(toMultipleOf: d("0.01"))
        switch step % 5 {
        case 0: exchange.submit(Fixture.order("m\(step)", .buy, quantity: "15"), time: after, events: &events)
        case 1: exchange.submit(Fixture.order("l\(step)", .sell, .limit, quantity: "7", limit: (limit + 1).description),
                                time: after, events: &events)
        case 2: exchange.submit(Fixture.order("s\(step)", .sell, .stopLimit, quantity: "3",
                                              limit: (limit - 2).description, stop: (limit - 1).description),
                                time: after, events: &events)
        case 3: exchange.submit(OrderRequest(clientOrderId: "e\(step)", symbol: "ETH/USDT", side: .buy,
                                             type: .takeProfit, quantity: d("2"), stopPrice: Fixed(open / 20 - 0.1)
                                                .rounded(toMultipleOf: d("0.01"))), time: after, events: &events)
        default: exchange.cancel(clientOrderId: "l\(step - 3)", symbol: Fixture.symbol, time: after, events: &events)
        }
    }
    return events
}

@Test func sameInputsGiveTheSameEvents() throws {
    let first = try scriptedSession()
    let second = try scriptedSession()
    #expect(first == second)
    #expect(first.count > 300)
    let fills = first.compactMap { if case let .filled(fill) = $0 { return fill } else { return nil } }
    #expect(fills.map(\.tradeId) == (1...fills.count).map { "sim-t-\($0)" })
    #expect(Set(fills.map(\.liquidity)) == [.maker, .taker])
}
