import TradingModel

extension OrderMatchingEngine {
    /// The order at `index` meets a known traded price: a bar's open, or the last close when it arrives
    /// in close mode. This is its arrival when it has not met the market before.
    mutating func meet(_ index: Int, price: Price, time: Int64, barVolume: Double, ids: inout IdSequence,
                       events: inout [ExecutionEvent]) {
        let order = working[index]
        switch order.type {
        case .market:
            take(index, base: price, limit: nil, time: time, barVolume: barVolume, ids: &ids, events: &events)
        case .limit:
            meetAsLimit(index, price: price, time: time, barVolume: barVolume, ids: &ids, events: &events)
        case .stopMarket, .takeProfit:
            if !order.triggered {
                guard order.triggers(at: price) else { return }
                trigger(index, time: time, events: &events)
            }
            take(index, base: price, limit: nil, time: time, barVolume: barVolume, ids: &ids, events: &events)
        case .stopLimit:
            if !order.triggered {
                guard order.triggers(at: price) else { return }
                trigger(index, time: time, events: &events)
            }
            meetAsLimit(index, price: price, time: time, barVolume: barVolume, ids: &ids, events: &events)
        }
    }

    /// A limit (or triggered stop-limit) meets a traded price: an arriving order that is marketable takes
    /// liquidity (capped at its limit); a resting one reached by the price is a maker at that price (never
    /// worse than its limit); an arriving IOC or FOK that is not marketable ends.
    private mutating func meetAsLimit(_ index: Int, price: Price, time: Int64, barVolume: Double,
                                      ids: inout IdSequence, events: inout [ExecutionEvent]) {
        let order = working[index]
        if !order.resting {
            if order.isMarketable(at: price) {
                take(index, base: price, limit: order.limitPrice, time: time, barVolume: barVolume,
                     ids: &ids, events: &events)
            } else if order.timeInForce != .gtc {
                endUnfilled(index, reason: "not marketable at \(price) on arrival", time: time, events: &events)
            }
        } else if order.isReached(by: price, tradeThrough: config.limitFillRequiresTradeThrough) {
            let gapPrice = order.side == .buy
                ? Fixed.min(price.rounded(toMultipleOf: instrument.tickSize, .up), order.limitPrice)
                : Fixed.max(price.rounded(toMultipleOf: instrument.tickSize, .down), order.limitPrice)
            make(index, price: gapPrice, time: time, ids: &ids, events: &events)
        }
        if !working[index].finished { working[index].resting = true }
    }

    /// The order at `index`, still working after the open, meets the bar's range (high and low).
    mutating func sweepRange(_ index: Int, _ bar: BarPrices, ids: inout IdSequence, events: inout [ExecutionEvent]) {
        let order = working[index]
        let tradeThrough = config.limitFillRequiresTradeThrough
        let extreme = order.side == .buy ? bar.low : bar.high
        switch order.type {
        case .market:
            return  // market orders trade only at an open or a close
        case .limit:
            if order.isReached(by: extreme, tradeThrough: tradeThrough) {
                make(index, price: order.limitPrice, time: bar.time, ids: &ids, events: &events)
            }
        case .stopMarket, .takeProfit:
            // A triggered one that is still working found no volume: it waits for the next open.
            guard !order.triggered, order.triggers(high: bar.high, low: bar.low) else { return }
            trigger(index, time: bar.time, events: &events)
            take(index, base: order.stopPrice, limit: nil, time: bar.time, barVolume: bar.volume,
                 ids: &ids, events: &events)
        case .stopLimit:
            if order.triggered {
                if order.isReached(by: extreme, tradeThrough: tradeThrough) {
                    make(index, price: order.limitPrice, time: bar.time, ids: &ids, events: &events)
                }
                return
            }
            guard order.triggers(high: bar.high, low: bar.low) else { return }
            trigger(index, time: bar.time, events: &events)
            if order.isMarketable(at: order.stopPrice) {
                take(index, base: order.stopPrice, limit: order.limitPrice, time: bar.time, barVolume: bar.volume,
                     ids: &ids, events: &events)
            } else if order.timeInForce != .gtc {
                endUnfilled(index, reason: "not marketable at the trigger price \(order.stopPrice)", time: bar.time,
                            events: &events)
            } else if order.isReached(by: bar.close, tradeThrough: tradeThrough) {
                // Only the close is surely after an intrabar trigger.
                make(index, price: order.limitPrice, time: bar.time, ids: &ids, events: &events)
            }
            if !working[index].finished { working[index].resting = true }
        }
    }
}
