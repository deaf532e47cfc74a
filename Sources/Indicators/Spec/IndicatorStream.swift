import TradingModel

/// A streaming instance of an `IndicatorSpec`: feed bars one at a time, get that bar's outputs.
///
/// ```swift
/// var stream = try IndicatorSpec("bbands:20,2").makeStream()
/// for bar in bars {
///     let values = stream.update(bar)   // [upper, middle, lower], NaN during the warm-up
/// }
/// ```
///
/// Values equal the batch `IndicatorSpec.compute` columns bar for bar.
public struct IndicatorStream: Sendable {
    /// The specification this stream computes.
    public let spec: IndicatorSpec
    private var state: State

    init(spec: IndicatorSpec) {
        self.spec = spec
        let p = spec.period
        switch spec.kind {
        case .sma: state = .sma(SMA(period: p(0)))
        case .ema: state = .ema(EMA(period: p(0)))
        case .wma: state = .wma(WMA(period: p(0)))
        case .dema: state = .dema(DEMA(period: p(0)))
        case .tema: state = .tema(TEMA(period: p(0)))
        case .rsi: state = .rsi(RSI(period: p(0)))
        case .macd: state = .macd(MACD(fast: p(0), slow: p(1), signal: p(2)))
        case .bbands: state = .bbands(BollingerBands(period: p(0), multiplier: spec.parameters[1]))
        case .atr: state = .atr(ATR(period: p(0)))
        case .stoch: state = .stoch(Stochastic(fastK: p(0), slowK: p(1), slowD: p(2)))
        case .stochrsi: state = .stochrsi(StochRSI(period: p(0), fastK: p(1), fastD: p(2)))
        case .adx: state = .adx(ADX(period: p(0)))
        case .cci: state = .cci(CCI(period: p(0)))
        case .roc: state = .roc(ROC(period: p(0)))
        case .mom: state = .mom(MOM(period: p(0)))
        case .willr: state = .willr(WilliamsR(period: p(0)))
        case .obv: state = .obv(OBV())
        case .mfi: state = .mfi(MFI(period: p(0)))
        case .vwap: state = .vwap(VWAP())
        case .donchian: state = .donchian(Donchian(period: p(0)))
        case .keltner: state = .keltner(Keltner(period: p(0), multiplier: spec.parameters[1]))
        case .supertrend: state = .supertrend(Supertrend(atrPeriod: p(0), multiplier: spec.parameters[1]))
        case .ichimoku: state = .ichimoku(Ichimoku(tenkan: p(0), kijun: p(1), senkouB: p(2)))
        }
    }

    /// Adds the next bar and returns its outputs in `spec.columnNames` order.
    ///
    /// - Complexity: that of the indicator's `update` (O(1) or amortized O(1); CCI O(period)),
    ///   allocation free.
    public mutating func update(_ bar: Bar) -> IndicatorValues {
        // Each case moves the indicator out of `state` before mutating it, so its buffers stay
        // uniquely referenced and are updated in place.
        switch state {
        case var .sma(x): state = .taken; defer { state = .sma(x) }; return IndicatorValues(x.update(bar.close))
        case var .ema(x): state = .taken; defer { state = .ema(x) }; return IndicatorValues(x.update(bar.close))
        case var .wma(x): state = .taken; defer { state = .wma(x) }; return IndicatorValues(x.update(bar.close))
        case var .dema(x): state = .taken; defer { state = .dema(x) }; return IndicatorValues(x.update(bar.close))
        case var .tema(x): state = .taken; defer { state = .tema(x) }; return IndicatorValues(x.update(bar.close))
        case var .rsi(x): state = .taken; defer { state = .rsi(x) }; return IndicatorValues(x.update(bar.close))
        case var .macd(x):
            state = .taken; defer { state = .macd(x) }
            let o = x.update(bar.close)
            return IndicatorValues(o.macd, o.signal, o.histogram)
        case var .bbands(x):
            state = .taken; defer { state = .bbands(x) }
            let o = x.update(bar.close)
            return IndicatorValues(o.upper, o.middle, o.lower)
        case var .atr(x): state = .taken; defer { state = .atr(x) }; return IndicatorValues(x.update(bar))
        case var .stoch(x):
            state = .taken; defer { state = .stoch(x) }
            let o = x.update(bar)
            return IndicatorValues(o.k, o.d)
        case var .stochrsi(x):
            state = .taken; defer { state = .stochrsi(x) }
            let o = x.update(bar.close)
            return IndicatorValues(o.k, o.d)
        case var .adx(x):
            state = .taken; defer { state = .adx(x) }
            let o = x.update(bar)
            return IndicatorValues(o.adx, o.plusDI, o.minusDI)
        case var .cci(x): state = .taken; defer { state = .cci(x) }; return IndicatorValues(x.update(bar))
        case var .roc(x): state = .taken; defer { state = .roc(x) }; return IndicatorValues(x.update(bar.close))
        case var .mom(x): state = .taken; defer { state = .mom(x) }; return IndicatorValues(x.update(bar.close))
        case var .willr(x): state = .taken; defer { state = .willr(x) }; return IndicatorValues(x.update(bar))
        case var .obv(x): state = .taken; defer { state = .obv(x) }; return IndicatorValues(x.update(bar))
        case var .mfi(x): state = .taken; defer { state = .mfi(x) }; return IndicatorValues(x.update(bar))
        case var .vwap(x): state = .taken; defer { state = .vwap(x) }; return IndicatorValues(x.update(bar))
        case var .donchian(x):
            state = .taken; defer { state = .donchian(x) }
            let o = x.update(bar)
            return IndicatorValues(o.upper, o.middle, o.lower)
        case var .keltner(x):
            state = .taken; defer { state = .keltner(x) }
            let o = x.update(bar)
            return IndicatorValues(o.upper, o.middle, o.lower)
        case var .supertrend(x):
            state = .taken; defer { state = .supertrend(x) }
            let o = x.update(bar)
            return IndicatorValues(o.value, o.direction == 0 ? .nan : Double(o.direction))
        case var .ichimoku(x):
            state = .taken; defer { state = .ichimoku(x) }
            let o = x.update(bar)
            return IndicatorValues(o.tenkan, o.kijun, o.senkouA, o.senkouB)
        case .taken:
            preconditionFailure("IndicatorStream state is only taken during an update")
        }
    }

    private enum State: Sendable {
        case sma(SMA), ema(EMA), wma(WMA), dema(DEMA), tema(TEMA), rsi(RSI), macd(MACD)
        case bbands(BollingerBands), atr(ATR), stoch(Stochastic), stochrsi(StochRSI), adx(ADX), cci(CCI)
        case roc(ROC), mom(MOM), willr(WilliamsR), obv(OBV), mfi(MFI), vwap(VWAP), donchian(Donchian)
        case keltner(Keltner), supertrend(Supertrend), ichimoku(Ichimoku)
        case taken
    }
}

extension IndicatorSpec {
    /// A fresh streaming instance of this indicator.
    public func makeStream() -> IndicatorStream { IndicatorStream(spec: self) }
}
