import TradingCore
import TradingModel

extension HTMLReport {
    /// One price chart per symbol with entry and exit markers.
    static func priceSection(_ result: BacktestResult, series: [InstrumentSeries]) -> String {
        let drawn = series.filter { !$0.bars.isEmpty }
        guard !drawn.isEmpty else { return "" }
        var body = "<div class=\"legend\"><span class=\"mark up\">▲</span>long entry<span class=\"mark down\">▼</span>short entry"
        body += "<span class=\"mark win\">●</span>winning exit<span class=\"mark loss\">●</span>losing exit<span class=\"mark open\">◆</span>open position</div>"
        for s in drawn {
            let trades = result.trades.filter { $0.symbol == s.instrument.symbol }
            let open = result.openPositions.filter { $0.symbol == s.instrument.symbol }
            body += "<h3>\(HTMLEscape.text(s.instrument.symbol))</h3><figure>\(priceChart(s, trades: trades, open: open))</figure>\n"
            if s.bars.count > maxChartPoints {
                body += "<p class=\"note\">\(HTMLFormat.number(Double(s.bars.count), digits: 0)) bars merged into buckets of \(HTMLFormat.number(Double((s.bars.count + maxChartPoints - 1) / maxChartPoints), digits: 0)) (high/low band and close).</p>"
            }
            if trades.count > maxTradeMarkers {
                body += "<p class=\"note\">Markers show the first \(maxTradeMarkers) of \(trades.count) trades.</p>"
            }
        }
        return section("Price and trades", id: "prices", body)
    }

    /// The SVG price chart of one series: candles for short series, otherwise a high/low band with the close.
    static func priceChart(_ s: InstrumentSeries, trades: [ClosedTrade], open: [OpenTrade]) -> String {
        let bars = SVGDownsampler.aggregate(s.bars, cap: maxChartPoints)
        let from = s.bars[0].time
        let lastTime = s.bars[s.bars.count - 1].time
        let candles = s.bars.count <= candleLimit
        let barWidthMs = s.bars.count > 1 ? (lastTime - from) / Int64(s.bars.count - 1) : 60_000
        let to = candles ? lastTime + barWidthMs : lastTime
        var low = Double.infinity, high = -Double.infinity
        for b in bars { low = Swift.min(low, b.low); high = Swift.max(high, b.high) }
        let marked = trades.prefix(maxTradeMarkers)
        for t in marked {
            low = Swift.min(low, t.entryPrice.doubleValue, t.exitPrice.doubleValue)
            high = Swift.max(high, t.entryPrice.doubleValue, t.exitPrice.doubleValue)
        }
        let axis = SVGAxis.valueTicks(low: low, high: high)
        let plot = SVGPlot(height: 360, from: from, to: to, low: axis.low, high: axis.high)
        var svg = SVGChart.open(plot, label: "Price of \(s.instrument.symbol)")
        svg += SVGChart.grid(plot, values: axis.ticks, times: SVGAxis.timeTicks(from: from, to: to))
        svg += candles ? candlePaths(bars, plot: plot, widthMs: barWidthMs) : bandPaths(bars, plot: plot)
        svg += markers(marked, open: open, plot: plot, symbol: s.instrument.symbol)
        svg += "</svg>"
        return svg
    }

    /// Candles as two paths (rising and falling): wick line plus body rectangle per bar.
    static func candlePaths(_ bars: [Bar], plot: SVGPlot, widthMs: Int64) -> String {
        let half = Swift.max(0.5, (plot.x(bars[0].time + widthMs) - plot.x(bars[0].time)) * 0.35)
        var up = SVGPathBuilder(capacity: bars.count * 4), down = SVGPathBuilder(capacity: bars.count * 4)
        for b in bars {
            let x = plot.x(b.time + widthMs / 2)
            let top = plot.y(Swift.max(b.open, b.close)), bottom = Swift.max(plot.y(Swift.min(b.open, b.close)), top + 0.8)
            func draw(_ p: inout SVGPathBuilder) {
                p.move(x, plot.y(b.high)); p.line(x, top)
                p.move(x, bottom); p.line(x, plot.y(b.low))
                p.move(x - half, top); p.line(x + half, top); p.line(x + half, bottom); p.line(x - half, bottom); p.close()
            }
            if b.close >= b.open { draw(&up) } else { draw(&down) }
        }
        return "<path class=\"candle up\" d=\"\(up.data)\"/><path class=\"candle down\" d=\"\(down.data)\"/>"
    }

