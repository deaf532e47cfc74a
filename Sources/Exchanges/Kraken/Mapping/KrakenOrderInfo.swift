import TradingModel

/// One order as `OpenOrders`, `ClosedOrders` and `QueryOrders` describe it.
public struct KrakenOrderInfo: Sendable, Hashable {
    /// Kraken's order id (`OQCLML-BW3P3-BUCMWZ`).
    public var txid: String
    public var clOrdId: String?
    public var userref: Int64?
    /// `pending`, `open`, `closed`, `canceled`, `expired`.
    public var status: String
    /// Pair altname (`XBTUSD`).
    public var pair: String
    public var side: OrderSide
    /// `market`, `limit`, `stop-loss`, `take-profit`, `stop-loss-limit`, `take-profit-limit`.
    public var orderType: String
    /// `descr.price`: the limit price, or the trigger of stop-loss/take-profit.
    public var price: Fixed
    /// `descr.price2`: the limit price of stop-loss-limit/take-profit-limit.
    public var price2: Fixed
    public var volume: Fixed
    public var volumeExecuted: Fixed
    /// Quote spent or received so far.
    public var cost: Fixed
    public var fee: Fixed
    /// Unix seconds with fraction.
    public var openTime: Double
    public var closeTime: Double?
    /// Why it closed (`User requested`), when it did.
    public var reason: String?

    /// Parses one entry keyed by its txid.
    public init(txid: String, json: KrakenJSON) throws(KrakenDecodingError) {
        let descr = json["descr"] ?? .null
        guard let status = json["status"]?.string, let pair = descr["pair"]?.string, let type = descr["type"]?.string,
              let orderType = descr["ordertype"]?.string, let volume = json["vol"]?.fixed,
              let executed = json["vol_exec"]?.fixed, let opentm = json["opentm"]?.double else {
            throw KrakenDecodingError(context: "order \(txid)", field: "status/descr.pair/descr.type/descr.ordertype/vol/vol_exec/opentm", value: json)
        }
        self.txid = txid
        clOrdId = json["cl_ord_id"]?.string
        userref = json["userref"]?.int64
        self.status = status
        self.pair = pair
        side = type == "sell" ? .sell : .buy
        self.orderType = orderType
        price = descr["price"]?.fixed ?? .zero
        price2 = descr["price2"]?.fixed ?? .zero
        self.volume = volume
        volumeExecuted = executed
        cost = json["cost"]?.fixed ?? .zero
        fee = json["fee"]?.fixed ?? .zero
        openTime = opentm
        closeTime = json["closetm"]?.double
        reason = json["reason"]?.string
    }

    /// The unified order: client order id (`cl_ord_id`, else the txid), type, prices, status and fills so far.
    public func order(symbol: String) -> Order {
        let type: OrderType
        var limit: Price?
        var stop: Price?
        switch orderType {
        case "market": type = .market
        case "limit": type = .limit; limit = price
        case "stop-loss": type = .stopMarket; stop = price
        case "take-profit": type = .takeProfit; stop = price
        case "stop-loss-limit", "take-profit-limit": type = .stopLimit; stop = price; limit = price2
        default: type = .limit; limit = price
        }
        let request = OrderRequest(clientOrderId: clOrdId ?? txid, symbol: symbol, side: side, type: type,
                                   quantity: volume, limitPrice: limit, stopPrice: stop)
        let created = Int64((openTime * 1000).rounded())
        var order = Order(request: request, createdAt: created)
        order.venueOrderId = txid
        order.filledQuantity = volumeExecuted
        order.filledNotional = cost
        order.fees = fee
        order.updatedAt = closeTime.map { Int64(($0 * 1000).rounded()) } ?? created
        switch status {
        case "pending": order.status = .pendingNew
        case "open": order.status = volumeExecuted.isPositive ? .partiallyFilled : .accepted
        case "closed": order.status = volumeExecuted >= volume ? .filled : .canceled
        case "canceled": order.status = .canceled
        case "expired": order.status = .expired
        default: order.status = .accepted
        }
        return order
    }
}

/// One of the account's executions (`TradesHistory`).
public struct KrakenTradeInfo: Sendable, Hashable {
    /// Kraken's trade id (`THVRQM-33VKH-UCI7BS`), the key of the entry.
    public var tradeTxid: String
    /// The order it belongs to.
    public var orderTxid: String
    /// Pair REST key or altname (`XXBTZUSD`).
    public var pair: String
    public var side: OrderSide
    public var price: Fixed
    public var volume: Fixed
    public var cost: Fixed
    public var fee: Fixed
    /// Unix seconds with fraction.
    public var time: Double
    public var maker: Bool

    /// Parses one entry keyed by its trade id.
    public init(tradeTxid: String, json: KrakenJSON) throws(KrakenDecodingError) {
        guard let order = json["ordertxid"]?.string, let pair = json["pair"]?.string, let type = json["type"]?.string,
              let price = json["price"]?.fixed, let vol = json["vol"]?.fixed, let time = json["time"]?.double else {
            throw KrakenDecodingError(context: "trade \(tradeTxid)", field: "ordertxid/pair/type/price/vol/time", value: json)
        }
        self.tradeTxid = tradeTxid
        orderTxid = order
        self.pair = pair
        side = type == "sell" ? .sell : .buy
        self.price = price
        volume = vol
        cost = json["cost"]?.fixed ?? price * vol
        fee = json["fee"]?.fixed ?? .zero
        self.time = time
        maker = json["maker"]?.bool ?? false
    }

    /// Unix milliseconds.
    public var timeMillis: Int64 { Int64((time * 1000).rounded()) }

    /// The unified fill. Kraken's trade history documents `fee` as the total fee in quote currency, so the fill's
    /// fee asset is the quote (graphwiz never sets `oflags=fcib`; the executions stream names the asset itself).
    public func fill(symbol: String, clientOrderId: String) -> Fill {
        Fill(tradeId: tradeTxid, clientOrderId: clientOrderId, venueOrderId: orderTxid, symbol: symbol, side: side,
             price: price, quantity: volume, fee: fee, liquidity: maker ? .maker : .taker, time: timeMillis)
    }
}
