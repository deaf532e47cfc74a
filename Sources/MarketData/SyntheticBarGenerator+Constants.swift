import TradingModel

extension SyntheticBarGenerator {
    /// Parameters scaled to one bar of the timeframe, computed once per generator.
    struct Constants: Sendable {
        var drift: [Double]
        var baseVariance: [Double]
        var baseSigma: [Double]
        var omega: [Double]
        var alpha: Double
        var beta: Double
        var switchProbability: Double
        var cumulativeTransitions: [(Double, Double)]
        var noJumpProbability: Double
        var jumpMean: Double
        var jumpVolatility: Double
        var reversion: Double
        var volumeScale: Double
        var volumeRounding: Double
        var priceScale: Double
        var tick: Double
        var step: Int64

        init(parameters m: SyntheticMarketParameters, timeframe: Timeframe, startPrice: Double) throws(MarketDataError) {
            guard m.regimes.count == 3, m.transitions.count == 3, m.transitions.allSatisfy({ $0.count == 3 }) else {
                throw .invalidParameter(name: "parameters.regimes/transitions", value: "\(m.regimes.count) regimes",
                                        expected: "3 regimes (bull, bear, range) and a 3x3 transition matrix")
            }
            guard m.garchAlpha >= 0, m.garchBeta >= 0, m.garchAlpha + m.garchBeta < 1 else {
                throw .invalidParameter(name: "parameters.garchAlpha + garchBeta", value: "\(m.garchAlpha + m.garchBeta)",
                                        expected: "non-negative terms summing to less than 1")
            }
            guard m.regimes.allSatisfy({ $0.volatility > 0 && $0.drift.isFinite }) else {
                throw .invalidParameter(name: "parameters.regimes", value: "\(m.regimes)",
                                        expected: "finite drifts and positive volatilities")
            }
            guard m.jumpsPerYear >= 0, m.jumpVolatility >= 0, m.meanRegimeDays > 0, m.baseVolumePerMinute >= 0,
                  (1...15).contains(m.priceSignificantDigits), (0...12).contains(m.volumeDecimals) else {
                throw .invalidParameter(name: "parameters", value: "\(m)",
                                        expected: "non-negative rates, positive regime duration, 1-15 price digits")
            }
            let years = Double(timeframe.seconds) / (365 * 86_400)
            let days = Double(timeframe.seconds) / 86_400
            drift = m.regimes.map { $0.drift * years }
            baseVariance = m.regimes.map { $0.volatility * $0.volatility * years }
            baseSigma = baseVariance.map { $0.squareRoot() }
            alpha = m.garchAlpha
            beta = m.garchBeta
            omega = baseVariance.map { $0 * (1 - m.garchAlpha - m.garchBeta) }
            switchProbability = 1 / max(m.minimumRegimeBars, m.meanRegimeDays / days)
            cumulativeTransitions = m.transitions.map { row in
                let total = row[0] + row[1] + row[2]
                return (row[0] / total, (row[0] + row[1]) / total)
            }
            noJumpProbability = DeterministicMath.exp(-m.jumpsPerYear * years)
            jumpMean = m.jumpMean
            jumpVolatility = m.jumpVolatility
            reversion = m.meanReversionPerYear * years
            volumeScale = m.baseVolumePerMinute * Double(timeframe.seconds) / 60
            volumeRounding = Self.powerOfTen(m.volumeDecimals)
            // Integer digits of the start price decide the decimals: 30000 -> 2 decimals for 7 digits.
            var magnitude = 0
            var p = startPrice
            while p >= 10 { p /= 10; magnitude += 1 }
            while p < 1 { p *= 10; magnitude -= 1 }
            let decimals = min(15, max(0, m.priceSignificantDigits - 1 - magnitude))
            priceScale = Self.powerOfTen(decimals)
            tick = 1 / priceScale
            step = timeframe.milliseconds
        }

        func roundPrice(_ x: Double) -> Double {
            (x * priceScale).rounded() / priceScale
        }

        private static func powerOfTen(_ n: Int) -> Double {
            var value = 1.0
            for _ in 0..<n { value *= 10 }
            return value
        }
    }
}
