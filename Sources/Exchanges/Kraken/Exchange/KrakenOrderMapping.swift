import TradingCore
import TradingModel

/// Unified order requests in Kraken's terms.
public enum KrakenOrderMapping {
    /// The AddOrder parameters for `request` on `pair` (altname), or the reason Kraken spot cannot take it.
    public static func parameters(for request: OrderRequest, pair: String) -> Result<KrakenOrderParameters, RejectReason> {
        if let problem = request.validateShape() { return .failure(RejectReason(text: problem)) }
        var p = KrakenOrderParameters(pair: pair, side: request.side, orderType: "market", volume: request.quantity,
                                      clOrdId: request.clientOrderId, userref: userref(for: request.clientOrderId))
        switch request.type {
        case .market:
            if let quote = request.quoteQuantity {
                guard request.side == .buy else { return .failure(RejectReason(text: "a quote quantity is only supported for market buys")) }
                p.volume = quote
                p.oflags = ["viqc"]
            }
        case .limit:
            p.orderType = "limit"
            p.price = request.limitPrice
        case .stopMarket:
            p.orderType = "stop-loss"
            p.price = request.stopPrice
        case .takeProfit:
            p.orderType = "take-profit"
            p.price = request.stopPrice
        case .stopLimit:
            p.orderType = "stop-loss-limit"
            p.price = request.stopPrice
            p.price2 = request.limitPrice
        }
        switch request.timeInForce {
        case .gtc: break
        case .ioc: p.timeInForce = "IOC"
        case .fok: return .failure(RejectReason(text: "Kraken spot has no fill-or-kill time in force; use gtc or ioc"))
        }
        guard p.volume.isPositive else { return .failure(RejectReason(text: "quantity \(p.volume) must be positive")) }
        return .success(p)
    }

    /// A stable 31-bit user reference derived from the client order id (FNV-1a), so orders can also be
    /// found by `userref`.
    public static func userref(for clientOrderId: String) -> Int32 {
        var hash: UInt32 = 2_166_136_261
        for byte in clientOrderId.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int32(bitPattern: hash & 0x7FFF_FFFF)
    }

    /// Why an order cannot be sent.
    public struct RejectReason: Error, Sendable, Hashable {
        public var text: String
    }
}
