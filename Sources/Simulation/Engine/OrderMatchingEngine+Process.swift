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
        if !bar.isMatchable || (lastBar.map { bar.time <= $0.time } ?? false) { throw rejection(of: bar) }
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
        if needsCompaction { removeFinished() }
    }

    /// The error for a bar that failed the fast validity test (kept out of line: it builds strings).
    @inline(never)
    private func rejection(of bar: Bar) -> SimulationError {
        bar.simulationError(symbol: instrument.symbol, previousTime: lastBar?.time)
            ?? .invalidBar(symbol: instrument.symbol, time: bar.time, field: "bar", value: .nan, expected: "a valid bar")
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
        needsCompaction = false
    }
}
