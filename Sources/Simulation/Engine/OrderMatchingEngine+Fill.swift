import TradingModel

extension OrderMatchingEngine {
    /// Quantity the participation cap still allows on ``lastBar`` (`Fixed(raw: .max)` without a cap).
    var availableVolume: Quantity {
        guard let participation = config.maxVolumeParticipation else { return Fixed(raw: .max) }
        guard let bar = lastBar else { return .zero }
        let cap = instrument.roundQuantity(Fixed(participation * bar.volume))
        return Fixed.max(.zero, cap - volumeUsed)
    }

    /// Takes liquidity at `base` (slipped adversely, never beyond `limit`), as much as the order and the
    /// bar allow; applies FOK (all or expire) and IOC (cancel the rest).
    mutating func take(_ index: Int, base: Price, limit: Price?, time: Int64, barVolume: Double,
                       ids: inout IdSequence, events: inout [ExecutionEvent]) {
        if working[index].isQuoteOrder {
            takeQuote(index, base: base, time: time, barVolume: barVolume, ids: &ids, events: &events)
            return
        }
        let order = working[index]
        let quantity = Fixed.min(order.remaining, availableVolume)
        if order.timeInForce == .fok, quantity < order.remaining {
            endUnfilled(index, reason: "only \(quantity) of \(order.remaining) can fill on this bar", time: time,
                        events: &events)
            return
        }
        if quantity.isPositive {
            var price = config.slippage.takerPrice(base: base, side: order.side, quantity: quantity,
                                                   barVolume: barVolume, tickSize: instrument.tickSize)
            if let limit { price = order.side == .buy ? Fixed.min(price, limit) : Fixed.max(price, limit) }
            execute(index, quantity: quantity, price: price, liquidity: .taker, time: time, ids: &ids, events: &events)
        }
        cancelRemainderIfImmediate(index, time: time, events: &events)
    }

    /// ``take(_:base:limit:time:barVolume:ids:events:)`` for a quote-quantity market buy.
    private mutating func takeQuote(_ index: Int, base: Price, time: Int64, barVolume: Double,
                                    ids: inout IdSequence, events: inout [ExecutionEvent]) {
        let order = working[index]
        let wanted = affordable(spend: order.remainingQuote, base: base, maxQuantity: order.remaining,
                                barVolume: barVolume)
        if wanted.quantity.isZero {
            // Too small from the start, or (after a partial fill) the price rose beyond what the rest buys.
            finish(index, .canceled, time: time)
            events.append(.canceled(clientOrderId: orders[index].request.clientOrderId,
                                    reason: "quoteQuantity \(order.remainingQuote) buys less than one lot"
                                        + " \(instrument.lotSize) at \(base)", time: time))
            return
        }
        let available = availableVolume
        if order.timeInForce == .fok, available < wanted.quantity {
            endUnfilled(index, reason: "only \(available) of \(wanted.quantity) can fill on this bar", time: time,
                        events: &events)
            return
        }
        let fill = available < wanted.quantity
            ? affordable(spend: order.remainingQuote, base: base, maxQuantity: available, barVolume: barVolume)
            : wanted
        if fill.quantity.isPositive {
            execute(index, quantity: fill.quantity, price: fill.price, liquidity: .taker, time: time,
                    ids: &ids, events: &events)
            let rest = working[index]
            if !rest.finished, affordable(spend: rest.remainingQuote, base: fill.price, maxQuantity: rest.remaining,
                                          barVolume: 0, slipped: false).quantity.isZero {
                finish(index, .filled, time: time)
                markLastFillComplete(of: orders[index].request.clientOrderId, in: &events)
            }
        }
        cancelRemainderIfImmediate(index, time: time, events: &events)
    }

    /// The largest lot multiple, at most `maxQuantity`, whose slipped notional plus taker fee fits in
    /// `spend`, with its price; zero quantity when not even one lot fits.
    /// - Complexity: O(1) in practice (each step lowers the quantity by at least one lot and the first
    ///   estimate is within a step or two of the answer).
    func affordable(spend: Money, base: Price, maxQuantity: Quantity, barVolume: Double,
                    slipped: Bool = true) -> (quantity: Quantity, price: Price) {
        let step = instrument.lotSize.isPositive ? instrument.lotSize : Fixed(raw: 1)
        // A buy whose fee is taken in base spends only the notional.
        let rate = config.fees.buyFeeInBase ? Fixed.zero : config.fees.takerRate
        func estimate(_ price: Price) -> Quantity {
            let unitCost = price * (Fixed.one + rate)
            return unitCost.isPositive ? instrument.roundQuantity(spend / unitCost) : .zero
        }
        var quantity = Fixed.min(estimate(base), maxQuantity)
        while quantity.isPositive {
            let price = slipped
                ? config.slippage.takerPrice(base: base, side: .buy, quantity: quantity, barVolume: barVolume,
                                             tickSize: instrument.tickSize)
                : base
            let notional = price * quantity
            let fee = config.fees.buyFeeInBase ? Money.zero : config.fees.fee(notional: notional, liquidity: .taker)
            if notional + fee <= spend { return (quantity, price) }
            quantity = Fixed.min(estimate(price), quantity - step)
        }
        return (.zero, base)
    }

