import Foundation
import TradingModel

extension FakeKrakenVenue {
    /// `AddOrder`: validates like Kraken, checks funds and `cl_ord_id`, matches at the current price.
    /// Returns the result object or an error string.
    mutating func addOrder(_ f: [String: String], now: Double) -> Result<FakeJSON, FakeKrakenFailure> {
        guard let pairName = f["pair"], let pair = pair(named: pairName) else { return .failure("EQuery:Unknown asset pair") }
        guard let typeText = f["type"], let side = OrderSide(rawValue: typeText) else { return .failure("EGeneral:Invalid arguments:type") }
        let orderType = f["ordertype"] ?? ""
        let known = ["market", "limit", "stop-loss", "take-profit", "stop-loss-limit", "take-profit-limit"]
        guard known.contains(orderType) else { return .failure("EGeneral:Invalid arguments:ordertype") }
        guard var volume = f["volume"].flatMap({ Fixed($0) }), volume.isPositive else { return .failure("EGeneral:Invalid arguments:volume") }
        let price = f["price"].flatMap({ Fixed($0) })
        let price2 = f["price2"].flatMap({ Fixed($0) })
        if orderType != "market", price == nil || !price!.isPositive { return .failure("EGeneral:Invalid arguments:price") }
        if orderType.hasSuffix("-limit"), price2 == nil || !price2!.isPositive { return .failure("EGeneral:Invalid arguments:price2") }
        for p in [price, price2].compactMap({ $0 }) where !p.isMultiple(of: pair.tickSize) {
            return .failure("EOrder:Invalid price:\(pair.altname) price can only be specified up to \(pair.pairDecimals) decimals.")
        }
        let flags = Set((f["oflags"] ?? "").split(separator: ",").map(String.init))
        guard let market = prices[pair.altname] else { return .failure("EService:Unavailable") }
        if flags.contains("viqc") {
            guard orderType == "market", side == .buy else { return .failure("EGeneral:Invalid arguments:viqc") }
            let lot = Fixed(raw: Fixed.unit / pow10(pair.lotDecimals))
            volume = (volume / (market * (Fixed.one + takerFee))).rounded(toMultipleOf: lot, .towardZero)
        }
        let lot = Fixed(raw: Fixed.unit / pow10(pair.lotDecimals))
        guard volume.isMultiple(of: lot) else { return .failure("EGeneral:Invalid arguments:volume") }
        guard volume >= pair.orderMin else { return .failure("EOrder:Order minimum not met") }
        let reference = orderType == "limit" ? price! : (orderType.hasSuffix("-limit") ? price2! : market)
        guard reference * volume >= pair.costMin else { return .failure("EOrder:Cost minimum not met") }
        if let cl = f["cl_ord_id"], orders.values.contains(where: { $0.clOrdId == cl }) {
            return .failure("EOrder:Duplicate order")
        }
        if side == .buy, available(pair.quote) < reference * volume * (Fixed.one + takerFee) {
            return .failure("EOrder:Insufficient funds")
        }
        if side == .sell, available(pair.base) < volume { return .failure("EOrder:Insufficient funds") }
        if f["validate"] == "true" {
            return .success(.object([("descr", .object([("order", .string(describe(side, volume, pair, orderType, price)))]))]))
        }
        let txid = nextId("O")
        let order = FakeKrakenOrder(txid: txid, clOrdId: f["cl_ord_id"], userref: f["userref"].flatMap({ Int64($0) }), pair: pair,
                                    side: side, orderType: orderType, price: price, price2: price2, volume: volume,
                                    immediateOrCancel: f["timeinforce"] == "IOC", openTime: now)
        orders[txid] = order
        orderSequence.append(txid)
        pushExecution(order, execType: "new", now: now)
        match(txid: txid, now: now, resting: false)
        return .success(.object([
            ("descr", .object([("order", .string(describe(side, volume, pair, orderType, price)))])),
            ("txid", .array([.string(txid)])),
        ]))
    }

    func describe(_ side: OrderSide, _ volume: Fixed, _ pair: FakeKrakenPair, _ type: String, _ price: Fixed?) -> String {
        "\(side.rawValue) \(volume) \(pair.altname) @ \(type)" + (price.map { " \($0)" } ?? "")
    }

    /// Cancels the open order with `cl_ord_id` or `txid`; returns how many were cancelled.
    mutating func cancel(_ f: [String: String], now: Double) -> Result<FakeJSON, FakeKrakenFailure> {
        let target = orders.values.first { o in
            (f["cl_ord_id"] != nil && o.clOrdId == f["cl_ord_id"]) || (f["txid"] != nil && o.txid == f["txid"])
        }
        guard var order = target else { return .failure("EOrder:Unknown order") }
        guard order.status == "open" else { return .success(.object([("count", .int(0))])) }
        order.status = "canceled"
        order.reason = "User requested"
        order.closeTime = now
        orders[order.txid] = order
        pushExecution(order, execType: "canceled", now: now)
        return .success(.object([("count", .int(1))]))
    }

