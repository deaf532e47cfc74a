import TradingModel

/// A validated bar with its prices converted once to `Fixed` for exact comparisons with order prices.
struct BarPrices {
    let time: Int64
    let open: Price
    let high: Price
    let low: Price
    let close: Price
    let volume: Double

    /// Converts a bar that passed ``Bar/isMatchable``.
    init(_ bar: Bar) {
        time = bar.time
        open = Fixed(bar.open)
        high = Fixed(bar.high)
        low = Fixed(bar.low)
        close = Fixed(bar.close)
        volume = bar.volume
    }
}

extension Bar {
    /// Whether the prices are finite and positive with `low <= open, close <= high`, and the volume is
    /// finite and not negative. NaN fails every comparison, so this one test accepts exactly the valid bars.
    /// - Complexity: O(1), a handful of comparisons.
    var isMatchable: Bool {
        low > 0 && high < .infinity && low <= open && low <= close && open <= high && close <= high
            && volume >= 0 && volume < .infinity
    }

    /// Why this bar cannot be matched against after a bar at `previousTime`, or nil when it can.
    func simulationError(symbol: String, previousTime: Int64?) -> SimulationError? {
        if let previousTime, time <= previousTime {
            return .barOutOfOrder(symbol: symbol, time: time, previousTime: previousTime)
        }
        if isMatchable { return nil }
        for (field, value) in [("open", open), ("high", high), ("low", low), ("close", close)]
        where !(value.isFinite && value > 0) {
            return .invalidBar(symbol: symbol, time: time, field: field, value: value, expected: "a finite price > 0")
        }
        if !(high >= open && high >= close && high >= low) {
            return .invalidBar(symbol: symbol, time: time, field: "high", value: high,
                               expected: ">= open \(open), close \(close) and low \(low)")
        }
        if !(low <= open && low <= close) {
            return .invalidBar(symbol: symbol, time: time, field: "low", value: low,
                               expected: "<= open \(open) and close \(close)")
        }
        return .invalidBar(symbol: symbol, time: time, field: "volume", value: volume, expected: "a finite volume >= 0")
    }
}
