import Foundation
import TradingModel

/// What `AddOrder` needs, in Kraken's terms.
public struct KrakenOrderParameters: Sendable, Hashable {
    /// Pair altname (`XBTUSD`).
    public var pair: String
    public var side: OrderSide
    /// `market`, `limit`, `stop-loss`, `take-profit`, `stop-loss-limit`, `take-profit-limit`.
    public var orderType: String
    public var volume: Fixed
    /// Limit price, or trigger price for stop-loss/take-profit.
    public var price: Fixed?
    /// Limit price of the `-limit` stop types.
    public var price2: Fixed?
    /// `GTC`, `IOC` (Kraken has no FOK on spot).
    public var timeInForce: String?
    /// Client order id (up to 18 characters or a UUID).
    public var clOrdId: String?
    /// 32-bit user reference.
    public var userref: Int32?
    /// Order flags (`post`, `fciq`, `viqc`).
    public var oflags: [String]

    public init(pair: String, side: OrderSide, orderType: String, volume: Fixed, price: Fixed? = nil,
                price2: Fixed? = nil, timeInForce: String? = nil, clOrdId: String? = nil, userref: Int32? = nil,
                oflags: [String] = []) {
        self.pair = pair
        self.side = side
        self.orderType = orderType
        self.volume = volume
        self.price = price
        self.price2 = price2
        self.timeInForce = timeInForce
        self.clOrdId = clOrdId
        self.userref = userref
        self.oflags = oflags
    }

    /// The form fields, in a fixed order.
    public var fields: [(String, String)] {
        var f: [(String, String)] = [("ordertype", orderType), ("type", side.rawValue), ("volume", volume.description),
                                     ("pair", pair)]
        if let price { f.append(("price", price.description)) }
        if let price2 { f.append(("price2", price2.description)) }
        if let timeInForce { f.append(("timeinforce", timeInForce)) }
        if let clOrdId { f.append(("cl_ord_id", clOrdId)) }
        if let userref { f.append(("userref", String(userref))) }
        if !oflags.isEmpty { f.append(("oflags", oflags.joined(separator: ","))) }
        return f
    }
}

extension KrakenRESTClient {
    /// Total balance per Kraken asset code (`Balance`).
    public func balance() async throws -> [String: Fixed] {
        let result = try await privateCall("Balance")
        var out: [String: Fixed] = [:]
        for (asset, value) in result.object {
            guard let amount = value.fixed else { throw KrakenDecodingError(context: "Balance", field: asset, value: value) }
            out[asset] = amount
        }
        return out
    }

    /// Places an order (`AddOrder`); returns the txids and Kraken's description.
    public func addOrder(_ parameters: KrakenOrderParameters) async throws -> (txids: [String], description: String) {
        let result = try await privateCall("AddOrder", parameters.fields, mutating: true, trading: (pair: parameters.pair, cost: 1))
        let txids = result["txid"]?.array.compactMap(\.string) ?? []
        guard !txids.isEmpty else { throw KrakenDecodingError(context: "AddOrder", field: "txid", value: result) }
        return (txids, result["descr"]?["order"]?.string ?? "")
    }

    /// Cancels by client order id (`CancelOrder` with `cl_ord_id`); returns how many were cancelled.
    /// - Parameters:
    ///   - pair/tradingCost: the order's pair and its cancel cost on the trading counter
    ///     (``KrakenRateTier/cancelCost(ageSeconds:)``), when known.
    @discardableResult
    public func cancelOrder(clOrdId: String, pair: String? = nil, tradingCost: Double = 0) async throws -> Int {
        let result = try await privateCall("CancelOrder", [("cl_ord_id", clOrdId)], mutating: true,
                                           trading: pair.map { (pair: $0, cost: tradingCost) })
        return Int(result["count"]?.int64 ?? 0)
    }

    /// Cancels by Kraken order id (`CancelOrder` with `txid`).
    @discardableResult
    public func cancelOrder(txid: String) async throws -> Int {
        let result = try await privateCall("CancelOrder", [("txid", txid)], mutating: true)
        return Int(result["count"]?.int64 ?? 0)
    }

    /// Open orders, optionally only the one with `clOrdId` (`OpenOrders`).
    public func openOrders(clOrdId: String? = nil) async throws -> [KrakenOrderInfo] {
        var fields: [(String, String)] = []
        if let clOrdId { fields.append(("cl_ord_id", clOrdId)) }
        let result = try await privateCall("OpenOrders", fields)
        return try Self.orders(result["open"], context: "OpenOrders.open")
    }

    /// Recently closed orders, optionally only the one with `clOrdId` (`ClosedOrders`).
    public func closedOrders(clOrdId: String? = nil) async throws -> [KrakenOrderInfo] {
        var fields: [(String, String)] = []
        if let clOrdId { fields.append(("cl_ord_id", clOrdId)) }
        let result = try await privateCall("ClosedOrders", fields)
        return try Self.orders(result["closed"], context: "ClosedOrders.closed")
    }

    /// Orders by txid (`QueryOrders`, at most 50 per call).
    public func queryOrders(txids: [String]) async throws -> [KrakenOrderInfo] {
        var out: [KrakenOrderInfo] = []
        var index = 0
        while index < txids.count {
            let chunk = txids[index..<min(index + 50, txids.count)]
            index += 50
            let result = try await privateCall("QueryOrders", [("txid", chunk.joined(separator: ","))])
            out += try Self.orders(result, context: "QueryOrders")
        }
        return out
    }

    /// The account's executions at or after `start` (Unix seconds), oldest first, following `ofs` pages.
    public func tradesHistory(start: Double? = nil) async throws -> [KrakenTradeInfo] {
        var all: [String: KrakenTradeInfo] = [:]
        var offset = 0
        while true {
            var fields: [(String, String)] = [("ofs", String(offset))]
            if let start { fields.insert(("start", String(format: "%.6f", start)), at: 0) }
            let result = try await privateCall("TradesHistory", fields)
            let page = result["trades"]?.object ?? [:]
            for (id, json) in page { all[id] = try KrakenTradeInfo(tradeTxid: id, json: json) }
            let total = Int(result["count"]?.int64 ?? 0)
            offset += page.count
            if page.isEmpty || offset >= total { break }
        }
        return all.values.sorted { ($0.time, $0.tradeTxid) < ($1.time, $1.tradeTxid) }
    }

    /// A token for the authenticated WebSocket (`GetWebSocketsToken`), valid 15 minutes until used.
    public func webSocketsToken() async throws -> String {
        let result = try await privateCall("GetWebSocketsToken")
        guard let token = result["token"]?.string else { throw KrakenDecodingError(context: "GetWebSocketsToken", field: "token", value: result) }
        return token
    }

    static func orders(_ json: KrakenJSON?, context: String) throws -> [KrakenOrderInfo] {
        guard let json, case .object(let entries) = json else { throw KrakenDecodingError(context: context, field: "orders", value: json) }
        return try entries.map { try KrakenOrderInfo(txid: $0.key, json: $0.value) }.sorted { $0.openTime < $1.openTime }
    }
}
