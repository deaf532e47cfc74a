import TradingCore
import TradingModel

extension InMemoryTradingControl {
    public func placeOrder(_ request: OrderRequest) throws(ControlError) -> Order {
        guard let instrument = instruments[request.symbol], let mark = marks[request.symbol] else {
            throw ControlError(.invalid, code: "unknown_symbol",
                               "symbol '\(request.symbol)' is not traded; expected one of \(instruments.keys.sorted())")
        }
        guard !request.clientOrderId.isEmpty, request.clientOrderId.count <= 64 else {
            throw ControlError(.invalid, code: "invalid_order", "clientOrderId must be 1...64 characters, got \(request.clientOrderId.count)")
        }
        guard !orderBook.contains(where: { $0.request.clientOrderId == request.clientOrderId }) else {
            throw ControlError(.conflict, code: "duplicate_order", "clientOrderId '\(request.clientOrderId)' is already used")
        }
        guard request.quantity.isPositive else {
            throw ControlError(.invalid, code: "invalid_quantity", "quantity must be positive, got \(request.quantity)")
        }
        if let problem = request.validateShape() {
            throw ControlError(.invalid, code: "invalid_order", problem)
        }
        let quantity = instrument.roundQuantity(request.quantity)
        if let problem = instrument.violation(quantity: quantity, price: request.limitPrice ?? mark) {
            throw ControlError(.invalid, code: "invalid_order", "\(request.symbol): \(problem)")
        }
        if risk.state != .active && !request.reduceOnly {
            throw ControlError(.conflict, code: "trading_halted",
                               "trading is \(risk.state.rawValue) (\(risk.reason)); only reduce-only orders are accepted")
        }
        var adjusted = request
        adjusted.quantity = quantity
        let crossing = limitCrosses(adjusted, mark: mark)
        if request.type == .market || crossing {
            try ensureFunds(adjusted, price: mark)
        } else if request.side == .buy, let limit = request.limitPrice, limit * quantity > cash - lockedCash {
            throw ControlError(.invalid, code: "insufficient_funds",
                               "buying \(quantity) at \(limit) needs \(limit * quantity) \(currency), free is \(cash - lockedCash)")
        }
        let time = now()
        var order = Order(request: adjusted, createdAt: time)
        order.venueOrderId = "V\(nextVenueId)"
        nextVenueId += 1
        order.status = .accepted
        orderBook.append(order)
        if request.type == .market || crossing {
            fill(orderAt: orderBook.count - 1, price: mark, time: time)
        } else {
            publish(.order(order))
        }
        return orderBook[orderBook.count - 1]
    }

    public func cancelOrder(clientOrderId: String) throws(ControlError) -> Order {
        guard let index = orderBook.firstIndex(where: { $0.request.clientOrderId == clientOrderId }) else {
            throw ControlError(.notFound, code: "order_not_found", "no order with clientOrderId '\(clientOrderId)'")
        }
        guard !orderBook[index].status.isTerminal else {
            throw ControlError(.conflict, code: "order_not_open",
                               "order '\(clientOrderId)' is already \(orderBook[index].status.rawValue)")
        }
        orderBook[index].status = .canceled
        orderBook[index].updatedAt = now()
        publish(.order(orderBook[index]))
        return orderBook[index]
    }

    /// Moves the mark of `symbol`, fills resting orders it crosses and records an equity sample.
    public func mark(symbol: String, price: Price) throws(ControlError) {
        guard instruments[symbol] != nil, price.isPositive else {
            throw ControlError(.invalid, code: "unknown_symbol", "cannot mark '\(symbol)' at \(price)")
        }
        marks[symbol] = price
        let time = now()
        for index in orderBook.indices where orderBook[index].request.symbol == symbol && !orderBook[index].status.isTerminal {
            if limitCrosses(orderBook[index].request, mark: price) {
                fill(orderAt: index, price: orderBook[index].request.limitPrice ?? price, time: time)
            }
        }
        recordEquity(time: time)
    }

    /// Appends an agent decision shown by ``decisions(limit:)``.
    public func record(decision: AgentDecision) { decisionLog.append(decision) }

    /// Replaces the state of one component (adds it when new).
    public func setHealth(_ component: ComponentHealth) {
        if let index = components.firstIndex(where: { $0.name == component.name }) {
            components[index] = component
        } else {
            components.append(component)
        }
    }

    /// Pushes an alert to subscribers.
    public func raise(alert: AlertMessage) { publish(.alert(alert)) }

    // MARK: helpers

    func limitCrosses(_ request: OrderRequest, mark: Price) -> Bool {
        guard request.type == .limit, let limit = request.limitPrice else { return false }
        return request.side == .buy ? mark <= limit : mark >= limit
    }

    func ensureFunds(_ request: OrderRequest, price: Price) throws(ControlError) {
        let notional = price * request.quantity
        if request.side == .buy {
            let needed = notional + notional * feeRate
            guard needed <= cash - lockedCash else {
                throw ControlError(.invalid, code: "insufficient_funds",
                                   "buying \(request.quantity) \(request.symbol) needs \(needed) \(currency), free is \(cash - lockedCash)")
            }
        } else {
            let held = positionsBySymbol[request.symbol]?.quantity ?? .zero
            guard request.quantity <= held else {
                throw ControlError(.invalid, code: "insufficient_position",
                                   "selling \(request.quantity) \(request.symbol) but the position is \(held); shorting is off")
            }
        }
    }

    func fill(orderAt index: Int, price: Price, time: Int64) {
        let request = orderBook[index].request
        let quantity = orderBook[index].remainingQuantity
        let fee = price * quantity * feeRate
        orderBook[index].record(fillPrice: price, quantity: quantity, fee: fee, time: time)
        orderBook[index].status = .filled
        let fill = Fill(tradeId: "T\(nextTradeId)", clientOrderId: request.clientOrderId,
                        venueOrderId: orderBook[index].venueOrderId, symbol: request.symbol, side: request.side,
                        price: price, quantity: quantity, fee: fee, liquidity: request.type == .market ? .taker : .maker,
                        time: time)
        nextTradeId += 1
        fills.append(fill)
        var position = positionsBySymbol[request.symbol] ?? Position(symbol: request.symbol)
        let wasOpen = !position.isFlat
        let pnl = position.apply(side: request.side, quantity: quantity, price: price, time: time)
        positionsBySymbol[request.symbol] = position
        cash += request.side == .buy ? -(price * quantity) : price * quantity
        cash -= fee
        realized += pnl - fee
        if wasOpen && request.side == .sell {
            closedTrades += 1
            if pnl.isPositive { winningTrades += 1 }
        }
        publish(.order(orderBook[index]))
        publish(.fill(fill))
        recordEquity(time: time)
    }

    func recordEquity(time: Int64) {
        let total = cash + positionsValue
        if total > peak { peak = total }
        let point = EquityPoint(time: time, equity: total, drawdown: drawdown(at: total))
        equity.append(point)
        if equity.count > 10_000 { equity.removeFirst(equity.count - 10_000) }
        publish(.equity(point))
    }
}
