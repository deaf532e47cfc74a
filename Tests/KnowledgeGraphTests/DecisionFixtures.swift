import Foundation
import KnowledgeGraph
import TradingCore
import TradingModel

/// A small run: a filled buy (bt-1), a filled sell that closes it (bt-2), a refused signal (bt-3) and a
/// placed order the venue rejected (bt-4).
enum DecisionFixtures {
    static func filledOrder(_ id: String, side: OrderSide, tag: String, time: Int64, price: Fixed) -> Order {
        var order = Order(request: OrderRequest(clientOrderId: id, symbol: "BTCUSDT", side: side, quantity: Fixed(2),
                                                tag: tag), createdAt: time)
        order.status = .filled
        order.filledQuantity = Fixed(2)
        order.filledNotional = price * Fixed(2)
        order.fees = Fixed(raw: 25_000_000)
        order.updatedAt = time + 60_000
        return order
    }

    static func trade() throws -> ClosedTrade {
        let json = """
            {"symbol":"BTCUSDT","side":"buy","entryTime":1000,"exitTime":5000,"entryPrice":100,"exitPrice":110.5,
             "quantity":2,"pnl":20.5,"fee":0.5,"entryOrderId":"bt-1","exitOrderId":"bt-2","returnFraction":0.1025,
             "bars":4}
            """
        return try JSONDecoder().decode(ClosedTrade.self, from: Data(json.utf8))
    }

    static func input() throws -> DecisionGraphInput {
        var rejectedAtVenue = Order(request: OrderRequest(clientOrderId: "bt-4", symbol: "BTCUSDT", side: .buy,
                                                          quantity: Fixed(1), tag: "entry"), createdAt: 7000)
        rejectedAtVenue.status = .rejected
        return DecisionGraphInput(
            runId: "bt", strategy: "sma_cross", parameters: ParameterValues(["fast": .int(10), "slow": .int(30)]),
            orders: [filledOrder("bt-1", side: .buy, tag: "golden_cross", time: 1000, price: Fixed(100)),
                     filledOrder("bt-2", side: .sell, tag: "death_cross", time: 5000, price: Fixed(raw: 11_050_000_000)),
                     rejectedAtVenue],
            rejections: [
                RiskRejection(code: "max_position", message: "position would exceed 1 BTC", clientOrderId: "bt-3",
                              symbol: "BTCUSDT", time: 6000),
                RiskRejection(code: "venue_rejected", message: "insufficient balance", clientOrderId: "bt-4",
                              symbol: "BTCUSDT", time: 7000),
            ],
            trades: [try trade()])
    }
}
