import TradingModel

extension OrderMatchingEngine {
    /// Validates and accepts an order, or rejects it; in close mode an accepted order also meets the last
    /// bar's close at once.
    ///
    /// Emits `.rejected` with a reason naming the field, the bad value and the rule when the request has an
    /// empty client order id, another symbol, a client order id ever accepted before, a bad shape
    /// (`OrderRequest.validateShape()`), a quantity that is not positive, off the lot grid or below the
    /// minimum, a limit or stop price off the tick grid, or a notional below the instrument's minimum
    /// (quantity × limit price, stop price, or last close for a market order; `quoteQuantity` for a quote
    /// order). Otherwise emits `.accepted` with a new venue id (`sim-N`).
    /// - Complexity: O(1) amortized, plus O(n) in the working orders when a close-mode fill finishes it.
    public mutating func submit(_ request: OrderRequest, time: Int64, events: inout [ExecutionEvent]) {
        var sequence = ids
        submit(request, time: time, ids: &sequence, events: &events)
        ids = sequence
    }

    /// ``submit(_:time:events:)`` drawing ids from `ids`.
    mutating func submit(_ request: OrderRequest, time: Int64, ids: inout IdSequence,
                         events: inout [ExecutionEvent]) {
        if let reason = rejectionReason(for: request) {
            events.append(.rejected(clientOrderId: request.clientOrderId, reason: reason, time: time))
            return
        }
        var order = Order(request: request, createdAt: time)
        order.venueOrderId = ids.nextOrderId()
        order.status = .accepted
        events.append(.accepted(clientOrderId: request.clientOrderId, venueOrderId: order.venueOrderId, time: time))
        knownOrders[request.clientOrderId] = .accepted
        orders.append(order)
        working.append(WorkingOrder(request))

        if config.fillMode == .close, let bar = lastBar {
            let index = working.count - 1
            meet(index, price: Fixed(bar.close), time: bar.time + timeframe.milliseconds, barVolume: bar.volume,
                 ids: &ids, events: &events)
            if working[index].finished { removeFinished() }
        }
    }

    /// Why `request` cannot be accepted, or nil.
    func rejectionReason(for request: OrderRequest) -> String? {
        let symbol = instrument.symbol
        if request.clientOrderId.isEmpty { return "clientOrderId is empty; every order needs a unique id" }
        if request.symbol != symbol { return "unknown symbol \(request.symbol): this venue trades \(symbol)" }
        if knowsOrder(request.clientOrderId) {
            return "duplicate clientOrderId \(request.clientOrderId): it was already used on this account"
        }
        if let shape = request.validateShape() { return shape }
        if let reason = quantityViolation(of: request) { return reason }
        if request.type == .limit || request.type == .stopLimit, let price = request.limitPrice,
           !price.isMultiple(of: instrument.tickSize) {
            return "limitPrice \(price) is not a multiple of the tick size \(instrument.tickSize) of \(symbol)"
        }
        if request.type != .market, request.type != .limit, let price = request.stopPrice,
           !price.isMultiple(of: instrument.tickSize) {
            return "stopPrice \(price) is not a multiple of the tick size \(instrument.tickSize) of \(symbol)"
        }
        if let notional = referenceNotional(of: request), notional < instrument.minNotional {
            return "notional \(notional) is below the minimum notional \(instrument.minNotional) of \(symbol)"
        }
        return nil
    }

    /// The quantity rules: positive, on the lot grid, at least the minimum (quote orders: positive quote
    /// amount, market buys only, optional quantity cap on the grid).
    private func quantityViolation(of request: OrderRequest) -> String? {
        let symbol = instrument.symbol
        let quantity = request.quantity
        let offGrid = "quantity \(quantity) is not a multiple of the lot size \(instrument.lotSize) of \(symbol)"
        if let quote = request.quoteQuantity {
            if request.type != .market || request.side != .buy {
                return "quoteQuantity is only supported on market buy orders, got a \(request.side.rawValue)"
                    + " \(request.type.rawValue) order"
            }
            if !quote.isPositive { return "quoteQuantity \(quote) must be positive" }
            if quantity.isNegative { return "quantity \(quantity) must be zero or positive with a quoteQuantity" }
            if !quantity.isMultiple(of: instrument.lotSize) { return offGrid }
            return nil
        }
        if !quantity.isPositive { return "quantity \(quantity) must be positive" }
        if !quantity.isMultiple(of: instrument.lotSize) { return offGrid }
        if quantity < instrument.minQuantity {
            return "quantity \(quantity) is below the minimum quantity \(instrument.minQuantity) of \(symbol)"
        }
        return nil
    }

    /// Quantity × the best known price of the order (nil for a market order before any bar).
    private func referenceNotional(of request: OrderRequest) -> Money? {
        if let quote = request.quoteQuantity { return quote }
        let price: Price?
        switch request.type {
        case .market: price = lastBar.map { Fixed($0.close) }
        case .limit, .stopLimit: price = request.limitPrice
        case .stopMarket, .takeProfit: price = request.stopPrice
        }
        return price.map { request.quantity * $0 }
    }
}
