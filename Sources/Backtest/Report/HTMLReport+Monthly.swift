extension HTMLReport {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Years x months table of returns, cells tinted green or red by sign and size.
    static func monthlySection(_ result: BacktestResult) -> String {
        let table = HTMLMonthlyReturns(result.equity, initialEquity: result.metrics.initialEquity)
        guard !table.years.isEmpty else { return "" }
        var scale = 0.0
        for y in table.years { for case let r? in y.months { scale = Swift.max(scale, abs(r)) } }
        var out = "<div class=\"scroll\"><table class=\"monthly\"><thead><tr><th>Year</th>"
        for name in monthNames { out += "<th>\(name)</th>" }
        out += "<th>Year</th></tr></thead><tbody>"
        for y in table.years {
            out += "<tr><th>\(y.year)</th>"
            for (i, r) in y.months.enumerated() {
                if let r {
                    out += "<td style=\"\(tint(r, scale: scale))\" title=\"\(monthNames[i]) \(y.year)\">\(HTMLFormat.percent(r))</td>"
                } else {
                    out += "<td class=\"none\"></td>"
                }
            }
            out += "<td class=\"total \(signClass(y.total))\">\(HTMLFormat.percent(y.total))</td></tr>"
        }
        out += "</tbody></table></div>\n"
        return section("Monthly returns", id: "monthly", out)
    }

    /// Background colour: green for gains, red for losses, stronger for larger moves relative to `scale`.
    static func tint(_ r: Double, scale: Double) -> String {
        let strength = scale > 0 ? Swift.min(1, abs(r) / scale) : 0
        let alpha = HTMLFormat.fixed(0.1 + 0.5 * strength, digits: 2)
        return r >= 0 ? "background:rgba(22,163,74,\(alpha))" : "background:rgba(220,38,38,\(alpha))"
    }
}
