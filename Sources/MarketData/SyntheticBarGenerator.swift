import TradingModel

/// Deterministic, realistic synthetic OHLCV bars for tests, demos and benchmarks.
///
/// The model: a Markov chain switches between bull, bear and range regimes, each with its own drift and base
/// volatility; GARCH(1,1) makes volatility cluster; Poisson jumps add sudden moves; a weak pull towards the
/// start price keeps very long series bounded. Each bar opens at the previous close, its high and low enclose
/// open and close, prices are rounded to a tick that follows the start price (7 significant digits) and never
/// reach zero, and volume rises with the absolute return and the current volatility.
///
/// The same seed gives the same bars on every platform: the generator uses its own ``Xoshiro256StarStar``,
/// its own normal sampler and ``DeterministicMath`` rather than Foundation or the C library.
public struct SyntheticBarGenerator: Sendable {
    /// The seed the series was started from.
    public let seed: UInt64
    /// Bar duration.
    public let timeframe: Timeframe
    /// Open time of the first bar (Unix ms).
    public let startTime: Int64
    /// Open price of the first bar.
    public let startPrice: Double
    /// The model parameters.
    public let parameters: SyntheticMarketParameters
    /// The regime the most recent bar was generated in.
    public private(set) var regime: MarketRegime

    private var rng: Xoshiro256StarStar
    private var normals = NormalSampler()
    private var time: Int64
    private var logPrice: Double
    private let anchor: Double
    private var lastClose: Double
    private var variance: Double
    private var lastShock = 0.0
    private let constants: Constants

    /// Default first bar time: 2024-01-01T00:00:00Z.
    public static let defaultStartTime: Int64 = 1_704_067_200_000

    /// Creates a generator positioned before its first bar.
    ///
    /// - Throws: ``MarketDataError/invalidParameter(name:value:expected:)`` for a start price that is not a
    ///   positive finite number or parameters outside their ranges.
    public init(seed: UInt64, timeframe: Timeframe = .oneMinute, startTime: Int64 = defaultStartTime,
                startPrice: Double = 30_000, parameters: SyntheticMarketParameters = .init()) throws(MarketDataError) {
        guard startPrice.isFinite, startPrice > 0 else {
            throw .invalidParameter(name: "startPrice", value: "\(startPrice)", expected: "a positive finite price")
        }
        let constants = try Constants(parameters: parameters, timeframe: timeframe, startPrice: startPrice)
        self.seed = seed
        self.timeframe = timeframe
        self.startTime = startTime
        self.startPrice = startPrice
        self.parameters = parameters
        self.constants = constants
        rng = Xoshiro256StarStar(seed: seed)
        regime = MarketRegime(rawValue: Int(rng.next() % 3)) ?? .range
        time = startTime
        anchor = DeterministicMath.log(startPrice)
        logPrice = anchor
        lastClose = max(constants.tick, constants.roundPrice(startPrice))
        variance = constants.baseVariance[regime.rawValue]
    }

    /// Generates the next `count` bars, continuing where the previous call stopped.
    ///
    /// - Complexity: O(count); one allocation for the result.
    public mutating func generate(count: Int) -> [Bar] {
        var bars: [Bar] = []
        bars.reserveCapacity(max(0, count))
        for _ in 0..<max(0, count) { bars.append(next()) }
        return bars
    }

    /// The next bar.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func next() -> Bar {
        let c = constants
        if rng.nextUnit() < c.switchProbability {
            let u = rng.nextUnit()
            let row = c.cumulativeTransitions[regime.rawValue]
            regime = u < row.0 ? .bull : (u < row.1 ? .bear : .range)
        }
        let k = regime.rawValue
        variance = c.omega[k] + c.alpha * lastShock * lastShock + c.beta * variance
        let sigma = variance.squareRoot()
        let shock = sigma * normals.next(using: &rng)
        var jump = 0.0
        var p = rng.nextUnit()
        if p > c.noJumpProbability {
            var jumps = 1.0
            while true {
                p *= rng.nextUnit()
                if p <= c.noJumpProbability { break }
                jumps += 1
            }
            jump = jumps * c.jumpMean + jumps.squareRoot() * c.jumpVolatility * normals.next(using: &rng)
        }
        lastShock = shock + jump
        let logReturn = c.drift[k] + shock + jump - c.reversion * (logPrice - anchor)
        logPrice = min(max(logPrice + logReturn, anchor - 12), anchor + 12)

        let open = lastClose
        let close = max(c.tick, c.roundPrice(DeterministicMath.exp(logPrice)))
        let top = max(open, close)
        let bottom = min(open, close)
        let up = abs(normals.next(using: &rng)) * sigma * 0.5
        let down = abs(normals.next(using: &rng)) * sigma * 0.5
        let high = max(top, (top * DeterministicMath.exp(up) * c.priceScale).rounded(.up) / c.priceScale)
        let low = max(c.tick, min(bottom, (bottom * DeterministicMath.exp(-down) * c.priceScale).rounded(.down) / c.priceScale))

        let activity = (0.4 + 0.6 * abs(logReturn) / c.baseSigma[k]) * (variance / c.baseVariance[k]).squareRoot()
        let noise = DeterministicMath.exp(0.3 * normals.next(using: &rng) - 0.045)
        let volume = (c.volumeScale * activity * noise * c.volumeRounding).rounded() / c.volumeRounding

        let bar = Bar(time: time, open: open, high: high, low: low, close: close, volume: volume)
        time += c.step
        lastClose = close
        return bar
    }
}
