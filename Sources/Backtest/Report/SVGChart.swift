/// Shared pieces of the report's inline SVG charts: the opening tag, grid, axes and line paths.
enum SVGChart {
    /// `<svg ...>` sized by its view box so it scales with the page width.
    static func open(_ plot: SVGPlot, label: String, cssClass: String = "chart") -> String {
        "<svg class=\"\(cssClass)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(plot.width)) \(Int(plot.height))\" role=\"img\" aria-label=\"\(HTMLEscape.text(label))\">"
    }

    /// Horizontal grid lines with value labels, vertical grid lines with time labels, and the plot border.
    static func grid(_ plot: SVGPlot, values: [SVGAxis.Tick<Double>], times: [SVGAxis.Tick<Int64>],
                     valueSuffix: String = "") -> String {
        var out = "<g class=\"grid\">"
        for tick in values {
            let y = SVGPathBuilder.number(plot.y(tick.value))
            out += "<line x1=\"\(SVGPathBuilder.number(plot.left))\" x2=\"\(SVGPathBuilder.number(plot.width - plot.right))\" y1=\"\(y)\" y2=\"\(y)\"/>"
        }
        for tick in times {
            let x = SVGPathBuilder.number(plot.x(tick.value))
            out += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(SVGPathBuilder.number(plot.top))\" y2=\"\(SVGPathBuilder.number(plot.height - plot.bottom))\"/>"
        }
        out += "</g><g class=\"axis\">"
        for tick in values {
            out += "<text x=\"\(SVGPathBuilder.number(plot.left - 6))\" y=\"\(SVGPathBuilder.number(plot.y(tick.value) + 4))\" text-anchor=\"end\">\(tick.label)\(valueSuffix)</text>"
        }
        for tick in times {
            out += "<text x=\"\(SVGPathBuilder.number(plot.x(tick.value)))\" y=\"\(SVGPathBuilder.number(plot.height - 8))\" text-anchor=\"middle\">\(HTMLEscape.text(tick.label))</text>"
        }
        out += "<rect class=\"frame\" x=\"\(SVGPathBuilder.number(plot.left))\" y=\"\(SVGPathBuilder.number(plot.top))\" width=\"\(SVGPathBuilder.number(plot.plotWidth))\" height=\"\(SVGPathBuilder.number(plot.plotHeight))\"/></g>"
        return out
    }

    /// Path data of a polyline through `points`.
    static func linePath(_ points: [SVGPoint], plot: SVGPlot) -> String {
        var path = SVGPathBuilder(capacity: points.count)
        for (i, p) in points.enumerated() {
            if i == 0 { path.move(plot.x(p.time), plot.y(p.value)) } else { path.line(plot.x(p.time), plot.y(p.value)) }
        }
        return path.data
    }

    /// Path data of the area between `points` and the horizontal line at `base`.
    static func areaPath(_ points: [SVGPoint], base: Double, plot: SVGPlot) -> String {
        guard let first = points.first, let last = points.last else { return "" }
        var path = SVGPathBuilder(capacity: points.count + 3)
        path.move(plot.x(first.time), plot.y(base))
        for p in points { path.line(plot.x(p.time), plot.y(p.value)) }
        path.line(plot.x(last.time), plot.y(base))
        path.close()
        return path.data
    }

    /// Lowest and highest value of several series (ignoring empty ones), or nil when all are empty.
    static func range(_ series: [SVGPoint]...) -> (low: Double, high: Double)? {
        var low = Double.infinity, high = -Double.infinity
        for s in series { for p in s { low = Swift.min(low, p.value); high = Swift.max(high, p.value) } }
        return low <= high ? (low, high) : nil
    }
}