    /// A filled band between bucket highs and lows plus the close line.
    static func bandPaths(_ bars: [Bar], plot: SVGPlot) -> String {
        var band = SVGPathBuilder(capacity: bars.count * 2 + 1), close = SVGPathBuilder(capacity: bars.count)
        for (i, b) in bars.enumerated() {
            if i == 0 { band.move(plot.x(b.time), plot.y(b.high)) } else { band.line(plot.x(b.time), plot.y(b.high)) }
            if i == 0 { close.move(plot.x(b.time), plot.y(b.close)) } else { close.line(plot.x(b.time), plot.y(b.close)) }
        }
        for b in bars.reversed() { band.line(plot.x(b.time), plot.y(b.low)) }
        band.close()
        return "<path class=\"band\" d=\"\(band.data)\"/><path class=\"close\" d=\"\(close.data)\"/>"
    }

    /// Entry triangles, exit dots, entry-to-exit connectors, each with a hover title.
    static func markers(_ trades: ArraySlice<ClosedTrade>, open: [OpenTrade], plot: SVGPlot, symbol: String) -> String {
        var links = "", marks = ""
        func n(_ v: Double) -> String { SVGPathBuilder.number(v) }
        for t in trades {
            let x0 = plot.x(t.entryTime), y0 = plot.y(t.entryPrice.doubleValue)
            let x1 = plot.x(t.exitTime), y1 = plot.y(t.exitPrice.doubleValue)
            let win = t.pnl.isPositive
            let long = t.side == .buy
            let tip = "\(sideName(t.side)) \(symbol) · \(HTMLFormat.dateTime(t.entryTime)) @ \(t.entryPrice) → \(HTMLFormat.dateTime(t.exitTime)) @ \(t.exitPrice) · pnl \(t.pnl) (\(HTMLFormat.percent(t.returnFraction, signed: true)))"
            let title = "<title>\(HTMLEscape.text(tip))</title>"
            links += "<line class=\"link \(win ? "win" : "loss")\" x1=\"\(n(x0))\" y1=\"\(n(y0))\" x2=\"\(n(x1))\" y2=\"\(n(y1))\"/>"
            let triangle = long
                ? "\(n(x0)),\(n(y0 - 6)) \(n(x0 - 5.5)),\(n(y0 + 4)) \(n(x0 + 5.5)),\(n(y0 + 4))"
                : "\(n(x0)),\(n(y0 + 6)) \(n(x0 - 5.5)),\(n(y0 - 4)) \(n(x0 + 5.5)),\(n(y0 - 4))"
            marks += "<polygon class=\"entry \(long ? "up" : "down")\" points=\"\(triangle)\">\(title)</polygon>"
            marks += "<circle class=\"exit \(win ? "win" : "loss")\" cx=\"\(n(x1))\" cy=\"\(n(y1))\" r=\"3.5\">\(title)</circle>"
        }
        for o in open {
            let x = plot.x(o.entryTime), y = plot.y(o.entryPrice.doubleValue)
            let tip = "open \(sideName(o.side)) \(symbol) · \(HTMLFormat.dateTime(o.entryTime)) @ \(o.entryPrice) · mark \(o.markPrice) · unrealized \(o.unrealizedPnl)"
            marks += "<polygon class=\"entry open\" points=\"\(n(x)),\(n(y - 6)) \(n(x + 5)),\(n(y)) \(n(x)),\(n(y + 6)) \(n(x - 5)),\(n(y))\"><title>\(HTMLEscape.text(tip))</title></polygon>"
        }
        return "<g class=\"links\">\(links)</g><g class=\"markers\">\(marks)</g>"
    }
}
