import TradingCore
import TradingModel

/// Fills, orders and bars for protective-exit tests: AAA/USDT, tick 0.01, entries of 10 at 100 with a 0.1% fee.
enum ExitFixture {
    static let t0 = RiskFixture.t0
    static let hour: Int64 = 3_600_000
    static let instruments = [RiskFixture.instrument("AAA/USDT")]

    static func bar(_ index: Int64, _ open: Double, _ high: Double, _ low: Double, _ close: Double) -> Bar {
        Bar(time: t0 + index * hour, open: open, high: high, low: low, close: close, volume: 1_000)
    }

    /// An order `id` completely filled by `fill`.
    static func filled(_ request: OrderRequest, _ fill: Fill) -> Order {
        var order = Order(request: request, createdAt: fill.time)
        order.record(fillPrice: fill.price, quantity: fill.quantity, fee: fill.fee, time: fill.time)
        order.status = .filled
        return order
    }

    static func fill(_ id: String, side: OrderSide, price: String, quantity: String = "10", time: Int64) -> Fill {
        let p = Fixed(price)!, q = Fixed(quantity)!
        return Fill(tradeId: "t-\(id)", clientOrderId: id, venueOrderId: "v-\(id)", symbol: "AAA/USDT", side: side,
                    price: p, quantity: q, fee: p * q * Fixed("0.001")!, liquidity: .taker, time: time)
    }

    /// A long entry of 10 at 100 (bar 1's open) through `exits`; returns the actions it produced.
    static func enterLong(_ exits: inout ProtectiveExits, ids: inout ClientOrderIdSequence) -> [ProtectiveExits.Action] {
        var actions: [ProtectiveExits.Action] = []
        let request = OrderRequest(clientOrderId: "e1", symbol: "AAA/USDT", side: .buy, quantity: Fixed(10))
        let fill = fill("e1", side: .buy, price: "100", time: t0 + hour)
        exits.onFill(fill, order: filled(request, fill), instrument: 0, before: .zero, after: Fixed(10),
                     entryPrice: Fixed(100), ids: &ids, actions: &actions)
        return actions
    }

    static func stop(_ id: String, _ level: String, reason: ExitReason = .stopLoss, group: String = "oco:e1") -> ProtectiveExits.Action {
        .submit(OrderRequest(clientOrderId: id, symbol: "AAA/USDT", side: .sell, type: .stopMarket, quantity: Fixed(10),
                             stopPrice: Fixed(level)!, reduceOnly: true, tag: reason.tag, ocoGroup: group), instrument: 0)
    }

    static func takeProfit(_ id: String, _ level: String) -> ProtectiveExits.Action {
        .submit(OrderRequest(clientOrderId: id, symbol: "AAA/USDT", side: .sell, type: .takeProfit, quantity: Fixed(10),
                             stopPrice: Fixed(level)!, reduceOnly: true, tag: ExitReason.takeProfit.tag, ocoGroup: "oco:e1"),
                instrument: 0)
    }

    static func marketExit(_ id: String, _ reason: ExitReason) -> ProtectiveExits.Action {
        .submit(OrderRequest(clientOrderId: id, symbol: "AAA/USDT", side: .sell, type: .market, quantity: Fixed(10),
                             reduceOnly: true, tag: reason.tag), instrument: 0)
    }
}
