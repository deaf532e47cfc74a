import Foundation
import TradingModel

extension FakeKrakenVenue {
    /// Kraken allows at most this many candles per OHLC answer.
    static let ohlcLimit: Int64 = 720

    func assetPairs(_ q: [String: String]) -> Result<FakeJSON, FakeKrakenFailure> {
        var selected = pairs
        if let wanted = q["pair"] {
            selected = []
            for name in wanted.split(separator: ",") {
                guard let p = pair(named: String(name)) else { return .failure("EQuery:Unknown asset pair") }
                selected.append(p)
            }
        }
        return .success(.object(selected.map { p in
            (p.key, .object([
                ("altname", .string(p.altname)), ("wsname", .string(p.wsname)), ("aclass_base", .string("currency")),
                ("base", .string(p.base)), ("aclass_quote", .string("currency")), ("quote", .string(p.quote)),
                ("lot", .string("unit")), ("cost_decimals", .int(5)), ("pair_decimals", .int(Int64(p.pairDecimals))),
                ("lot_decimals", .int(Int64(p.lotDecimals))), ("lot_multiplier", .int(1)),
                ("leverage_buy", .array([])), ("leverage_sell", .array([])),
                ("fees", .array([.array([.int(0), .number("0.26")])])), ("fees_maker", .array([.array([.int(0), .number("0.16")])])),
                ("fee_volume_currency", .string("ZUSD")), ("margin_call", .int(80)), ("margin_stop", .int(40)),
                ("ordermin", .string(p.orderMin.description)), ("costmin", .string(p.costMin.description)),
                ("tick_size", .string(p.tickSize.description)), ("status", .string("online")),
            ]))
        }))
    }

    /// Candles of `interval` minutes built from the public trades, oldest first.
    func candles(pair: FakeKrakenPair, intervalMinutes: Int64) -> [(time: Int64, o: Fixed, h: Fixed, l: Fixed, c: Fixed, v: Fixed, cost: Fixed, n: Int64)] {
        let width = intervalMinutes * 60 * 1_000_000_000
        var out: [(time: Int64, o: Fixed, h: Fixed, l: Fixed, c: Fixed, v: Fixed, cost: Fixed, n: Int64)] = []
        for t in publicTrades[pair.altname] ?? [] {
            let open = t.timeNanos - t.timeNanos % width
            if let last = out.last, last.time == open {
                out[out.count - 1].h = Fixed.max(last.h, t.price)
                out[out.count - 1].l = Fixed.min(last.l, t.price)
                out[out.count - 1].c = t.price
                out[out.count - 1].v += t.volume
                out[out.count - 1].cost += t.price * t.volume
                out[out.count - 1].n += 1
            } else {
                out.append((open, t.price, t.price, t.price, t.price, t.volume, t.price * t.volume, 1))
            }
        }
        return out
    }

    func ohlc(_ q: [String: String], nowNanos: Int64) -> Result<FakeJSON, FakeKrakenFailure> {
        guard let name = q["pair"], let pair = pair(named: name) else { return .failure("EQuery:Unknown asset pair") }
        let interval = Int64(q["interval"] ?? "1") ?? 0
        guard [1, 5, 15, 30, 60, 240, 1440, 10080, 21600].contains(interval) else { return .failure("EGeneral:Invalid arguments:interval") }
        let width = interval * 60 * 1_000_000_000
        let currentOpen = nowNanos - nowNanos % width
        let oldest = currentOpen - (Self.ohlcLimit - 1) * width
        let since = Int64(q["since"] ?? "").map { $0 * 1_000_000_000 } ?? Int64.min
        let rows = candles(pair: pair, intervalMinutes: interval)
            .filter { $0.time >= oldest && $0.time <= currentOpen && $0.time > since }
        let json = rows.map { r -> FakeJSON in
            .array([.int(r.time / 1_000_000_000), .string(r.o.description), .string(r.h.description), .string(r.l.description),
                    .string(r.c.description), .string((r.cost / r.v).description), .string(r.v.description), .int(r.n)])
        }
        let last = rows.last.map { $0.time / 1_000_000_000 } ?? max(0, since / 1_000_000_000)
        return .success(.object([(pair.key, .array(json)), ("last", .int(last))]))
    }

