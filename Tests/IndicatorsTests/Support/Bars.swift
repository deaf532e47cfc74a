import TradingModel

/// Builds small hand-written bar series for exact tests.
enum Bars {
    /// Bars from (high, low, close) triples, one hour apart from `start`, open = previous close.
    static func hlc(_ triples: [(Double, Double, Double)], volume: Double = 1, start: Int64 = 0) -> [Bar] {
        var previousClose = triples.first?.2 ?? 0
        return triples.enumerated().map { index, triple in
            defer { previousClose = triple.2 }
            return Bar(time: start + Int64(index) * 3_600_000, open: previousClose,
                       high: triple.0, low: triple.1, close: triple.2, volume: volume)
        }
    }

    /// Bars whose high, low and close all equal `closes`.
    static func closes(_ closes: [Double]) -> [Bar] {
        hlc(closes.map { ($0, $0, $0) })
    }
}

/// `expected` with `nil` standing for NaN, compared exactly.
func exactly(_ values: [Double], _ expected: [Double?]) -> Bool {
    values.count == expected.count && zip(values, expected).allSatisfy { value, want in
        want.map { value == $0 } ?? value.isNaN
    }
}