    /// Moves the market of `pair` to `price` and executes every resting order it triggers or crosses.
    mutating func setPrice(_ price: Fixed, pair: FakeKrakenPair, now: Double) {
        prices[pair.altname] = price
        for txid in orderSequence where orders[txid]?.status == "open" && orders[txid]?.pair == pair {
            match(txid: txid, now: now, resting: true)
        }
    }

    /// Executes `txid` if the market allows (fully, or with ``fillSlices`` above one a resting order one slice per
    /// call); IOC remainders are cancelled.
    mutating func match(txid: String, now: Double, resting: Bool) {
        guard var order = orders[txid], order.status == "open", let market = prices[order.pair.altname] else { return }
        let buy = order.side == .buy
        var fillPrice: Fixed?
        var maker = false
        func crossed(_ trigger: Fixed, above: Bool) -> Bool { above ? market >= trigger : market <= trigger }
        switch order.orderType {
        case "market":
            fillPrice = market
        case "limit":
            let limit = order.price!
            if buy ? market <= limit : market >= limit {
                fillPrice = resting ? limit : market
                maker = resting
            }
        case "stop-loss", "take-profit", "stop-loss-limit", "take-profit-limit":
            let stopAbove = order.orderType.hasPrefix("stop-loss") ? buy : !buy
            if !order.triggered, crossed(order.price!, above: stopAbove) {
                order.triggered = true
            }
            if order.triggered {
                if order.orderType.hasSuffix("-limit") {
                    let limit = order.price2!
                    if buy ? market <= limit : market >= limit { fillPrice = market }
                } else {
                    fillPrice = market
                }
            }
        default: break
        }
        if let fillPrice {
            // A taker takes everything (in `fillSlices` trades); a resting maker order one slice per price update.
            repeat {
                execute(&order, at: fillPrice, volume: sliceVolume(order), maker: maker, now: now)
            } while !maker && order.status == "open"
            orders[txid] = order
        } else if order.immediateOrCancel {
            order.status = "canceled"
            order.reason = "IOC"
            order.closeTime = now
            orders[txid] = order
            pushExecution(order, execType: "canceled", now: now)
        } else {
            orders[txid] = order
        }
    }

    /// The volume of the next execution of `order`: all that remains, or with ``fillSlices`` above one, the order
    /// volume divided into that many lots (at least one), the last slice taking the remainder.
    func sliceVolume(_ order: FakeKrakenOrder) -> Fixed {
        guard fillSlices > 1 else { return order.remaining }
        let lot = Fixed(raw: Fixed.unit / pow10(order.pair.lotDecimals))
        let slice = max((order.volume / Fixed(fillSlices)).rounded(toMultipleOf: lot, .towardZero), lot)
        return order.remaining - slice < lot ? order.remaining : slice
    }

    /// Books one execution of `volume` of `order` at `price`: a trade with its own ids and fee, the balances,
    /// and the `executions` push (`exec_type` trade; with partial fills on, a separate `filled` update once the
    /// order is complete, as Kraken sends it). The order closes when nothing remains.
    mutating func execute(_ order: inout FakeKrakenOrder, at price: Fixed, volume: Fixed, maker: Bool, now: Double) {
        let cost = price * volume
        let fee = (cost * (maker ? makerFee : takerFee)).rounded(toMultipleOf: Fixed(raw: 1), .nearest)
        tradeNumber += 1
        let trade = FakeKrakenTrade(txid: nextId("T"), number: tradeNumber, orderTxid: order.txid, pair: order.pair,
                                    side: order.side, orderType: order.orderType, price: price, volume: volume, cost: cost,
                                    fee: fee, time: now, maker: maker)
        trades.append(trade)
        order.executed += volume
        order.cost += cost
        order.fee += fee
        order.trades.append(trade.txid)
        if order.remaining <= .zero {
            order.status = "closed"
            order.closeTime = now
        }
        let base = order.pair.base, quote = order.pair.quote
        if order.side == .buy {
            balances[base, default: .zero] += volume
            balances[quote, default: .zero] -= cost + fee
        } else {
            balances[base, default: .zero] -= volume
            balances[quote, default: .zero] += cost - fee
        }
        pushTrade(order, trade)
        if fillSlices > 1, order.status == "closed" { pushExecution(order, execType: "filled", now: now) }
    }

    func pow10(_ n: Int) -> Int64 {
        var r: Int64 = 1
        for _ in 0..<n { r *= 10 }
        return r
    }
}

/// A Kraken error string returned by the fake.
struct FakeKrakenFailure: Error, Sendable, ExpressibleByStringInterpolation {
    var message: String
    init(_ message: String) { self.message = message }
    init(stringLiteral value: String) { message = value }
}
