extension IndicatorSpec {
    /// Index of the first bar at which every output column is defined, i.e. the number of warm-up
    /// bars (equal to the indicator struct's `lookback`).
    public var lookback: Int {
        let p = period
        switch kind {
        case .sma, .ema, .wma, .bbands, .cci, .willr, .donchian: return p(0) - 1
        case .dema: return 2 * (p(0) - 1)
        case .tema: return 3 * (p(0) - 1)
        case .rsi, .atr, .roc, .mom, .mfi, .keltner, .supertrend: return p(0)
        case .macd: return p(1) + p(2) - 2
        case .stoch: return p(0) + p(1) + p(2) - 3
        case .stochrsi: return p(0) + p(1) + p(2) - 2
        case .adx: return 2 * p(0) - 1
        case .obv, .vwap: return 0
        case .ichimoku: return max(2 * p(1), p(2) + p(1)) - 1
        }
    }
}