    /// Fills at exactly `price` as a maker, as much as the order and the bar allow.
    mutating func make(_ index: Int, price: Price, time: Int64, ids: inout IdSequence, events: inout [ExecutionEvent]) {
        let quantity = Fixed.min(working[index].remaining, availableVolume)
        guard quantity.isPositive else { return }
        execute(index, quantity: quantity, price: price, liquidity: .maker, time: time, ids: &ids, events: &events)
    }

    /// Records one fill and emits it; the order finishes as filled when nothing remains.
    private mutating func execute(_ index: Int, quantity: Quantity, price: Price, liquidity: Liquidity, time: Int64,
                                  ids: inout IdSequence, events: inout [ExecutionEvent]) {
        let notional = price * quantity
        let request = orders[index].request
        var fill: Fill
        if config.fees.buyFeeInBase && request.side == .buy {
            // Charged in the base asset delivered, like Binance: quantity × rate of base, worth that × price.
            let baseFee = quantity * config.fees.rate(for: liquidity)
            fill = Fill(tradeId: ids.nextTradeId(), clientOrderId: request.clientOrderId,
                        venueOrderId: orders[index].venueOrderId, symbol: instrument.symbol, side: request.side,
                        price: price, quantity: quantity, feeAmount: baseFee, feeAsset: instrument.base,
                        liquidity: liquidity, time: time)
            if working[index].isQuoteOrder { working[index].remainingQuote -= notional }
        } else {
            let fee = config.fees.fee(notional: notional, liquidity: liquidity)
            fill = Fill(tradeId: ids.nextTradeId(), clientOrderId: request.clientOrderId,
                        venueOrderId: orders[index].venueOrderId, symbol: instrument.symbol, side: request.side,
                        price: price, quantity: quantity, fee: fee, liquidity: liquidity, time: time)
            if working[index].isQuoteOrder { working[index].remainingQuote -= notional + fee }
        }
        working[index].remaining -= quantity
        if config.maxVolumeParticipation != nil { volumeUsed += quantity }
        orders[index].record(fillPrice: price, quantity: quantity, fee: fill.fee, time: time)
        orders[index].status = .partiallyFilled
        let completes = working[index].remaining.isZero
        // Only a quote-quantity order needs the venue's word on completion (its fills cannot show it).
        if working[index].isQuoteOrder { fill.orderComplete = completes }
        events.append(.filled(fill))
        if completes { finish(index, .filled, time: time) }
        if let group = request.ocoGroup { cancelOCOSiblings(of: index, group: group, time: time, events: &events) }
    }

    /// Sets ``Fill/orderComplete`` on the newest fill of `clientOrderId` in `events` (the order finished as filled
    /// after that fill was emitted: a quote-quantity buy whose remaining budget buys less than one lot).
    private func markLastFillComplete(of clientOrderId: String, in events: inout [ExecutionEvent]) {
        for i in events.indices.reversed() {
            if case let .filled(fill) = events[i], fill.clientOrderId == clientOrderId {
                events[i] = .filled(fill.completing(true))
                return
            }
        }
    }

    /// One-cancels-the-other: a fill of an order in `group` cancels the group's other working orders.
    /// - Complexity: O(working orders); only on fills of grouped orders.
    private mutating func cancelOCOSiblings(of index: Int, group: String, time: Int64, events: inout [ExecutionEvent]) {
        let filledId = orders[index].request.clientOrderId
        for other in working.indices where other != index && !working[other].finished
            && orders[other].request.ocoGroup == group {
            finish(other, .canceled, time: time)
            events.append(.canceled(clientOrderId: orders[other].request.clientOrderId,
                                    reason: "one-cancels-the-other: \(filledId) of group \(group) filled", time: time))
        }
    }

    /// Fires a stop or take-profit trigger.
    mutating func trigger(_ index: Int, time: Int64, events: inout [ExecutionEvent]) {
        working[index].triggered = true
        orders[index].triggered = true
        orders[index].updatedAt = time
        events.append(.triggered(clientOrderId: orders[index].request.clientOrderId, time: time))
    }

    /// Ends an IOC (`.canceled`) or FOK (`.expired`) order at its arrival.
    mutating func endUnfilled(_ index: Int, reason: String, time: Int64, events: inout [ExecutionEvent]) {
        let id = orders[index].request.clientOrderId
        if working[index].timeInForce == .fok {
            finish(index, .expired, time: time)
            events.append(.expired(clientOrderId: id, reason: "fill or kill: \(reason)", time: time))
        } else {
            finish(index, .canceled, time: time)
            events.append(.canceled(clientOrderId: id, reason: "immediate or cancel: \(reason)", time: time))
        }
    }

    /// Cancels whatever an IOC order left unfilled at its arrival.
    private mutating func cancelRemainderIfImmediate(_ index: Int, time: Int64, events: inout [ExecutionEvent]) {
        let order = working[index]
        guard !order.finished, order.timeInForce != .gtc else { return }
        let left = order.isQuoteOrder ? "quote \(order.remainingQuote)" : "\(order.remaining)"
        endUnfilled(index, reason: "\(left) left unfilled", time: time, events: &events)
    }

    /// Marks the order terminal; ``removeFinished()`` drops it later.
    mutating func finish(_ index: Int, _ status: OrderStatus, time: Int64) {
        working[index].finished = true
        needsCompaction = true
        orders[index].status = status
        orders[index].updatedAt = time
        knownOrders[orders[index].request.clientOrderId] = status
    }
}
