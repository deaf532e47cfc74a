/// Small formulas shared by several indicators, written in TA-Lib's operation order.
enum PriceMath {
    /// TA-Lib's relative tolerance for "these two prices are the same" tests (TA_EPSILON, 1e-14).
    static let epsilon = 1e-14

    /// Wilder's true range: the greatest of high - low, |previous close - high| and
    /// |previous close - low|, compared in that order.
    static func trueRange(high: Double, low: Double, previousClose: Double) -> Double {
        var greatest = high - low
        let toHigh = abs(previousClose - high)
        if toHigh > greatest { greatest = toHigh }
        let toLow = abs(previousClose - low)
        if toLow > greatest { greatest = toLow }
        return greatest
    }

    /// True when `difference` is zero relative to the magnitude `scale` of the values it was taken
    /// from (TA-Lib's TA_IS_ZERO_SCALED), so flat windows at any price level count as flat.
    static func isNegligible(_ difference: Double, scale: Double) -> Bool {
        abs(difference) <= epsilon * scale
    }

    /// Stochastic %K: where `close` sits in the highest-lowest range, 0...100; 0 for a flat range.
    static func stochasticK(close: Double, highest: Double, lowest: Double) -> Double {
        let range = highest - lowest
        if isNegligible(range, scale: abs(highest) + abs(lowest)) { return 0 }
        return ((close - lowest) / range) * 100.0
    }

    /// Williams %R: where `close` sits below the highest high, -100...0; 0 for a flat range.
    static func williamsR(close: Double, highest: Double, lowest: Double) -> Double {
        let range = highest - lowest
        if isNegligible(range, scale: abs(highest) + abs(lowest)) { return 0 }
        return -100.0 * ((highest - close) / range)
    }

    /// The typical price (high + low + close) / 3.
    static func typicalPrice(high: Double, low: Double, close: Double) -> Double {
        (high + low + close) / 3.0
    }
}
