import TradingModel

extension IndicatorSpec {
    /// The indicator's batch columns over `columns`, named as `columnNames`, one value per bar
    /// (NaN during the warm-up). Price indicators read the close.
    ///
    /// - Complexity: O(bars) for every indicator except CCI, O(bars × period).
    public func compute(_ columns: BarColumns) -> [IndicatorColumn] {
        zip(columnNames, computeValues(columns)).map { IndicatorColumn(name: $0, values: $1) }
    }

    private func computeValues(_ bars: BarColumns) -> [[Double]] {
        let close = bars.close
        switch kind {
        case .sma: return [SMA.compute(close, period: period(0))]
        case .ema: return [EMA.compute(close, period: period(0))]
        case .wma: return [WMA.compute(close, period: period(0))]
        case .dema: return [DEMA.compute(close, period: period(0))]
        case .tema: return [TEMA.compute(close, period: period(0))]
        case .rsi: return [RSI.compute(close, period: period(0))]
        case .macd:
            let series = MACD.compute(close, fast: period(0), slow: period(1), signal: period(2))
            return [series.macd, series.signal, series.histogram]
        case .bbands:
            let series = BollingerBands.compute(close, period: period(0), multiplier: parameters[1])
            return [series.upper, series.middle, series.lower]
        case .atr: return [ATR.compute(bars, period: period(0))]
        case .stoch:
            let series = Stochastic.compute(bars, fastK: period(0), slowK: period(1), slowD: period(2))
            return [series.k, series.d]
        case .stochrsi:
            let series = StochRSI.compute(close, period: period(0), fastK: period(1), fastD: period(2))
            return [series.k, series.d]
        case .adx:
            let series = ADX.compute(bars, period: period(0))
            return [series.adx, series.plusDI, series.minusDI]
        case .cci: return [CCI.compute(bars, period: period(0))]
        case .roc: return [ROC.compute(close, period: period(0))]
        case .mom: return [MOM.compute(close, period: period(0))]
        case .willr: return [WilliamsR.compute(bars, period: period(0))]
        case .obv: return [OBV.compute(bars)]
        case .mfi: return [MFI.compute(bars, period: period(0))]
        case .vwap: return [VWAP.compute(bars)]
        case .donchian:
            let series = Donchian.compute(bars, period: period(0))
            return [series.upper, series.middle, series.lower]
        case .keltner:
            let series = Keltner.compute(bars, period: period(0), multiplier: parameters[1])
            return [series.upper, series.middle, series.lower]
        case .supertrend:
            let series = Supertrend.compute(bars, atrPeriod: period(0), multiplier: parameters[1])
            return [series.value, series.direction]
        case .ichimoku:
            let series = Ichimoku.compute(bars, tenkan: period(0), kijun: period(1), senkouB: period(2))
            return [series.tenkan, series.kijun, series.senkouA, series.senkouB]
        }
    }
}
