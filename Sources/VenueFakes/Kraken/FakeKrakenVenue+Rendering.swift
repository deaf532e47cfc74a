import Foundation
import TradingModel

extension FakeKrakenVenue {
    /// An order as `OpenOrders`/`ClosedOrders`/`QueryOrders` show it.
    func restJSON(_ o: FakeKrakenOrder) -> FakeJSON {
        var members: [(String, FakeJSON)] = [
            ("refid", .null), ("userref", o.userref.map { FakeJSON.int($0) } ?? .int(0)),
        ]
        if let cl = o.clOrdId { members.append(("cl_ord_id", .string(cl))) }
        members += [
            ("status", .string(o.status)), ("opentm", .number(Self.seconds(o.openTime))), ("starttm", .int(0)), ("expiretm", .int(0)),
            ("descr", .object([
                ("pair", .string(o.pair.altname)), ("type", .string(o.side.rawValue)), ("ordertype", .string(o.orderType)),
                ("price", .string((o.price ?? .zero).description)), ("price2", .string((o.price2 ?? .zero).description)),
                ("leverage", .string("none")), ("order", .string(describe(o.side, o.volume, o.pair, o.orderType, o.price))),
                ("close", .string("")),
            ])),
            ("vol", .string(o.volume.description)), ("vol_exec", .string(o.executed.description)),
            ("cost", .string(o.cost.description)), ("fee", .string(o.fee.description)),
            ("price", .string(o.executed.isZero ? "0" : (o.cost / o.executed).description)),
            ("stopprice", .string("0")), ("limitprice", .string("0")), ("misc", .string("")), ("oflags", .string("fciq")),
        ]
        if let close = o.closeTime { members.append(("closetm", .number(Self.seconds(close)))) }
        if let reason = o.reason { members.append(("reason", .string(reason))) }
        if !o.trades.isEmpty { members.append(("trades", .array(o.trades.map { .string($0) }))) }
        return .object(members)
    }

    /// A trade as `TradesHistory` shows it.
    func restJSON(_ t: FakeKrakenTrade) -> FakeJSON {
        .object([
            ("ordertxid", .string(t.orderTxid)), ("postxid", .string("TKH2SE-M7IF5-CFI7LT")), ("pair", .string(t.pair.key)),
            ("time", .number(Self.seconds(t.time))), ("type", .string(t.side.rawValue)), ("ordertype", .string(t.orderType)),
            ("price", .string(t.price.description)), ("cost", .string(t.cost.description)), ("fee", .string(t.fee.description)),
            ("vol", .string(t.volume.description)), ("margin", .string("0")), ("misc", .string("")),
            ("trade_id", .int(t.number)), ("maker", .bool(t.maker)),
        ])
    }

    /// An `executions` entry without fill fields.
    func executionJSON(_ o: FakeKrakenOrder, execType: String?, now: Double) -> [(String, FakeJSON)] {
        var m: [(String, FakeJSON)] = [("order_id", .string(o.txid))]
        if let cl = o.clOrdId { m.append(("cl_ord_id", .string(cl))) }
        if let execType { m.append(("exec_type", .string(execType))) }
        let status: String
        switch o.status {
        case "open": status = o.executed.isZero ? "new" : "partially_filled"
        case "closed": status = "filled"
        default: status = o.status
        }
        m += [
            ("symbol", .string(o.pair.symbol)), ("side", .string(o.side.rawValue)), ("order_type", .string(o.orderType)),
            ("order_qty", .number(o.volume.description)), ("order_status", .string(status)),
            ("order_userref", .int(o.userref ?? 0)), ("timestamp", .string(Self.rfc3339(nanos: Int64(now * 1e9)))),
        ]
        if let p = o.price { m.append(("limit_price", .number(p.description))) }
        if let reason = o.reason, execType == "canceled" { m.append(("reason", .string(reason))) }
        return m
    }

    mutating func pushExecution(_ o: FakeKrakenOrder, execType: String, now: Double) {
        outbox.append(.execution(.object(executionJSON(o, execType: execType, now: now))))
    }

    mutating func pushTrade(_ o: FakeKrakenOrder, _ t: FakeKrakenTrade) {
        var m = executionJSON(o, execType: "trade", now: t.time)
        // With partial fills on, every trade says `partially_filled`, the last one too, and a separate `filled`
        // update follows: Kraken documents that spot trade events may do this.
        if fillSlices > 1, let index = m.firstIndex(where: { $0.0 == "order_status" }) {
            m[index].1 = .string("partially_filled")
        }
        m += [
            ("exec_id", .string(t.txid)), ("trade_id", .int(t.number)), ("last_qty", .number(t.volume.description)),
            ("last_price", .number(t.price.description)), ("liquidity_ind", .string(t.maker ? "m" : "t")),
            ("cost", .number(t.cost.description)), ("cum_qty", .number(o.executed.description)),
            ("cum_cost", .number(o.cost.description)),
            ("fees", .array([.object([("asset", .string(Self.unified(o.pair.quote))), ("qty", .number(t.fee.description))])])),
        ]
        outbox.append(.execution(.object(m)))
    }

    static func unified(_ asset: String) -> String {
        var a = asset
        if a.count == 4, a.first == "X" || a.first == "Z" { a.removeFirst() }
        return a == "XBT" ? "BTC" : (a == "XDG" ? "DOGE" : a)
    }

    /// Seconds with four to nine decimals, as Kraken prints times.
    static func seconds(_ s: Double) -> String {
        let nanos = Int64((s * 1e9).rounded())
        return secondsText(nanos: nanos)
    }

    static func secondsText(nanos: Int64) -> String {
        let whole = nanos / 1_000_000_000, frac = nanos % 1_000_000_000
        let f = String(frac)
        return "\(whole)." + String(repeating: "0", count: 9 - f.count) + f
    }

    /// `2023-09-25T07:49:37.708706000Z`.
    static func rfc3339(nanos: Int64) -> String {
        let seconds = nanos >= 0 ? nanos / 1_000_000_000 : (nanos - 999_999_999) / 1_000_000_000
        let frac = nanos - seconds * 1_000_000_000
        var days = seconds / 86_400
        var rem = seconds % 86_400
        if rem < 0 { rem += 86_400; days -= 1 }
        let (y, m, d) = UTCTimestamp.civilFromDays(days)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let f = String(frac)
        return "\(y)-\(two(m))-\(two(d))T\(two(rem / 3600)):\(two(rem % 3600 / 60)):\(two(rem % 60))."
            + String(repeating: "0", count: 9 - f.count) + f + "Z"
    }
}
