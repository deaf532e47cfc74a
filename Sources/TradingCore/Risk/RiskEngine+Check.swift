import TradingModel

extension RiskEngine {
    /// The pre-trade gate: state, instrument rules and balance, fat-finger band, order rate, then (for orders
    /// that add exposure) position, gross exposure, open positions and correlated exposure.
    public mutating func check(_ request: inout OrderRequest, context: RiskCheckContext) -> RiskRejection? {
        let time = context.time
        func reject(_ code: String, _ message: String) -> RiskRejection {
            RiskRejection(code: code, message: message, clientOrderId: request.clientOrderId,
                          symbol: request.symbol, time: time)
        }
        if state == .halted {
            guard request.reduceOnly && request.tag == Self.flattenTag else {
                return reject("halted", "trading is HALTED after an emergency shutdown; only cancels are allowed until an operator runs `graphwiz risk resume`")
            }
            return base.check(&request, context: context)
        }
        if let rejection = base.check(&request, context: context) { return rejection }
        let portfolio = context.portfolio
        let i = context.instrument
        let mark = portfolio.marks[i]
        let held = portfolio.quantity(i)
        let reduces = Self.reduces(request, held: held, mark: mark)
        if state == .reducing && !reduces {
            return reject("reducing_only", "trading is REDUCING after the daily loss limit; a \(request.side.rawValue) of \(request.symbol) would not reduce the position \(held)")
        }
        let protective = request.reduceOnly && ExitReason(tag: request.tag) != nil
        if let price = request.limitPrice ?? request.stopPrice, mark.isPositive, !protective {
            let band = Fixed(limits.priceBand) * mark
            if (price - mark).magnitude > band {
                return reject("price_band", "price \(price) is more than \(limits.priceBand * 100)% away from the last price \(mark) of \(request.symbol) (price_band \(limits.priceBand))")
            }
        }
        let second = time >= 0 ? time / 1000 : (time - 999) / 1000
        if second != orderSecond { orderSecond = second; ordersThisSecond = 0 }
        let day = Self.utcDay(time)
        if day != orderDay { orderDay = day; ordersToday = 0 }
        if ordersThisSecond >= limits.maxOrdersPerSecond {
            return reject("rate_limit_second", "\(ordersThisSecond) orders were already sent this second; max_orders_per_second is \(limits.maxOrdersPerSecond)")
        }
        if !reduces {
            if let lock = locks[request.symbol] {
                if time < lock.until { return reject(lock.code, lock.reason) }
                locks[request.symbol] = nil
            }
            if ordersToday >= limits.maxOrdersPerDay {
                return reject("rate_limit_day", "\(ordersToday) orders were already sent this UTC day; max_orders_per_day is \(limits.maxOrdersPerDay) (exits are still allowed)")
            }
            if let (code, message) = checkExposure(&request, context: context) { return reject(code, message) }
        }
        ordersThisSecond += 1
        ordersToday += 1
        return nil
    }

    /// Whether an order only shrinks the current position.
    static func reduces(_ request: OrderRequest, held: Quantity, mark: Price) -> Bool {
        if request.reduceOnly { return true }
        if let budget = request.quoteQuantity {
            return held.isNegative && mark.isPositive && budget <= held.magnitude * mark
        }
        let opposite = (request.side == .sell && held.isPositive) || (request.side == .buy && held.isNegative)
        return opposite && request.quantity <= held.magnitude
    }

    /// Position, gross exposure, open positions and correlation limits for an order that adds exposure.
    /// Shrinks a quote-quantity buy to the headroom; refuses anything else above it (returns code and sentence).
    private func checkExposure(_ request: inout OrderRequest, context: RiskCheckContext) -> (String, String)? {
        let portfolio = context.portfolio
        let i = context.instrument
        let equity = portfolio.equity
        guard equity.isPositive else { return ("no_equity", "equity is \(equity); no new exposure can be opened") }
        let quote = portfolio.quoteCurrency
        // Current exposure per instrument: position value plus working orders that add to it.
        var gross = Money.zero
        var open = 0
        var current = Money.zero
        var correlated = Money.zero
        var correlatedSymbols = 0
        for j in portfolio.instruments.indices {
            let value = portfolio.positionValue(j) + Self.pending(context.workingOrders[j], mark: portfolio.marks[j])
            gross += value.magnitude
            if !value.isZero { open += 1 }
            if j == i { current = value.magnitude; continue }
            if value.isZero { continue }
            if let rho = correlationValue(i, j, context: context), rho >= limits.correlationThreshold {
                correlated += value.magnitude
                correlatedSymbols += 1
            }
        }
        if current.isZero && open >= limits.maxOpenPositions {
            return ("max_open_positions", "\(open) positions are already open; max_open_positions is \(limits.maxOpenPositions)")
        }
        let positionCap = Fixed(limits.maxPositionFraction) * equity
        let grossCap = Fixed(limits.maxGrossExposure) * equity
        let correlationCap = Fixed(limits.correlatedExposureCap) * equity
        var headroom = positionCap - current
        var code = "max_position"
        var why = "max_position_fraction \(limits.maxPositionFraction) of equity \(equity) allows \(positionCap) \(quote) in \(request.symbol), \(current) is already used"
        if grossCap - gross < headroom {
            headroom = grossCap - gross
            code = "max_gross_exposure"
            why = "max_gross_exposure \(limits.maxGrossExposure) of equity \(equity) allows \(grossCap) \(quote), \(gross) is already used"
        }
        if correlatedSymbols > 0, correlationCap - correlated - current < headroom {
            headroom = correlationCap - correlated - current
            code = "correlation_limit"
            why = "\(request.symbol) moves with \(correlatedSymbols) held instrument(s) (rho >= \(limits.correlationThreshold)); correlated_exposure_cap \(limits.correlatedExposureCap) of equity \(equity) allows \(correlationCap) \(quote) together, \(correlated + current) is already used"
        }
        let instrument = portfolio.instruments[i]
        if let budget = request.quoteQuantity {
            guard budget > headroom else { return nil }
            guard headroom >= instrument.minNotional else {
                return (code, "buying \(budget) \(quote) of \(request.symbol) leaves no room: \(why)")
            }
            request.quoteQuantity = headroom
            return nil
        }
        let reference = request.limitPrice ?? request.stopPrice ?? portfolio.marks[i]
        let notional = request.quantity * reference
        if notional > headroom {
            return (code, "\(request.side.rawValue) \(request.quantity) \(request.symbol) worth \(notional) \(quote) exceeds the headroom \(Fixed.max(headroom, .zero)): \(why)")
        }
        return nil
    }

    /// Signed value working orders would add to a position.
    static func pending(_ orders: [Order], mark: Price) -> Money {
        var total = Money.zero
        for order in orders where !order.request.reduceOnly {
            let sign: Fixed = order.request.side == .buy ? .one : -.one
            if let quote = order.remainingQuote {
                total += sign * quote
            } else {
                let price = order.request.limitPrice ?? order.request.stopPrice ?? mark
                total += sign * (order.remainingQuantity * price)
            }
        }
        return total
    }
}
