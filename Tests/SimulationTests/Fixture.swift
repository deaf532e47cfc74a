import Testing
import TradingModel
@testable import Simulation

/// Shared test data: one BTC/USDT market with tick 0.01, lot 0.001, minimum notional 1, one-minute bars.
enum Fixture {
    static let symbol = "BTC/USDT"
    static let instrument = Instrument(symbol: symbol, tickSize: d("0.01"), lotSize: d("0.001"), minNotional: d("1"))
    static let minute: Int64 = 60_000

    /// Config without fees or slippage, so prices and quantities stand alone.
    static let plain = MatchingConfig(fees: .zero)

    /// Bar number `index` (open time `index` minutes).
    static func bar(_ index: Int64, _ open: Double, _ high: Double, _ low: Double, _ close: Double,
                    volume: Double = 1000) -> Bar {
        Bar(time: index * minute, open: open, high: high, low: low, close: close, volume: volume)
    }

    /// Bar 0, flat at 100: processed before the strategy's first decision.
    static let firstBar = bar(0, 100, 100, 100, 100)

    static func engine(_ config: MatchingConfig = plain) -> OrderMatchingEngine {
        OrderMatchingEngine(instrument: instrument, timeframe: .oneMinute, config: config)
    }

    static func order(_ id: String, _ side: OrderSide, _ type: OrderType = .market, quantity: String = "1",
                      limit: String? = nil, stop: String? = nil, timeInForce: TimeInForce = .gtc,
                      symbol: String = symbol) -> OrderRequest {
        OrderRequest(clientOrderId: id, symbol: symbol, side: side, type: type, quantity: d(quantity),
                     limitPrice: limit.map(d), stopPrice: stop.map(d), timeInForce: timeInForce)
    }

    /// Order `o1`.
    static func order(_ side: OrderSide, _ type: OrderType = .market, quantity: String = "1",
                      limit: String? = nil, stop: String? = nil, timeInForce: TimeInForce = .gtc,
                      symbol: String = symbol) -> OrderRequest {
        order("o1", side, type, quantity: quantity, limit: limit, stop: stop, timeInForce: timeInForce, symbol: symbol)
    }

    /// The fill event the engine should emit.
    static func fill(_ id: String, venue: String, trade: Int, _ side: OrderSide, price: String,
                     quantity: String = "1", fee: String = "0", _ liquidity: Liquidity,
                     time: Int64 = minute) -> ExecutionEvent {
        .filled(Fill(tradeId: "sim-t-\(trade)", clientOrderId: id, venueOrderId: venue, symbol: symbol, side: side,
                     price: d(price), quantity: d(quantity), fee: d(fee), liquidity: liquidity, time: time))
    }

    /// A fill of order `o1` (venue id `sim-1`).
    static func fill(trade: Int = 1, _ side: OrderSide, price: String, quantity: String = "1", fee: String = "0",
                     _ liquidity: Liquidity, time: Int64 = minute) -> ExecutionEvent {
        fill("o1", venue: "sim-1", trade: trade, side, price: price, quantity: quantity, fee: fee, liquidity,
             time: time)
    }

    /// An engine that has processed ``firstBar`` and accepted `request` at its close (events cleared).
    static func engine(after request: OrderRequest, config: MatchingConfig = plain) throws -> OrderMatchingEngine {
        var engine = engine(config)
        var events: [ExecutionEvent] = []
        try engine.process(firstBar, events: &events)
        engine.submit(request, time: minute, events: &events)
        #expect(events == [.accepted(clientOrderId: request.clientOrderId, venueOrderId: "sim-1", time: minute)])
        return engine
    }

    /// Processes `bars` and returns every event they produced.
    static func events(processing bars: [Bar], on engine: inout OrderMatchingEngine) throws -> [ExecutionEvent] {
        var events: [ExecutionEvent] = []
        for bar in bars { try engine.process(bar, events: &events) }
        return events
    }
}

/// Exact decimal literal.
func d(_ text: String) -> Fixed {
    guard let value = Fixed(text) else { preconditionFailure("bad decimal literal \(text)") }
    return value
}
