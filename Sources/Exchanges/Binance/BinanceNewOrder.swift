import TradingCore
import TradingModel

/// Binance spot order types.
public enum BinanceOrderType: String, Sendable, Hashable, CaseIterable {
    case market = "MARKET"
    case limit = "LIMIT"
    case stopLoss = "STOP_LOSS"
    case stopLossLimit = "STOP_LOSS_LIMIT"
    case takeProfit = "TAKE_PROFIT"
    case takeProfitLimit = "TAKE_PROFIT_LIMIT"
    case limitMaker = "LIMIT_MAKER"
}

/// The parameters of `POST /api/v3/order`, checked for the combination each type needs.
public struct BinanceNewOrder: Sendable, Hashable {
    /// Venue symbol, e.g. `BTCUSDT`.
    public var symbol: String
    /// Buy or sell.
    public var side: OrderSide
    /// Order type.
    public var type: BinanceOrderType
    /// Base quantity (not with `quoteOrderQty`).
    public var quantity: Quantity?
    /// Quote amount to spend or receive, MARKET only.
    public var quoteOrderQty: Money?
    /// Limit price.
    public var price: Price?
    /// Trigger price.
    public var stopPrice: Price?
    /// GTC, IOC or FOK for the limit types that take one.
    public var timeInForce: TimeInForce?
    /// Client order id (`newClientOrderId`).
    public var clientOrderId: String

    /// Creates an order.
    public init(symbol: String, side: OrderSide, type: BinanceOrderType, quantity: Quantity? = nil,
                quoteOrderQty: Money? = nil, price: Price? = nil, stopPrice: Price? = nil,
                timeInForce: TimeInForce? = nil, clientOrderId: String) {
        self.symbol = symbol
        self.side = side
        self.type = type
        self.quantity = quantity
        self.quoteOrderQty = quoteOrderQty
        self.price = price
        self.stopPrice = stopPrice
        self.timeInForce = timeInForce
        self.clientOrderId = clientOrderId
    }

    /// The Binance order for a unified ``OrderRequest`` on venue symbol `symbol`.
    public init(_ request: OrderRequest, venueSymbol symbol: String) {
        let type: BinanceOrderType
        switch request.type {
        case .market: type = .market
        case .limit: type = .limit
        case .stopMarket: type = .stopLoss
        case .stopLimit: type = .stopLossLimit
        case .takeProfit: type = request.limitPrice == nil ? .takeProfit : .takeProfitLimit
        }
        let useQuote = request.type == .market && request.quoteQuantity != nil
        self.init(symbol: symbol, side: request.side, type: type,
                  quantity: useQuote ? nil : request.quantity, quoteOrderQty: useQuote ? request.quoteQuantity : nil,
                  price: request.limitPrice, stopPrice: request.stopPrice,
                  timeInForce: request.type == .limit || request.type == .stopLimit || type == .takeProfitLimit
                      ? request.timeInForce : nil,
                  clientOrderId: request.clientOrderId)
    }

    /// Why the parameters do not fit the type, or nil.
    public func problem() -> String? {
        let needsPrice: Bool, needsStop: Bool, needsTIF: Bool
        switch type {
        case .market: needsPrice = false; needsStop = false; needsTIF = false
        case .limit: needsPrice = true; needsStop = false; needsTIF = true
        case .stopLoss, .takeProfit: needsPrice = false; needsStop = true; needsTIF = false
        case .stopLossLimit, .takeProfitLimit: needsPrice = true; needsStop = true; needsTIF = true
        case .limitMaker: needsPrice = true; needsStop = false; needsTIF = false
        }
        if quoteOrderQty != nil {
            if type != .market { return "\(type.rawValue): quoteOrderQty is only allowed on MARKET orders" }
            if quantity != nil { return "MARKET: give quantity or quoteOrderQty, not both" }
            if !(quoteOrderQty!.isPositive) { return "MARKET: quoteOrderQty must be positive, got \(quoteOrderQty!)" }
        } else {
            guard let quantity, quantity.isPositive else {
                return "\(type.rawValue): quantity must be positive, got \(quantity.map { "\($0)" } ?? "none")"
            }
        }
        if needsPrice, !(price?.isPositive ?? false) { return "\(type.rawValue): needs a positive price" }
        if needsStop, !(stopPrice?.isPositive ?? false) { return "\(type.rawValue): needs a positive stopPrice" }
        if needsTIF, timeInForce == nil { return "\(type.rawValue): needs timeInForce (GTC, IOC or FOK)" }
        if clientOrderId.isEmpty || clientOrderId.count > 36 {
            return "newClientOrderId must be 1 to 36 characters, got \(clientOrderId.count)"
        }
        return nil
    }

    /// The request parameters in Binance's order.
    public var parameters: [(String, String)] {
        var p: [(String, String)] = [("symbol", symbol), ("side", side == .buy ? "BUY" : "SELL"), ("type", type.rawValue)]
        if let timeInForce { p.append(("timeInForce", timeInForce.rawValue.uppercased())) }
        if let quantity { p.append(("quantity", quantity.description)) }
        if let quoteOrderQty { p.append(("quoteOrderQty", quoteOrderQty.description)) }
        if let price { p.append(("price", price.description)) }
        if let stopPrice { p.append(("stopPrice", stopPrice.description)) }
        p.append(("newClientOrderId", clientOrderId))
        p.append(("newOrderRespType", "FULL"))
        return p
    }
}
