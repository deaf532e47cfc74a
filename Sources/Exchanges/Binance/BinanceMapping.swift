import TradingCore
import TradingModel

/// Converts Binance wire values to the unified model.
public enum BinanceMapping {
    /// Parses a decimal string field, naming the field in the error.
    public static func decimal(_ text: String, field: String) throws -> Fixed {
        guard let value = Fixed(text) else {
            throw ExchangeError(kind: .unknown, venue: "binance",
                                message: "field \(field): '\(text)' is not a decimal number")
        }
        return value
    }

    /// The unified instrument of one exchangeInfo market: PRICE_FILTER tickSize, LOT_SIZE stepSize and minQty,
    /// MIN_NOTIONAL or NOTIONAL minNotional.
    public static func instrument(_ info: BinanceWire.SymbolInfo) throws -> Instrument {
        var tick = Fixed.zero, step = Fixed.zero, minQty = Fixed.zero, minNotional = Fixed.zero
        for filter in info.filters {
            switch filter.filterType {
            case "PRICE_FILTER":
                if let text = filter.tickSize { tick = try decimal(text, field: "\(info.symbol).PRICE_FILTER.tickSize") }
            case "LOT_SIZE":
                if let text = filter.stepSize { step = try decimal(text, field: "\(info.symbol).LOT_SIZE.stepSize") }
                if let text = filter.minQty { minQty = try decimal(text, field: "\(info.symbol).LOT_SIZE.minQty") }
            case "MIN_NOTIONAL", "NOTIONAL":
                if let text = filter.minNotional {
                    let value = try decimal(text, field: "\(info.symbol).\(filter.filterType).minNotional")
                    minNotional = max(minNotional, value)
                }
            default: break
            }
        }
        let symbol = SymbolMap.unified(base: info.baseAsset, quote: info.quoteAsset)
        return Instrument(symbol: symbol, tickSize: tick, lotSize: step, minQuantity: minQty.isZero ? step : minQty,
                          minNotional: minNotional)
    }

    /// The symbol map of an exchangeInfo answer.
    public static func symbolMap(_ info: BinanceWire.ExchangeInfo) -> SymbolMap {
        SymbolMap(markets: info.symbols.map { ($0.baseAsset, $0.quoteAsset, $0.symbol) })
    }

    /// The unified status of a Binance order status.
    public static func status(_ text: String) -> OrderStatus {
        switch text {
        case "NEW", "PENDING_NEW", "PENDING_CANCEL": return .accepted
        case "PARTIALLY_FILLED": return .partiallyFilled
        case "FILLED": return .filled
        case "CANCELED": return .canceled
        case "REJECTED": return .rejected
        case "EXPIRED", "EXPIRED_IN_MATCH": return .expired
        default: return .accepted
        }
    }

    /// The unified side.
    public static func side(_ text: String) -> OrderSide { text == "SELL" ? .sell : .buy }

    /// The unified order type of a Binance type.
    public static func orderType(_ text: String) -> OrderType {
        switch text {
        case "MARKET": return .market
        case "STOP_LOSS": return .stopMarket
        case "STOP_LOSS_LIMIT": return .stopLimit
        case "TAKE_PROFIT", "TAKE_PROFIT_LIMIT": return .takeProfit
        default: return .limit
        }
    }

    /// The unified order of a Binance order.
    public static func order(_ wire: BinanceWire.Order, symbol: String) throws -> Order {
        let price = try decimal(wire.price, field: "order.price")
        let stop = try wire.stopPrice.map { try decimal($0, field: "order.stopPrice") }
        let quote = try wire.origQuoteOrderQty.map { try decimal($0, field: "order.origQuoteOrderQty") }
        let request = OrderRequest(
            clientOrderId: wire.origClientOrderId ?? wire.clientOrderId, symbol: symbol, side: side(wire.side),
            type: orderType(wire.type), quantity: try decimal(wire.origQty, field: "order.origQty"),
            quoteQuantity: (quote?.isPositive ?? false) ? quote : nil,
            limitPrice: price.isPositive ? price : nil, stopPrice: (stop?.isPositive ?? false) ? stop : nil,
            timeInForce: TimeInForce(rawValue: (wire.timeInForce ?? "GTC").lowercased()) ?? .gtc)
        let created = wire.time ?? wire.transactTime ?? 0
        var order = Order(request: request, createdAt: created)
        order.venueOrderId = String(wire.orderId)
        order.status = status(wire.status)
        order.filledQuantity = try decimal(wire.executedQty, field: "order.executedQty")
        order.filledNotional = try decimal(wire.cummulativeQuoteQty, field: "order.cummulativeQuoteQty")
        order.updatedAt = wire.updateTime ?? wire.transactTime ?? created
        return order
    }

    /// The unified balance list (zero balances dropped).
    public static func balances(_ account: BinanceWire.Account) throws -> [Balance] {
        try account.balances.compactMap { item in
            let free = try decimal(item.free, field: "balances.\(item.asset).free")
            let locked = try decimal(item.locked, field: "balances.\(item.asset).locked")
            return free.isZero && locked.isZero ? nil : Balance(asset: item.asset, free: free, locked: locked)
        }
    }

    /// A unified bar of a kline.
    public static func bar(_ kline: BinanceWire.Kline) throws -> Bar {
        func number(_ text: String, _ field: String) throws -> Double {
            guard let value = Double(text), value.isFinite else {
                throw ExchangeError(kind: .unknown, venue: "binance", message: "kline \(kline.openTime) \(field): '\(text)' is not a number")
            }
            return value
        }
        return Bar(time: kline.openTime, open: try number(kline.open, "open"), high: try number(kline.high, "high"),
                   low: try number(kline.low, "low"), close: try number(kline.close, "close"),
                   volume: try number(kline.volume, "volume"))
    }
}
