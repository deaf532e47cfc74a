import TradingModel

/// Ichimoku Kinko Hyo without the chikou span.
///
/// - tenkan-sen: midpoint of the highest high and lowest low of the last `tenkan` bars (9);
/// - kijun-sen: the same over `kijun` bars (26);
/// - senkou span A: (tenkan + kijun) / 2, and senkou span B: the midpoint over `senkouB` bars (52),
///   both displaced `kijun` bars forward, as charts plot them.
///
/// Every output at index t depends only on bars 0...t: the spans are returned at the index where they
/// are plotted, i.e. `senkouA[t]` is the (tenkan + kijun) / 2 computed on bar `t - kijun`. That is the
/// cloud a trader sees above or below bar t, so it is a tradable value. (TradingView draws the same
/// spans with an offset of `kijun - 1`; here the displacement is the full `kijun` bars.)
///
/// The chikou (lagging) span is deliberately not provided: it is bar t's close plotted `kijun` bars
/// in the past, so at its plotted index s its value is close[s + kijun], a future price. Aligned to
/// its plotted index it would leak the future into backtests, and aligned to the bar it is computed
/// on it is just the close.
///
/// Defined from index `tenkan - 1` (tenkan), `kijun - 1` (kijun), `2 × kijun - 1` (span A) and
/// `senkouB + kijun - 1` (span B).
public struct Ichimoku: Sendable {
    /// One bar's lines (each NaN until defined).
    public struct Output: Sendable, Equatable {
        /// Tenkan-sen (conversion line).
        public var tenkan: Double
        /// Kijun-sen (base line).
        public var kijun: Double
        /// Senkou span A plotted at this bar (computed `kijun` bars earlier).
        public var senkouA: Double
        /// Senkou span B plotted at this bar (computed `kijun` bars earlier).
        public var senkouB: Double

        /// Creates an output from its four lines.
        public init(tenkan: Double, kijun: Double, senkouA: Double, senkouB: Double) {
            self.tenkan = tenkan
            self.kijun = kijun
            self.senkouA = senkouA
            self.senkouB = senkouB
        }
    }

    /// Columns for a whole series.
    public struct Series: Sendable {
        /// Tenkan-sen, per bar.
        public var tenkan: [Double]
        /// Kijun-sen, per bar.
        public var kijun: [Double]
        /// Senkou span A at its plotted bar.
        public var senkouA: [Double]
        /// Senkou span B at its plotted bar.
        public var senkouB: [Double]
    }

    /// Bars of the tenkan-sen midpoint.
    public let tenkanPeriod: Int
    /// Bars of the kijun-sen midpoint; also the spans' displacement.
    public let kijunPeriod: Int
    /// Bars of the senkou span B midpoint.
    public let senkouBPeriod: Int
    private var tenkan: Donchian
    private var kijun: Donchian
    private var senkouB: Donchian
    private var delayedA: RingBuffer
    private var delayedB: RingBuffer

    /// - Precondition: all periods >= 1.
    public init(tenkan: Int = 9, kijun: Int = 26, senkouB: Int = 52) {
        precondition(tenkan >= 1 && kijun >= 1 && senkouB >= 1,
                     "Ichimoku periods must be >= 1, got \(tenkan), \(kijun), \(senkouB)")
        tenkanPeriod = tenkan
        kijunPeriod = kijun
        senkouBPeriod = senkouB
        self.tenkan = Donchian(period: tenkan)
        self.kijun = Donchian(period: kijun)
        self.senkouB = Donchian(period: senkouB)
        delayedA = RingBuffer(capacity: kijun)
        delayedB = RingBuffer(capacity: kijun)
    }

    /// Index of the first bar with all outputs defined: `max(2 × kijun, senkouB + kijun) - 1`.
    public var lookback: Int { max(2 * kijunPeriod, senkouBPeriod + kijunPeriod) - 1 }

    /// Adds the next bar and returns the lines plotted at it.
    ///
    /// - Complexity: amortized O(1), allocation free.
    public mutating func update(high: Double, low: Double) -> Output {
        let conversion = tenkan.update(high: high, low: low).middle
        let base = kijun.update(high: high, low: low).middle
        let spanB = senkouB.update(high: high, low: low).middle
        let plottedA = delayedA.push((conversion + base) / 2) ?? .nan
        let plottedB = delayedB.push(spanB) ?? .nan
        return Output(tenkan: conversion, kijun: base, senkouA: plottedA, senkouB: plottedB)
    }

    /// Adds the next bar and returns the lines plotted at it.
    public mutating func update(_ bar: Bar) -> Output {
        update(high: bar.high, low: bar.low)
    }

    /// The lines over a whole series.
    ///
    /// - Complexity: O(count) typical (see `rollingExtremes`).
    public static func compute(_ bars: BarColumns, tenkan: Int = 9, kijun: Int = 26, senkouB: Int = 52) -> Series {
        precondition(tenkan >= 1 && kijun >= 1 && senkouB >= 1,
                     "Ichimoku periods must be >= 1, got \(tenkan), \(kijun), \(senkouB)")
        let conversion = Donchian.compute(bars, period: tenkan).middle
        let base = Donchian.compute(bars, period: kijun).middle
        let spanB = Donchian.compute(bars, period: senkouB).middle
        var plottedA = Batch.undefined(bars.count)
        var plottedB = Batch.undefined(bars.count)
        for t in kijun..<max(kijun, bars.count) {
            plottedA[t] = (conversion[t - kijun] + base[t - kijun]) / 2
            plottedB[t] = spanB[t - kijun]
        }
        return Series(tenkan: conversion, kijun: base, senkouA: plottedA, senkouB: plottedB)
    }
}