    func publicTrades(_ q: [String: String]) -> Result<FakeJSON, FakeKrakenFailure> {
        guard let name = q["pair"], let pair = pair(named: name) else { return .failure("EQuery:Unknown asset pair") }
        let count = min(1000, max(1, Int(q["count"] ?? "1000") ?? 1000))
        let all = publicTrades[pair.altname] ?? []
        let page: ArraySlice<FakeKrakenPublicTrade>
        if let sinceText = q["since"], var since = Int64(sinceText) {
            if since < 1_000_000_000_000 { since *= 1_000_000_000 }
            let start = all.firstIndex { $0.timeNanos > since } ?? all.endIndex
            page = all[start..<min(all.endIndex, start + count)]
        } else {
            page = all.suffix(count)
        }
        let rows = page.map { t -> FakeJSON in
            .array([.string(t.price.description), .string(t.volume.description), .number(Self.secondsText(nanos: t.timeNanos)),
                    .string(t.side == .buy ? "b" : "s"), .string("l"), .string(""), .int(t.id)])
        }
        let last = page.last.map { String($0.timeNanos) } ?? (q["since"] ?? "0")
        return .success(.object([(pair.key, .array(rows)), ("last", .string(last))]))
    }

    func ticker(_ q: [String: String]) -> Result<FakeJSON, FakeKrakenFailure> {
        guard let name = q["pair"], let pair = pair(named: name) else { return .failure("EQuery:Unknown asset pair") }
        guard let price = prices[pair.altname] else { return .failure("EService:Unavailable") }
        let trades = publicTrades[pair.altname] ?? []
        let volume = trades.reduce(Fixed.zero) { $0 + $1.volume }
        let last = trades.last?.price ?? price
        let open = trades.first?.price ?? price
        return .success(.object([(pair.key, .object([
            ("a", .array([.string((price + pair.tickSize).description), .string("1"), .string("1.000")])),
            ("b", .array([.string((price - pair.tickSize).description), .string("2"), .string("2.000")])),
            ("c", .array([.string(last.description), .string("0.001")])),
            ("v", .array([.string(volume.description), .string(volume.description)])),
            ("p", .array([.string(last.description), .string(last.description)])),
            ("t", .array([.int(Int64(trades.count)), .int(Int64(trades.count))])),
            ("l", .array([.string(last.description), .string(last.description)])),
            ("h", .array([.string(last.description), .string(last.description)])),
            ("o", .string(open.description)),
        ]))]))
    }

    func depth(_ q: [String: String], nowSeconds: Int64) -> Result<FakeJSON, FakeKrakenFailure> {
        guard let name = q["pair"], let pair = pair(named: name) else { return .failure("EQuery:Unknown asset pair") }
        guard let price = prices[pair.altname] else { return .failure("EService:Unavailable") }
        let count = min(500, max(1, Int(q["count"] ?? "100") ?? 100))
        func level(_ k: Int, _ sign: Int) -> FakeJSON {
            .array([.string((price + pair.tickSize * (sign * k)).description), .string(Fixed(k).description), .int(nowSeconds)])
        }
        return .success(.object([(pair.key, .object([
            ("asks", .array((1...count).map { level($0, 1) })),
            ("bids", .array((1...count).map { level($0, -1) })),
        ]))]))
    }

    /// Appends public trades (sorted by time), pushing `trade` and `ohlc` updates for subscribers.
    mutating func recordPublicTrades(_ trades: [(price: Fixed, volume: Fixed, timeNanos: Int64, side: OrderSide)], pair: FakeKrakenPair) {
        var list = publicTrades[pair.altname] ?? []
        var nextId = (list.last?.id ?? 0) + 1
        for t in trades.sorted(by: { $0.timeNanos < $1.timeNanos }) {
            let trade = FakeKrakenPublicTrade(id: nextId, price: t.price, volume: t.volume, timeNanos: t.timeNanos, side: t.side)
            nextId += 1
            list.append(trade)
            outbox.append(.trade(symbol: pair.symbol, entry: .object([
                ("symbol", .string(pair.symbol)), ("side", .string(t.side.rawValue)), ("price", .number(t.price.description)),
                ("qty", .number(t.volume.description)), ("ord_type", .string("limit")), ("trade_id", .int(trade.id)),
                ("timestamp", .string(Self.rfc3339(nanos: t.timeNanos))),
            ])))
        }
        list.sort { $0.timeNanos < $1.timeNanos }
        publicTrades[pair.altname] = list
        guard let lastTime = trades.map({ $0.timeNanos }).max() else { return }
        for interval: Int64 in [1, 5, 15, 30, 60, 240, 1440] {
            guard let candle = candles(pair: pair, intervalMinutes: interval).last(where: { $0.time <= lastTime }) else { continue }
            outbox.append(.ohlc(symbol: pair.symbol, interval: Int(interval), entry: .object([
                ("symbol", .string(pair.symbol)), ("open", .number(candle.o.description)), ("high", .number(candle.h.description)),
                ("low", .number(candle.l.description)), ("close", .number(candle.c.description)), ("trades", .int(candle.n)),
                ("volume", .number(candle.v.description)), ("vwap", .number((candle.cost / candle.v).description)),
                ("interval_begin", .string(Self.rfc3339(nanos: candle.time))), ("interval", .int(interval)),
                ("timestamp", .string(Self.rfc3339(nanos: lastTime))),
            ])))
        }
    }
}
