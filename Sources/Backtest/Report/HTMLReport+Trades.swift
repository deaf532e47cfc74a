import TradingCore
import TradingModel

extension HTMLReport {
    /// Sortable list of closed trades, capped at ``maxTradeRows``.
    static func tradeSection(_ trades: [ClosedTrade], exitReasons: [String: ExitReason] = [:]) -> String {
        guard !trades.isEmpty else {
            return section("Trades", id: "trades", "<p class=\"empty\">No closed trades.</p>")
        }
        var out = "<p class=\"note\">Click a column header to sort. Times are UTC.</p>"
        out += "<div class=\"scroll\"><table class=\"sortable trades\"><thead><tr>"
        for h in ["#", "Symbol", "Side", "Entry time", "Exit time", "Entry", "Exit", "Quantity", "PnL", "Return", "Fee", "Bars", "Exit"] {
            out += "<th>\(h)</th>"
        }
        out += "</tr></thead><tbody>"
        for (i, t) in trades.prefix(maxTradeRows).enumerated() {
            out += "<tr><td data-v=\"\(i + 1)\">\(i + 1)</td><td>\(HTMLEscape.text(t.symbol))</td>"
            out += "<td class=\"\(t.side == .buy ? "long" : "short")\">\(sideName(t.side))</td>"
            out += "<td data-v=\"\(t.entryTime)\">\(HTMLFormat.dateTime(t.entryTime))</td>"
            out += "<td data-v=\"\(t.exitTime)\">\(HTMLFormat.dateTime(t.exitTime))</td>"
            out += numeric(t.entryPrice) + numeric(t.exitPrice) + numeric(t.quantity)
            out += money(t.pnl, signed: true)
            out += "<td class=\"num \(signClass(t.returnFraction))\" data-v=\"\(t.returnFraction)\">\(HTMLFormat.percent(t.returnFraction, signed: true))</td>"
            out += money(t.fee)
            out += "<td class=\"num\" data-v=\"\(t.bars)\">\(t.bars)</td>"
            let reason = exitReasons[t.exitOrderId]?.rawValue ?? "signal"
            out += "<td class=\"exit \(reason)\">\(String(reason.map { $0 == "_" ? " " : $0 }))</td></tr>"
        }
        out += "</tbody></table></div>\n"
        if trades.count > maxTradeRows {
            out += "<p class=\"note\">Showing the first \(maxTradeRows) of \(trades.count) trades; the JSON report lists them all.</p>"
        }
        return section("Trades (\(trades.count))", id: "trades", out)
    }

    /// A right-aligned exact decimal cell with its numeric sort key.
    static func numeric(_ value: Fixed) -> String {
        "<td class=\"num\" data-v=\"\(value.doubleValue)\">\(HTMLFormat.exact(value))</td>"
    }

    /// A money cell rounded to cents for reading, the exact amount in its title and sort key.
    static func money(_ value: Fixed, signed: Bool = false) -> String {
        let v = value.doubleValue
        return "<td class=\"num\(signed ? " " + signClass(v) : "")\" data-v=\"\(v)\" title=\"\(value)\">\(HTMLFormat.number(v))</td>"
    }

    /// Positions still open at the end of the run, marked to market.
    static func openPositionSection(_ open: [OpenTrade]) -> String {
        guard !open.isEmpty else { return "" }
        var out = "<div class=\"scroll\"><table><thead><tr><th>Symbol</th><th>Side</th><th>Entry time</th><th>Entry</th>"
        out += "<th>Quantity</th><th>Mark</th><th>Unrealized PnL</th><th>Fee</th><th>Entry order</th></tr></thead><tbody>"
        for o in open {
            out += "<tr><td>\(HTMLEscape.text(o.symbol))</td><td class=\"\(o.side == .buy ? "long" : "short")\">\(sideName(o.side))</td>"
            out += "<td>\(HTMLFormat.dateTime(o.entryTime))</td>" + numeric(o.entryPrice) + numeric(o.quantity) + numeric(o.markPrice)
            out += money(o.unrealizedPnl, signed: true) + money(o.fee)
            out += "<td><code>\(HTMLEscape.text(o.entryOrderId))</code></td></tr>"
        }
        out += "</tbody></table></div>\n"
        return section("Open positions at the end", id: "open", out)
    }

    /// Orders refused by the risk layer or the venue.
    static func rejectionSection(_ rejections: [RiskRejection]) -> String {
        guard !rejections.isEmpty else { return "" }
        var out = "<div class=\"scroll\"><table class=\"sortable\"><thead><tr><th>Time</th><th>Symbol</th><th>Order</th><th>Code</th><th>Message</th></tr></thead><tbody>"
        for r in rejections.prefix(maxTradeRows) {
            out += "<tr><td data-v=\"\(r.time)\">\(HTMLFormat.dateTime(r.time))</td><td>\(HTMLEscape.text(r.symbol))</td>"
            out += "<td><code>\(HTMLEscape.text(r.clientOrderId))</code></td><td><code>\(HTMLEscape.text(r.code))</code></td>"
            out += "<td>\(HTMLEscape.text(r.message))</td></tr>"
        }
        out += "</tbody></table></div>\n"
        if rejections.count > maxTradeRows {
            out += "<p class=\"note\">Showing the first \(maxTradeRows) of \(rejections.count) rejections.</p>"
        }
        return section("Risk rejections (\(rejections.count))", id: "rejections", out)
    }

    /// Per-symbol figures, only for portfolio runs with more than one symbol.
    static func symbolSection(_ result: BacktestResult) -> String {
        guard result.symbolMetrics.count > 1 else { return "" }
        var out = "<div class=\"scroll\"><table class=\"sortable\"><thead><tr><th>Symbol</th><th>Trades</th><th>Win rate</th>"
        out += "<th>PnL</th><th>Contribution</th><th>Fees</th><th>Exposure</th><th>Buy &amp; hold</th></tr></thead><tbody>"
        for m in result.symbolMetrics.values.sorted(by: { $0.symbol < $1.symbol }) {
            out += "<tr><td>\(HTMLEscape.text(m.symbol))</td><td class=\"num\" data-v=\"\(m.trades)\">\(m.trades)</td>"
            out += "<td class=\"num\" data-v=\"\(m.winRate)\">\(HTMLFormat.percent(m.winRate))</td>"
            out += "<td class=\"num \(signClass(m.pnl))\" data-v=\"\(m.pnl)\">\(HTMLFormat.number(m.pnl))</td>"
            out += "<td class=\"num \(signClass(m.contribution))\" data-v=\"\(m.contribution)\">\(HTMLFormat.percent(m.contribution, signed: true))</td>"
            out += "<td class=\"num\" data-v=\"\(m.feesPaid)\">\(HTMLFormat.number(m.feesPaid))</td>"
            out += "<td class=\"num\" data-v=\"\(m.exposure)\">\(HTMLFormat.percent(m.exposure))</td>"
            out += "<td class=\"num \(signClass(m.buyAndHoldReturn))\" data-v=\"\(m.buyAndHoldReturn)\">\(HTMLFormat.percent(m.buyAndHoldReturn, signed: true))</td></tr>"
        }
        out += "</tbody></table></div>\n"
        return section("Per symbol", id: "symbols", out)
    }
}
