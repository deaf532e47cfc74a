extension IndicatorSpec {
    /// Every indicator a specification can name, with parameters, defaults and outputs, in
    /// `Kind.allCases` order.
    public static var available: [IndicatorDescriptor] { Kind.allCases.map(\.descriptor) }
}

extension IndicatorSpec.Kind {
    /// Name, summary, parameters (with defaults) and output prefixes of this indicator.
    public var descriptor: IndicatorDescriptor {
        let name = rawValue
        switch self {
        case .sma: return .init(name: name, summary: "simple moving average of close (TA-Lib SMA)",
                                parameters: [period(20)], outputs: [name])
        case .ema: return .init(name: name, summary: "exponential moving average of close, SMA-seeded (TA-Lib EMA)",
                                parameters: [period(20)], outputs: [name])
        case .wma: return .init(name: name, summary: "linearly weighted moving average of close (TA-Lib WMA)",
                                parameters: [period(20)], outputs: [name])
        case .dema: return .init(name: name, summary: "double exponential moving average of close (TA-Lib DEMA)",
                                 parameters: [period(20)], outputs: [name])
        case .tema: return .init(name: name, summary: "triple exponential moving average of close (TA-Lib TEMA)",
                                 parameters: [period(20)], outputs: [name])
        case .rsi: return .init(name: name, summary: "relative strength index of close, Wilder smoothing (TA-Lib RSI)",
                                parameters: [period(14, minimum: 2)], outputs: [name])
        case .macd: return .init(name: name, summary: "MACD line, signal and histogram of close (TA-Lib MACD)",
                                 parameters: [period(12, "fast", minimum: 2), period(26, "slow", minimum: 2),
                                              period(9, "signal")],
                                 outputs: ["macd", "macd_signal", "macd_hist"])
        case .bbands: return .init(name: name, summary: "Bollinger Bands of close: SMA ± multiplier × std dev (TA-Lib BBANDS)",
                                   parameters: [period(20, minimum: 2), multiplier(2)],
                                   outputs: ["bbands_upper", "bbands_middle", "bbands_lower"])
        case .atr: return .init(name: name, summary: "average true range, Wilder smoothing (TA-Lib ATR)",
                                parameters: [period(14)], outputs: [name])
        case .stoch: return .init(name: name, summary: "slow stochastic %K and %D with SMA smoothing (TA-Lib STOCH)",
                                  parameters: [period(5, "fastk"), period(3, "slowk"), period(3, "slowd")],
                                  outputs: ["stoch_k", "stoch_d"])
        case .stochrsi: return .init(name: name, summary: "stochastic RSI fast %K and %D of close (TA-Lib STOCHRSI)",
                                     parameters: [period(14, minimum: 2), period(5, "fastk"), period(3, "fastd")],
                                     outputs: ["stochrsi_k", "stochrsi_d"])
        case .adx: return .init(name: name, summary: "average directional index with +DI and -DI (TA-Lib ADX, PLUS_DI, MINUS_DI)",
                                parameters: [period(14, minimum: 2)], outputs: ["adx", "plus_di", "minus_di"])
        case .cci: return .init(name: name, summary: "commodity channel index of the typical price (TA-Lib CCI)",
                                parameters: [period(20, minimum: 2)], outputs: [name])
        case .roc: return .init(name: name, summary: "rate of change of close in percent (TA-Lib ROC)",
                                parameters: [period(10)], outputs: [name])
        case .mom: return .init(name: name, summary: "momentum: close minus close n bars ago (TA-Lib MOM)",
                                parameters: [period(10)], outputs: [name])
        case .willr: return .init(name: name, summary: "Williams %R (TA-Lib WILLR)",
                                  parameters: [period(14, minimum: 2)], outputs: [name])
        case .obv: return .init(name: name, summary: "on-balance volume (TA-Lib OBV)", parameters: [], outputs: [name])
        case .mfi: return .init(name: name, summary: "money flow index (TA-Lib MFI)",
                                parameters: [period(14, minimum: 2)], outputs: [name])
        case .vwap: return .init(name: name, summary: "typical-price VWAP anchored to the UTC day (resets at 00:00 UTC)",
                                 parameters: [], outputs: [name])
        case .donchian: return .init(name: name, summary: "Donchian channel: highest high, midpoint, lowest low",
                                     parameters: [period(20)],
                                     outputs: ["donchian_upper", "donchian_middle", "donchian_lower"])
        case .keltner: return .init(name: name, summary: "Keltner channel: EMA(close) ± multiplier × ATR",
                                    parameters: [period(20), multiplier(2)],
                                    outputs: ["keltner_upper", "keltner_middle", "keltner_lower"])
        case .supertrend: return .init(name: name, summary: "Supertrend line and direction (+1 up, -1 down)",
                                       parameters: [period(10, "atr_period"), multiplier(3)],
                                       outputs: ["supertrend", "supertrend_dir"])
        case .ichimoku: return .init(name: name, summary: "Ichimoku tenkan, kijun and senkou spans A/B at their plotted bar (no chikou)",
                                     parameters: [period(9, "tenkan"), period(26, "kijun"), period(52, "senkou_b")],
                                     outputs: ["ichimoku_tenkan", "ichimoku_kijun", "ichimoku_senkou_a", "ichimoku_senkou_b"])
        }
    }

    private func period(_ value: Int, _ name: String = "period", minimum: Int = 1) -> IndicatorParameter {
        IndicatorParameter(name: name, kind: .period(minimum: minimum), defaultValue: Double(value))
    }

    private func multiplier(_ value: Double) -> IndicatorParameter {
        IndicatorParameter(name: "multiplier", kind: .multiplier, defaultValue: value)
    }
}
