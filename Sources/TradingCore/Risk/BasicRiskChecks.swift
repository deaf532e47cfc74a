import TradingModel

/// The checks every venue would make anyway, done before the order leaves: instrument rules (lot grid,
/// minimum quantity and notional), no shorting where it is not allowed, and enough free cash for buys
/// (no leverage). The full risk engine (limits, drawdown kill switch, correlation caps) builds on this.
public struct BasicRiskChecks: RiskHook {
    /// Whether the account may hold short positions at all.
    public var allowShort: Bool

    public init(allowShort: Bool) { self.allowShort = allowShort }

    public mutating func check(_ request: inout OrderRequest, context: RiskCheckContext) -> RiskRejection? {
        let portfolio = context.portfolio
        let instrument = portfolio.instruments[context.instrument]
        func reject(_ code: String, _ message: String) -> RiskRejection {
            RiskRejection(code: code, message: message, clientOrderId: request.clientOrderId,
                          symbol: request.symbol, time: context.time)
        }
        if let problem = request.validateShape() { return reject("invalid_order", problem) }
        let mark = portfolio.marks[context.instrument]
        let reference = request.limitPrice ?? request.stopPrice ?? mark
        guard reference.isPositive else { return reject("no_price", "no price is known yet for \(request.symbol)") }
        let held = portfolio.quantity(context.instrument)

        if let budget = request.quoteQuantity {
            guard request.side == .buy, request.type == .market else {
                return reject("invalid_order", "a quote-quantity order must be a market buy")
            }
            let committed = committedCash(context)
            let free = portfolio.cash - committed
            if budget > free {
                guard free.isPositive else {
                    return reject("insufficient_balance", "no free \(portfolio.quoteCurrency) to buy \(request.symbol)")
                }
                request.quoteQuantity = free
            }
            let spend = request.quoteQuantity!
            if spend < instrument.minNotional {
                return reject("min_notional", "order value \(spend) is below the minimum \(instrument.minNotional) for \(request.symbol)")
            }
            if instrument.roundQuantity(spend / reference).isZero {
                return reject("min_quantity", "\(spend) \(portfolio.quoteCurrency) buys less than one lot of \(request.symbol)")
            }
            return nil
        }

        request.quantity = instrument.roundQuantity(request.quantity)
        if let problem = instrument.violation(quantity: request.quantity, price: instrument.roundPrice(reference)) {
            return reject("instrument_rules", "\(request.symbol): \(problem)")
        }
        if request.reduceOnly {
            let reduces = (request.side == .sell && held.isPositive) || (request.side == .buy && held.isNegative)
            guard reduces else { return reject("reduce_only", "reduce-only \(request.side.rawValue) would not reduce the \(request.symbol) position \(held)") }
            if request.quantity > held.magnitude { request.quantity = held.magnitude }
            return nil
        }
        switch request.side {
        case .buy:
            let cost = request.quantity * reference
            let free = portfolio.cash - committedCash(context)
            if cost > free {
                return reject("insufficient_balance", "buying \(request.quantity) \(request.symbol) costs about \(cost) but only \(free) \(portfolio.quoteCurrency) is free")
            }
        case .sell:
            let after = held - request.quantity
            if after.isNegative && !(allowShort && instrument.allowShort) {
                return reject("short_not_allowed", "selling \(request.quantity) \(request.symbol) while holding \(held) would open a short position, which is not allowed")
            }
            if after.isNegative {
                let shortValue = after.magnitude * reference
                if shortValue > portfolio.equity {
                    return reject("insufficient_margin", "a short of \(shortValue) \(portfolio.quoteCurrency) exceeds equity \(portfolio.equity)")
                }
            }
        }
        return nil
    }

    /// Cash promised to working buy orders.
    /// - Complexity: O(working orders): only instruments that have some are visited.
    private func committedCash(_ context: RiskCheckContext) -> Money {
        var total = Money.zero
        for index in context.instrumentsWithWorkingOrders {
            for order in context.workingOrders[index] where order.request.side == .buy && !order.request.reduceOnly {
                if let quote = order.remainingQuote {
                    total += quote
                } else {
                    let price = order.request.limitPrice ?? order.request.stopPrice ?? context.portfolio.marks[index]
                    total += order.remainingQuantity * price
                }
            }
        }
        return total
    }
}
