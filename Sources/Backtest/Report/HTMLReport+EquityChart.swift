import TradingModel

extension HTMLReport {
    /// Equity curve against buy-and-hold, and the underwater (drawdown) chart below it.
    static func equitySection(_ result: BacktestResult, series: [InstrumentSeries]) -> String {
        let curve = result.equity
        guard let first = curve.first, let last = curve.last else {
            return section("Equity", id: "equity", "<p class=\"empty\">No equity curve recorded.</p>")
        }
        let initial = result.metrics.initialEquity > 0 ? result.metrics.initialEquity : first.value
        let equity = SVGDownsampler.downsample(curve, cap: maxChartPoints)
        let hold = buyAndHold(series, initial: initial, cap: maxChartPoints)
        let drawdown = drawdownCurve(curve, cap: maxChartPoints)
        let from = Swift.min(first.time, hold.first?.time ?? first.time)
        let to = Swift.max(last.time, hold.last?.time ?? last.time)
        let times = SVGAxis.timeTicks(from: from, to: to)

        let span = SVGChart.range(equity, hold) ?? (initial, initial)
        let axis = SVGAxis.valueTicks(low: span.low, high: span.high)
        let plot = SVGPlot(height: 340, from: from, to: to, low: axis.low, high: axis.high)
        var svg = SVGChart.open(plot, label: "Equity curve and buy and hold")
        svg += SVGChart.grid(plot, values: axis.ticks, times: times)
        svg += "<path class=\"equity-area\" d=\"\(SVGChart.areaPath(equity, base: axis.low, plot: plot))\"/>"
        if !hold.isEmpty { svg += "<path class=\"hold\" d=\"\(SVGChart.linePath(hold, plot: plot))\"/>" }
        if initial >= axis.low && initial <= axis.high {
            let y = SVGPathBuilder.number(plot.y(initial))
            svg += "<line class=\"base\" x1=\"\(SVGPathBuilder.number(plot.left))\" x2=\"\(SVGPathBuilder.number(plot.width - plot.right))\" y1=\"\(y)\" y2=\"\(y)\"/>"
        }
        svg += "<path class=\"equity\" d=\"\(SVGChart.linePath(equity, plot: plot))\"/></svg>"

        let ddLow = Swift.min(-0.0001, drawdown.map(\.value).min() ?? 0)
        let ddAxis = SVGAxis.valueTicks(low: ddLow * 100, high: 0, target: 4)
        let ddPlot = SVGPlot(height: 170, from: from, to: to, low: ddAxis.low / 100, high: 0)
        var dd = SVGChart.open(ddPlot, label: "Drawdown")
        let ddTicks = ddAxis.ticks.filter { $0.value <= 0 }.map { SVGAxis.Tick(value: $0.value / 100, label: $0.label) }
        dd += SVGChart.grid(ddPlot, values: ddTicks, times: times, valueSuffix: "%")
        dd += "<path class=\"drawdown\" d=\"\(SVGChart.areaPath(drawdown, base: 0, plot: ddPlot))\"/></svg>"

        var body = "<div class=\"legend\"><span class=\"key equity\"></span>Strategy equity"
        if !hold.isEmpty { body += "<span class=\"key hold\"></span>Buy &amp; hold (same initial equity)" }
        body += "<span class=\"muted\">\(HTMLFormat.number(initial)) → \(HTMLFormat.number(last.value))</span></div>"
        body += "<figure>\(svg)</figure>\n<h3>Drawdown</h3><figure>\(dd)</figure>\n"
        if curve.count > maxChartPoints {
            body += "<p class=\"note\">Charts show \(HTMLFormat.number(Double(equity.count), digits: 0)) of \(HTMLFormat.number(Double(curve.count), digits: 0)) points (minimum and maximum of each bucket).</p>"
        }
        return section("Equity", id: "equity", body)
    }

    /// Underwater curve: equity over its running peak minus one (0 at a new high, negative below it).
    /// - Complexity: O(n), downsampled on the fly.
    static func drawdownCurve(_ curve: [EquityPoint], cap: Int) -> [SVGPoint] {
        var sampler = SVGDownsampler(count: curve.count, cap: cap)
        var peak = -Double.infinity
        for p in curve {
            peak = Swift.max(peak, p.value)
            sampler.add(time: p.time, value: peak > 0 ? p.value / peak - 1 : 0)
        }
        return sampler.finish()
    }

    /// Buy-and-hold equity: `initial` invested at the first close, split equally across the symbols and
    /// carried forward at each symbol's latest close.
    /// - Complexity: O(total bars x symbols) by a k-way merge on time; no allocation per bar.
    static func buyAndHold(_ series: [InstrumentSeries], initial: Double, cap: Int) -> [SVGPoint] {
        let usable = series.filter { ($0.bars.first?.close ?? 0) > 0 }
        guard !usable.isEmpty else { return [] }
        let total = usable.reduce(0) { $0 + $1.bars.count }
        var sampler = SVGDownsampler(count: total, cap: cap)
        if usable.count == 1 {
            let bars = usable[0].bars
            let scale = initial / bars[0].close
            for b in bars { sampler.add(time: b.time, value: b.close * scale) }
            return sampler.finish()
        }
        let bases = usable.map { $0.bars[0].close }
        var index = [Int](repeating: 0, count: usable.count)
        var ratio = [Double](repeating: 1, count: usable.count)
        let share = initial / Double(usable.count)
        while true {
            var next = Int64.max
            for k in usable.indices where index[k] < usable[k].bars.count { next = Swift.min(next, usable[k].bars[index[k]].time) }
            if next == .max { break }
            var value = 0.0
            for k in usable.indices {
                if index[k] < usable[k].bars.count, usable[k].bars[index[k]].time == next {
                    ratio[k] = usable[k].bars[index[k]].close / bases[k]
                    index[k] += 1
                }
                value += ratio[k] * share
            }
            sampler.add(time: next, value: value)
        }
        return sampler.finish()
    }
}
