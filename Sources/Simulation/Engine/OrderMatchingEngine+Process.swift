import TradingModel

extension OrderMatchingEngine {
    /// A bar completed: matches the working orders against it, first its open, then its range.
    ///
    /// Feed each bar once, in time order, before the strategy sees it. The bar becomes ``lastBar`` even
    /// when no order works (close mode fills new orders at its close).
    /// - Throws: ``SimulationError/invalidBar(symbol:time:field:value:expected:)`` for NaN, infinite,
    ///   non-positive or inconsistent prices or a negative volume, and
    ///   ``SimulationError/barOutOfOrder(symbol:time:previousTime:)`` unless the bar is after ``lastBar``.
    ///   The engine is unchanged when it throws.
    /// - Complexity: O(1) and allocation free with no working order; O(n) in the working orders otherwise.
    public mutating func process(_ bar: Bar, events: inout [ExecutionEvent]) throws(SimulationError) {
        var sequence = ids
        defer { ids = sequence }
        try process(bar, ids: &sequence, events: &events)
    }

    /// ``process(_:events:)`` drawing trade ids from `ids`.
    mutating func process(_ bar: Bar, ids: inout IdSequence, events: inout [ExecutionEvent]) throws(SimulationError) {
        if let error = bar.simulationError(symbol: instrument.symbol, previousTime: lastBar?.time) { throw error }
        lastBar = bar
        volumeUsed = .zero
        if working.isEmpty { return }

        let prices = BarPrices(bar)
        for index in working.indices where !working[index].finished {
            meet(index, price: prices.open, time: bar.time, barVolume: bar.volume, ids: &ids, events: &events)
        }
        for index in working.indices where !working[index].finished {
            sweepRange(index, prices, ids: &ids, events: &events)
        }
        removeFinished()
    }

    /// Drops finished orders from both parallel arrays, keeping submission order.
    /// - Complexity: O(n), allocation free.
    mutating func removeFinished() {
        var kept = 0
        for index in working.indices where !working[index].finished {
            if kept != index {
                working[kept] = working[index]
                orders.swapAt(kept, index)
            }
            kept += 1
        }
        working.removeLast(working.count - kept)
        orders.removeLast(orders.count - kept)
    }
}
