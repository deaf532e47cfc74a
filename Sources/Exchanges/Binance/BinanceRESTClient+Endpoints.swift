import TradingCore
import TradingModel

extension BinanceRESTClient {
    /// Binance's kline intervals.
    public static let klineIntervals: Set<String> = [
        "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w",
    ]

    /// The venue's clock in Unix ms.
    public func serverTime() async throws -> Int64 {
        try await request(BinanceWire.ServerTime.self, .time).serverTime
    }

    /// Klines of a venue symbol, oldest first, at most `limit` (≤ 1000).
    public func klines(symbol: String, interval: String, startTime: Int64? = nil, endTime: Int64? = nil,
                       limit: Int = 500) async throws -> [BinanceWire.Kline] {
        guard Self.klineIntervals.contains(interval) else {
            throw ExchangeError(kind: .invalidRequest, venue: "binance",
                                message: "klines: interval '\(interval)' is not one of Binance's "
                                    + Self.klineIntervals.sorted().joined(separator: ", "))
        }
        var params = [("symbol", symbol), ("interval", interval)]
        if let startTime { params.append(("startTime", String(startTime))) }
        if let endTime { params.append(("endTime", String(endTime))) }
        params.append(("limit", String(min(max(limit, 1), 1000))))
        return try await request([BinanceWire.Kline].self, .klines, params)
    }

    /// Order book of a venue symbol.
    public func depth(symbol: String, limit: Int = 100) async throws -> BinanceWire.Depth {
        try await request(BinanceWire.Depth.self, .depth(limit: limit), [("symbol", symbol), ("limit", String(limit))])
    }

    /// 24 h ticker of a venue symbol.
    public func ticker(symbol: String) async throws -> BinanceWire.Ticker {
        try await request(BinanceWire.Ticker.self, .ticker24h, [("symbol", symbol)])
    }

    /// The account with its balances (SIGNED).
    public func account() async throws -> BinanceWire.Account {
        try await request(BinanceWire.Account.self, .account, [("omitZeroBalances", "true")])
    }

    /// Places an order (SIGNED, FULL response).
    /// - Throws: ``ExchangeError`` `invalidRequest` before sending when the parameters do not fit the type.
    public func newOrder(_ order: BinanceNewOrder) async throws -> BinanceWire.Order {
        if let problem = order.problem() {
            throw ExchangeError(kind: .invalidRequest, venue: "binance", message: "new order \(order.clientOrderId): \(problem)")
        }
        return try await request(BinanceWire.Order.self, .newOrder, order.parameters)
    }

    /// Cancels an order by its client order id (SIGNED).
    public func cancelOrder(symbol: String, clientOrderId: String) async throws -> BinanceWire.Order {
        try await request(BinanceWire.Order.self, .cancelOrder, [("symbol", symbol), ("origClientOrderId", clientOrderId)])
    }

    /// Looks an order up by client order id or venue order id (SIGNED).
    public func queryOrder(symbol: String, clientOrderId: String? = nil, orderId: Int64? = nil) async throws -> BinanceWire.Order {
        var params = [("symbol", symbol)]
        if let orderId { params.append(("orderId", String(orderId))) }
        if let clientOrderId { params.append(("origClientOrderId", clientOrderId)) }
        return try await request(BinanceWire.Order.self, .queryOrder, params)
    }

    /// Open orders of one venue symbol, or of all (SIGNED; weight 80 for all).
    public func openOrders(symbol: String?) async throws -> [BinanceWire.Order] {
        try await request([BinanceWire.Order].self, .openOrders(allSymbols: symbol == nil), symbol.map { [("symbol", $0)] } ?? [])
    }

    /// The account's trades on a venue symbol (SIGNED), oldest first.
    public func myTrades(symbol: String, startTime: Int64? = nil, fromId: Int64? = nil,
                         limit: Int = 1000) async throws -> [BinanceWire.Trade] {
        var params = [("symbol", symbol)]
        if let fromId { params.append(("fromId", String(fromId))) } else if let startTime { params.append(("startTime", String(startTime))) }
        params.append(("limit", String(min(max(limit, 1), 1000))))
        return try await request([BinanceWire.Trade].self, .myTrades, params)
    }

    /// Creates (or returns the existing) user data stream listen key.
    public func createListenKey() async throws -> String {
        try await request(BinanceWire.ListenKey.self, .createListenKey).listenKey
    }

    /// Extends a listen key's validity by 60 minutes.
    public func keepAliveListenKey(_ key: String) async throws {
        _ = try await send(.keepAliveListenKey, [("listenKey", key)])
    }

    /// Closes a listen key.
    public func closeListenKey(_ key: String) async throws {
        _ = try await send(.closeListenKey, [("listenKey", key)])
    }
}
