import Foundation
import TradingModel

extension FakeKrakenVenue {
    /// REST call counter cost of a private method (AddOrder/CancelOrder use the trading counter).
    static func callCost(_ method: String) -> Double {
        switch method {
        case "Ledgers", "QueryLedgers", "TradesHistory", "QueryTrades": return 2
        case "AddOrder", "CancelOrder": return 0
        default: return 1
        }
    }

    /// Runs one authenticated private method after the nonce and signature were checked.
    mutating func privateCall(_ method: String, _ f: [String: String], now: Double) -> Result<FakeJSON, FakeKrakenFailure> {
        calls.append(method)
        if var queue = injected[method], !queue.isEmpty {
            let error = queue.removeFirst()
            injected[method] = queue
            return .failure(FakeKrakenFailure(error))
        }
        guard admitCall(cost: Self.callCost(method), now: now) else {
            rateLimitRejections += 1
            return .failure("EAPI:Rate limit exceeded")
        }
        switch method {
        case "Balance":
            return .success(.object(balances.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.description)) }))
        case "AddOrder":
            guard let pair = f["pair"].flatMap({ pair(named: $0) }) else { return .failure("EQuery:Unknown asset pair") }
            guard admitTrading(pair: pair.altname, cost: 1, now: now) else {
                rateLimitRejections += 1
                return .failure("EOrder:Rate limit exceeded")
            }
            return addOrder(f, now: now)
        case "CancelOrder":
            if let target = orders.values.first(where: { ($0.clOrdId != nil && $0.clOrdId == f["cl_ord_id"]) || $0.txid == f["txid"] }),
               target.status == "open" {
                guard admitTrading(pair: target.pair.altname, cost: Self.cancelCost(ageSeconds: now - target.openTime), now: now) else {
                    rateLimitRejections += 1
                    return .failure("EOrder:Rate limit exceeded")
                }
            }
            return cancel(f, now: now)
        case "OpenOrders":
            return .success(.object([("open", .object(selectOrders(f, open: true).map { ($0.txid, restJSON($0)) }))]))
        case "ClosedOrders":
            let closed = selectOrders(f, open: false)
            return .success(.object([("closed", .object(closed.map { ($0.txid, restJSON($0)) })), ("count", .int(Int64(closed.count)))]))
        case "QueryOrders":
            guard let list = f["txid"], !list.isEmpty else { return .failure("EGeneral:Invalid arguments:txid") }
            var out: [(String, FakeJSON)] = []
            for id in list.split(separator: ",").map(String.init) {
                guard let o = orders[id] else { return .failure("EOrder:Invalid order") }
                out.append((id, restJSON(o)))
            }
            return .success(.object(out))
        case "TradesHistory":
            let start = f["start"].flatMap({ Double($0) }) ?? 0
            let all = trades.filter { $0.time >= start }.sorted { $0.time > $1.time }
            let offset = min(all.count, Int(f["ofs"] ?? "0") ?? 0)
            let page = all[offset..<min(all.count, offset + 50)]
            return .success(.object([("trades", .object(page.map { ($0.txid, restJSON($0)) })), ("count", .int(Int64(all.count)))]))
        case "GetWebSocketsToken":
            let token = "fake-token-" + UUID().uuidString
            tokens.insert(token)
            return .success(.object([("token", .string(token)), ("expires", .int(900))]))
        default:
            return .failure("EGeneral:Unknown method")
        }
    }

    func selectOrders(_ f: [String: String], open: Bool) -> [FakeKrakenOrder] {
        orderSequence.compactMap { orders[$0] }.filter { o in
            (o.status == "open") == open
                && (f["cl_ord_id"] == nil || o.clOrdId == f["cl_ord_id"])
                && (f["userref"] == nil || o.userref == f["userref"].flatMap({ Int64($0) }))
        }
    }
}
