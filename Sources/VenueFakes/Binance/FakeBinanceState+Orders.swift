import TradingModel

extension FakeBinanceState {
    func newOrder(_ p: [String: String], time: Int64) -> FakeBinanceAnswer {
        guard let symbol = p["symbol"], let market = markets[symbol] else { return .error(400, -1121, "Invalid symbol.") }
        guard let sideText = p["side"], sideText == "BUY" || sideText == "SELL" else {
            return .error(400, -1117, "Invalid side.")
        }
        let side: OrderSide = sideText == "BUY" ? .buy : .sell
        let types = ["MARKET", "LIMIT", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]
        guard let type = p["type"], types.contains(type) else { return .error(400, -1116, "Invalid orderType.") }
        let clientId = p["newClientOrderId"] ?? "x-\(nextOrderId + 1)"
        if orderIdByClientId[clientId] != nil { return .error(400, -2010, "Duplicate order sent.") }
        func decimal(_ name: String) -> Fixed? { p[name].flatMap { Fixed($0) } }
        let needsPrice = ["LIMIT", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"].contains(type)
        let needsStop = ["STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"].contains(type)
        let needsTIF = ["LIMIT", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"].contains(type)
        var quantity = decimal("quantity") ?? .zero
        let quote = decimal("quoteOrderQty") ?? .zero
        let price = decimal("price") ?? .zero
        let stop = decimal("stopPrice") ?? .zero
        let tif = p["timeInForce"] ?? (needsTIF ? "" : "GTC")
        if needsPrice && !price.isPositive {
            return .error(400, -1102, "Mandatory parameter 'price' was not sent, was empty/null, or malformed.")
        }
        if needsStop && !stop.isPositive {
            return .error(400, -1102, "Mandatory parameter 'stopPrice' was not sent, was empty/null, or malformed.")
        }
        if needsTIF && !["GTC", "IOC", "FOK"].contains(tif) {
            return .error(400, -1102, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.")
        }
        if type == "MARKET" && quote.isPositive {
            if quantity.isPositive { return .error(400, -1106, "Parameter 'quantity' sent when not required.") }
            quantity = (quote / market.price).rounded(toMultipleOf: market.stepSize, .towardZero)
        } else if !quantity.isPositive {
            return .error(400, -1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.")
        }
        if needsPrice && !price.isMultiple(of: market.tickSize) { return .error(400, -1013, "Filter failure: PRICE_FILTER") }
        if needsStop && !stop.isMultiple(of: market.tickSize) { return .error(400, -1013, "Filter failure: PRICE_FILTER") }
        if !quantity.isMultiple(of: market.stepSize) || quantity < market.minQty {
            return .error(400, -1013, "Filter failure: LOT_SIZE")
        }
        let referencePrice = needsPrice ? price : (needsStop ? stop : market.price)
        if quantity * referencePrice < market.minNotional { return .error(400, -1013, "Filter failure: NOTIONAL") }
        // Would a limit maker take liquidity, or a stop trigger at once?
        let crosses = side == .buy ? market.price <= price : market.price >= price
        if type == "LIMIT_MAKER" && crosses { return .error(400, -2010, "Order would immediately match and take.") }
        if needsStop && triggers(type: type, side: side, stop: stop, price: market.price) {
            return .error(400, -2010, "Stop price would trigger immediately.")
        }
        // Funds.
        let reservedAsset = side == .buy ? market.quoteAsset : market.baseAsset
        let reservedAmount = side == .buy ? quantity * referencePrice : quantity
        if (balances[reservedAsset]?.free ?? .zero) < reservedAmount {
            return .error(400, -2010, "Account has insufficient balance for requested action.")
        }
        nextOrderId += 1
        var order = FakeBinanceOrder(
            orderId: nextOrderId, clientOrderId: clientId, symbol: symbol, side: side, type: type,
            timeInForce: needsTIF ? tif : "GTC", quantity: quantity, price: needsPrice ? price : .zero,
            stopPrice: needsStop ? stop : .zero, quoteOrderQty: quote, executedQty: .zero, cumulativeQuote: .zero,
            status: "NEW", time: time, updateTime: time, triggered: false, reservedAsset: reservedAsset,
            reservedAmount: reservedAmount)
        balances[reservedAsset, default: (.zero, .zero)].free -= reservedAmount
        balances[reservedAsset, default: (.zero, .zero)].locked += reservedAmount
        orders[order.orderId] = order
        orderIdByClientId[clientId] = order.orderId
        reportExecution(order, execution: "NEW", trade: nil)
        var fills: [FakeBinanceTrade] = []
        if type == "MARKET" || (type == "LIMIT" && crosses) {
            fills = take(order.orderId, at: market.price, time: time)
        } else if type == "LIMIT" && (tif == "IOC" || tif == "FOK") {
            finish(order.orderId, status: "EXPIRED", time: time)
        }
        order = orders[order.orderId]!
        var json = orderJSON(order)
        if case var .object(fields) = json {
            fields.removeAll { ["time", "updateTime", "isWorking", "stopPrice", "origQuoteOrderQty"].contains($0.0) }
            fields.insert(("transactTime", .int(time)), at: 4)
            fields.append(("fills", .array(fills.map { t in
                .obj([("price", .decimal(t.price)), ("qty", .decimal(t.quantity)), ("commission", .decimal(t.commission)),
                      ("commissionAsset", .string(t.commissionAsset)), ("tradeId", .int(t.id))])
            })))
            json = .object(fields)
        }
        return .json(json)
    }

    func triggers(type: String, side: OrderSide, stop: Price, price: Price) -> Bool {
        let stopLoss = type.hasPrefix("STOP_LOSS")
        // Stop-loss sells and take-profit buys fire on the way down; the others on the way up.
        let down = (stopLoss && side == .sell) || (!stopLoss && side == .buy)
        return down ? price <= stop : price >= stop
    }

    /// The commission in BNB for a fill of `notional` (quote asset) when BNB fee payment is on, BNB has a price
    /// and the free BNB balance covers it; nil when the usual asset is charged.
    func bnbCommission(notional: Money, quoteAsset: String) -> Money? {
        guard let set = bnbFeePrice else { return nil }
        let price = markets["BNB\(quoteAsset)"]?.price ?? set
        guard price.isPositive else { return nil }
        let commission = notional * commissionRate * (Fixed.one - bnbFeeDiscount) / price
        guard commission.isPositive, (balances["BNB"]?.free ?? .zero) >= commission else { return nil }
        return commission
    }

    /// Executes the whole remaining quantity of an order as a taker at `price`: one trade, or
    /// ``fillSlices`` trades when partial fills are on (a market order sweeping several resting orders).
    @discardableResult
    func take(_ orderId: Int64, at price: Price, time: Int64) -> [FakeBinanceTrade] {
        var trades: [FakeBinanceTrade] = []
        while let order = orders[orderId], order.isOpen, order.executedQty < order.quantity {
            trades.append(fill(orderId, at: price, maker: false, time: time, quantity: sliceQuantity(order)))
        }
        return trades
    }

    /// The quantity of the next execution of `order`: all that remains, or with ``fillSlices`` above one, the
    /// order quantity divided into that many lots (at least one step), the last slice taking the remainder.
    func sliceQuantity(_ order: FakeBinanceOrder) -> Quantity {
        let remaining = order.quantity - order.executedQty
        guard fillSlices > 1, let market = markets[order.symbol] else { return remaining }
        let slice = max((order.quantity / Fixed(fillSlices)).rounded(toMultipleOf: market.stepSize, .towardZero),
                        market.stepSize)
        return remaining - slice < market.stepSize ? remaining : slice
    }

    /// Executes `quantity` (default: all that remains) of an order at `price`: one trade with its own id,
    /// commission and execution report (PARTIALLY_FILLED until the order is complete, then FILLED).
    @discardableResult
    func fill(_ orderId: Int64, at price: Price, maker: Bool, time: Int64, quantity slice: Quantity? = nil) -> FakeBinanceTrade {
        var order = orders[orderId]!
        let market = markets[order.symbol]!
        let remaining = order.quantity - order.executedQty
        let quantity = min(slice ?? remaining, remaining)
        let complete = quantity == remaining
        let notional = price * quantity
        // The funds locked for this part: the rest of the reservation on the last execution.
        let released = complete ? order.reservedAmount : order.reservedAmount * quantity / remaining
        balances[order.reservedAsset, default: (.zero, .zero)].locked -= released
        balances[order.reservedAsset, default: (.zero, .zero)].free += released
        let commission: Money
        let commissionAsset: String
        if let bnb = bnbCommission(notional: notional, quoteAsset: market.quoteAsset) {
            commission = bnb
            commissionAsset = "BNB"
            balances["BNB", default: (.zero, .zero)].free -= bnb
            if order.side == .buy {
                balances[market.quoteAsset, default: (.zero, .zero)].free -= notional
                balances[market.baseAsset, default: (.zero, .zero)].free += quantity
            } else {
                balances[market.baseAsset, default: (.zero, .zero)].free -= quantity
                balances[market.quoteAsset, default: (.zero, .zero)].free += notional
            }
        } else if order.side == .buy {
            commission = quantity * commissionRate
            commissionAsset = market.baseAsset
            balances[market.quoteAsset, default: (.zero, .zero)].free -= notional
            balances[market.baseAsset, default: (.zero, .zero)].free += quantity - commission
        } else {
            commission = notional * commissionRate
            commissionAsset = market.quoteAsset
            balances[market.baseAsset, default: (.zero, .zero)].free -= quantity
            balances[market.quoteAsset, default: (.zero, .zero)].free += notional - commission
        }
        nextTradeId += 1
        let trade = FakeBinanceTrade(id: nextTradeId, orderId: orderId, symbol: order.symbol, price: price,
                                     quantity: quantity, commission: commission, commissionAsset: commissionAsset,
                                     time: time, isBuyer: order.side == .buy, isMaker: maker)
        trades.append(trade)
        order.executedQty += quantity
        order.cumulativeQuote += notional
        order.status = complete ? "FILLED" : "PARTIALLY_FILLED"
        order.updateTime = time
        order.reservedAmount -= released
        orders[orderId] = order
        reportExecution(order, execution: "TRADE", trade: trade)
        reportBalances(commissionAsset == "BNB" ? [market.baseAsset, market.quoteAsset, "BNB"] : [market.baseAsset, market.quoteAsset],
                       time: time)
        publish(stream: "\(order.symbol.lowercased())@trade", data: .obj([
            ("e", .string("trade")), ("E", .int(time)), ("s", .string(order.symbol)), ("t", .int(trade.id)),
            ("p", .decimal(price)), ("q", .decimal(quantity)), ("T", .int(time)), ("m", .bool(maker)), ("M", .bool(true)),
        ]))
        return trade
    }

    /// Ends an open order (cancel or expiry) and releases its funds.
    func finish(_ orderId: Int64, status: String, time: Int64) {
        guard var order = orders[orderId], order.isOpen else { return }
        balances[order.reservedAsset, default: (.zero, .zero)].locked -= order.reservedAmount
        balances[order.reservedAsset, default: (.zero, .zero)].free += order.reservedAmount
        order.reservedAmount = .zero
        order.status = status
        order.updateTime = time
        orders[orderId] = order
        reportExecution(order, execution: status, trade: nil)
        reportBalances([order.reservedAsset], time: time)
    }

    /// Matches resting limit orders and stop triggers of a market against its current price. With
    /// ``fillSlices`` above one a resting limit order fills one slice per call (partially filled in between).
    func matchResting(_ symbol: String) {
        guard let market = markets[symbol] else { return }
        let time = now()
        for id in orders.keys.sorted() {
            guard var order = orders[id], order.symbol == symbol, order.isOpen else { continue }
            if order.stopPrice.isPositive && !order.triggered {
                guard triggers(type: order.type, side: order.side, stop: order.stopPrice, price: market.price) else { continue }
                order.triggered = true
                orders[id] = order
                if order.type == "STOP_LOSS" || order.type == "TAKE_PROFIT" {
                    take(id, at: market.price, time: time)
                    continue
                }
            }
            let crosses = order.side == .buy ? market.price <= order.price : market.price >= order.price
            // A resting order fills one slice per price update when partial fills are on (all of it otherwise).
            if order.price.isPositive && crosses {
                fill(id, at: order.price, maker: true, time: time, quantity: sliceQuantity(order))
            }
        }
    }

    func cancelOrder(_ p: [String: String], time: Int64) -> FakeBinanceAnswer {
        guard let symbol = p["symbol"], markets[symbol] != nil else { return .error(400, -1121, "Invalid symbol.") }
        guard let id = lookup(p), let order = orders[id], order.symbol == symbol, order.isOpen else {
            return .error(400, -2011, "Unknown order sent.")
        }
        finish(id, status: "CANCELED", time: time)
        var json = orderJSON(orders[id]!)
        if case var .object(fields) = json {
            fields.removeAll { ["time", "updateTime", "isWorking", "origQuoteOrderQty"].contains($0.0) }
            fields.insert(("origClientOrderId", .string(order.clientOrderId)), at: 1)
            fields.insert(("transactTime", .int(time)), at: 4)
            if let index = fields.firstIndex(where: { $0.0 == "clientOrderId" }) {
                fields[index].1 = .string(p["newClientOrderId"] ?? "cancel-\(id)")
            }
            json = .object(fields)
        }
        return .json(json)
    }

    func queryOrder(_ p: [String: String]) -> FakeBinanceAnswer {
        guard let symbol = p["symbol"], markets[symbol] != nil else { return .error(400, -1121, "Invalid symbol.") }
        guard let id = lookup(p), let order = orders[id], order.symbol == symbol else {
            return .error(400, -2013, "Order does not exist.")
        }
        return .json(orderJSON(order))
    }

    private func lookup(_ p: [String: String]) -> Int64? {
        if let id = p["orderId"].flatMap({ Int64($0) }) { return orders[id] != nil ? id : nil }
        if let client = p["origClientOrderId"] { return orderIdByClientId[client] }
        return nil
    }

    func orderJSON(_ o: FakeBinanceOrder) -> FakeJSON {
        .obj([
            ("symbol", .string(o.symbol)), ("orderId", .int(o.orderId)), ("orderListId", .int(-1)),
            ("clientOrderId", .string(o.clientOrderId)), ("price", .decimal(o.price)), ("origQty", .decimal(o.quantity)),
            ("executedQty", .decimal(o.executedQty)), ("cummulativeQuoteQty", .decimal(o.cumulativeQuote)),
            ("status", .string(o.status)), ("timeInForce", .string(o.timeInForce)), ("type", .string(o.type)),
            ("side", .string(o.side == .buy ? "BUY" : "SELL")), ("stopPrice", .decimal(o.stopPrice)),
            ("time", .int(o.time)), ("updateTime", .int(o.updateTime)), ("isWorking", .bool(!o.stopPrice.isPositive || o.triggered)),
            ("origQuoteOrderQty", .decimal(o.quoteOrderQty)), ("selfTradePreventionMode", .string("EXPIRE_MAKER")),
        ])
    }

    func reportExecution(_ o: FakeBinanceOrder, execution: String, trade: FakeBinanceTrade?) {
        publishUserData(.obj([
            ("e", .string("executionReport")), ("E", .int(now())), ("s", .string(o.symbol)),
            ("c", .string(o.clientOrderId)), ("S", .string(o.side == .buy ? "BUY" : "SELL")), ("o", .string(o.type)),
            ("f", .string(o.timeInForce)), ("q", .decimal(o.quantity)), ("p", .decimal(o.price)),
            ("P", .decimal(o.stopPrice)), ("F", .decimal(0)), ("g", .int(-1)), ("C", .string("")),
            ("x", .string(execution)), ("X", .string(o.status)), ("r", .string("NONE")), ("i", .int(o.orderId)),
            ("l", .decimal(trade?.quantity ?? .zero)), ("z", .decimal(o.executedQty)), ("L", .decimal(trade?.price ?? .zero)),
            ("n", .decimal(trade?.commission ?? .zero)), ("N", trade.map { .string($0.commissionAsset) } ?? .null),
            ("T", .int(o.updateTime)), ("t", .int(trade?.id ?? -1)), ("I", .int(0)), ("w", .bool(o.isOpen)),
            ("m", .bool(trade?.isMaker ?? false)), ("M", .bool(false)), ("O", .int(o.time)),
            ("Z", .decimal(o.cumulativeQuote)), ("Y", .decimal(trade.map { $0.price * $0.quantity } ?? .zero)),
            ("Q", .decimal(o.quoteOrderQty)),
        ]))
    }

    func reportBalances(_ assets: [String], time: Int64) {
        publishUserData(.obj([
            ("e", .string("outboundAccountPosition")), ("E", .int(time)), ("u", .int(time)),
            ("B", .array(Set(assets).sorted().map { asset in
                .obj([("a", .string(asset)), ("f", .decimal(balances[asset]?.free ?? .zero)),
                      ("l", .decimal(balances[asset]?.locked ?? .zero))])
            })),
        ]))
    }
}
