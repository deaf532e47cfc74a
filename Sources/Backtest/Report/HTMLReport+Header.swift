import TradingModel

extension HTMLReport {
    /// Title, strategy, parameters, symbols, timeframe, period, run id, capital.
    static func header(_ result: BacktestResult) -> String {
        let c = result.configuration
        let m = result.metrics
        let symbols = c.instruments.map(\.symbol)
        let parameters = c.parameters.summary
        var out = "<header><div class=\"eyebrow\">Backtest report</div>"
        out += "<h1>\(HTMLEscape.text(c.strategy))</h1><dl class=\"facts\">"
        func fact(_ name: String, _ value: String) { out += "<div><dt>\(name)</dt><dd>\(value)</dd></div>" }
        fact("Parameters", parameters.isEmpty ? HTMLFormat.missing : "<code>\(HTMLEscape.text(parameters))</code>")
        fact("Symbols", symbols.isEmpty ? HTMLFormat.missing : HTMLEscape.text(symbols.joined(separator: ", ")))
        fact("Timeframe", HTMLEscape.text(c.timeframe.description))
        fact("Period", "\(HTMLFormat.dateTime(m.startTime)) → \(HTMLFormat.dateTime(m.endTime)) UTC")
        fact("Bars", HTMLFormat.number(Double(m.bars), digits: 0))
        fact("Capital", "\(HTMLFormat.number(m.initialEquity)) → \(HTMLFormat.number(m.finalEquity))")
        fact("Sizing", HTMLEscape.text(c.sizing.description) + (c.allowShort ? ", shorts allowed" : ", long only"))
        fact("Run id", "<code>\(HTMLEscape.text(result.id))</code>")
        out += "</dl></header>\n"
        return out
    }

    /// The headline metrics as cards.
    static func summaryCards(_ m: PerformanceMetrics) -> String {
        var out = "<section class=\"cards\">"
        func card(_ name: String, _ value: String, _ tone: String = "", note: String = "") {
            out += "<div class=\"card\"><div class=\"label\">\(name)</div><div class=\"value \(tone)\">\(value)</div>"
            if !note.isEmpty { out += "<div class=\"note\">\(note)</div>" }
            out += "</div>"
        }
        card("Total return", HTMLFormat.percent(m.totalReturn, signed: true), signClass(m.totalReturn))
        card("CAGR", HTMLFormat.percent(m.cagr, signed: true), signClass(m.cagr))
        card("Sharpe", HTMLFormat.number(m.sharpe), signClass(m.sharpe))
        card("Sortino", HTMLFormat.number(m.sortino), signClass(m.sortino))
        card("Calmar", HTMLFormat.number(m.calmar), signClass(m.calmar))
        card("Max drawdown", HTMLFormat.percent(-m.maxDrawdown), m.maxDrawdown > 0 ? "neg" : "",
             note: "longest \(HTMLFormat.duration(seconds: m.maxDrawdownDurationSeconds)) (\(m.maxDrawdownDurationBars) bars)")
        card("Volatility", HTMLFormat.percent(m.volatility), note: "annualized")
        card("Win rate", HTMLFormat.percent(m.winRate))
        card("Profit factor", m.profitFactor.map { HTMLFormat.number($0) } ?? "∞",
             (m.profitFactor ?? .infinity) >= 1 ? (m.trades > 0 ? "pos" : "") : "neg")
        card("Trades", "\(m.trades)", note: "avg \(HTMLFormat.percent(m.averageTradeReturn, signed: true)) per trade")
        card("Expectancy", HTMLFormat.number(m.expectancy), signClass(m.expectancy), note: "per trade")
        card("Exposure", HTMLFormat.percent(m.exposure), note: "of bars in market")
        card("Fees", HTMLFormat.number(m.feesPaid))
        card("Buy &amp; hold", HTMLFormat.percent(m.buyAndHoldReturn, signed: true), signClass(m.buyAndHoldReturn))
        card("Best trade", HTMLFormat.percent(m.bestTrade, signed: true), signClass(m.bestTrade), note: "return")
        card("Worst trade", HTMLFormat.percent(m.worstTrade, signed: true), signClass(m.worstTrade), note: "return")
        out += "</section>\n"
        return out
    }
}
