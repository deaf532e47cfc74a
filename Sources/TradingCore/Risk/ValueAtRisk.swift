import Foundation

/// How a value-at-risk figure was estimated.
public enum VaRMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Empirical quantile of the observed returns.
    case historical
    /// Normal distribution fitted to the returns (mean, sample standard deviation).
    case parametric
    /// Quantile of returns simulated from the fitted normal with a seeded generator (reproducible).
    case monteCarlo = "monte_carlo"
}

/// Value at risk and conditional value at risk (expected shortfall) of one period, as positive loss
/// fractions (0.03 = a 3% loss).
public struct RiskMeasure: Sendable, Hashable, Codable {
    public var method: VaRMethod
    /// E.g. 0.95.
    public var confidence: Double
    /// Loss not exceeded with probability `confidence`.
    public var valueAtRisk: Double
    /// Mean loss in the worst `1 - confidence` of cases (CVaR).
    public var expectedShortfall: Double

    public init(method: VaRMethod, confidence: Double, valueAtRisk: Double, expectedShortfall: Double) {
        self.method = method
        self.confidence = confidence
        self.valueAtRisk = valueAtRisk
        self.expectedShortfall = expectedShortfall
    }

    enum CodingKeys: String, CodingKey {
        case method, confidence, valueAtRisk = "var", expectedShortfall = "cvar"
    }
}

/// Historical, parametric and Monte Carlo VaR / CVaR from a series of period returns.
public enum ValueAtRisk {
    /// The tail: the `ceil((1 - confidence) x n)` worst returns (at least one). VaR is minus the best of them,
    /// CVaR minus their mean. Nil with no returns.
    /// - Complexity: O(n log n).
    public static func historical(_ returns: [Double], confidence: Double) -> RiskMeasure? {
        guard let (v, es) = tail(returns.sorted(), confidence: confidence) else { return nil }
        return RiskMeasure(method: .historical, confidence: confidence, valueAtRisk: v, expectedShortfall: es)
    }

    /// Normal fit: VaR = z·σ − μ, CVaR = σ·φ(z)/(1 − c) − μ with z the `confidence` quantile of N(0, 1).
    /// Nil with fewer than two returns.
    /// - Complexity: O(n).
    public static func parametric(_ returns: [Double], confidence: Double) -> RiskMeasure? {
        guard let (mu, sigma) = moments(returns) else { return nil }
        let z = normalQuantile(confidence)
        let density = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
        return RiskMeasure(method: .parametric, confidence: confidence, valueAtRisk: z * sigma - mu,
                           expectedShortfall: sigma * density / (1 - confidence) - mu)
    }

    /// `simulations` returns drawn from the fitted normal (Box–Muller over a SplitMix64 stream seeded with
    /// `seed`), then the historical estimate on them. The same seed gives the same figures.
    /// - Complexity: O(n + simulations log simulations).
    public static func monteCarlo(_ returns: [Double], confidence: Double, simulations: Int = 10_000,
                                  seed: UInt64 = 42) -> RiskMeasure? {
        guard simulations > 0, let (mu, sigma) = moments(returns) else { return nil }
        var generator = SplitMix64(seed: seed)
        var draws = [Double]()
        draws.reserveCapacity(simulations + 1)
        while draws.count < simulations {
            let u1 = 1 - generator.nextUnit()  // (0, 1]
            let u2 = generator.nextUnit()
            let r = (-2 * log(u1)).squareRoot()
            draws.append(mu + sigma * r * cos(2 * Double.pi * u2))
            draws.append(mu + sigma * r * sin(2 * Double.pi * u2))
        }
        draws.removeLast(draws.count - simulations)
        draws.sort()
        guard let (v, es) = tail(draws, confidence: confidence) else { return nil }
        return RiskMeasure(method: .monteCarlo, confidence: confidence, valueAtRisk: v, expectedShortfall: es)
    }

    /// Every method at every confidence (default 95% and 99%), method-major.
    public static func all(_ returns: [Double], confidences: [Double] = [0.95, 0.99], simulations: Int = 10_000,
                           seed: UInt64 = 42) -> [RiskMeasure] {
        var result: [RiskMeasure] = []
        for c in confidences { if let m = historical(returns, confidence: c) { result.append(m) } }
        for c in confidences { if let m = parametric(returns, confidence: c) { result.append(m) } }
        for c in confidences {
            if let m = monteCarlo(returns, confidence: c, simulations: simulations, seed: seed) { result.append(m) }
        }
        return result
    }

    /// Simple period returns of an equity or price series (non-positive points are skipped).
    public static func returns(_ values: [Double]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(Swift.max(0, values.count - 1))
        var previous: Double? = nil
        for value in values where value > 0 && value.isFinite {
            if let previous { out.append(value / previous - 1) }
            previous = value
        }
        return out
    }

    private static func tail(_ sorted: [Double], confidence: Double) -> (Double, Double)? {
        guard !sorted.isEmpty else { return nil }
        let k = Swift.min(sorted.count, Swift.max(1, Int(((1 - confidence) * Double(sorted.count) - 1e-9).rounded(.up))))
        var sum = 0.0
        for i in 0..<k { sum += sorted[i] }
        return (-sorted[k - 1], -sum / Double(k))
    }

    private static func moments(_ returns: [Double]) -> (Double, Double)? {
        guard returns.count >= 2 else { return nil }
        let n = Double(returns.count)
        let mu = returns.reduce(0, +) / n
        var ss = 0.0
        for r in returns { ss += (r - mu) * (r - mu) }
        return (mu, (ss / (n - 1)).squareRoot())
    }

    /// Inverse of the standard normal CDF (Acklam's rational approximation refined by one Halley step;
    /// about 1e-15 relative error).
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "normalQuantile: p must be in (0, 1), got \(p)")
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}

/// SplitMix64: a tiny, fast, seedable generator (Steele, Lea, Flood 2014), for reproducible simulations.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
