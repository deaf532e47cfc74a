/// Calendar-month returns of an equity curve: month-end equity over the previous month-end equity minus
/// one, the first month measured against the initial equity; the year total is year-end equity over the
/// previous year-end (or initial) equity minus one, i.e. the months compounded.
struct HTMLMonthlyReturns: Equatable {
    /// One calendar year: twelve months (nil where the curve has no point) and the year's total.
    struct Year: Equatable {
        var year: Int
        var months: [Double?]
        var total: Double
    }

    var years: [Year]

    /// - Complexity: O(n); calendar arithmetic only when a point crosses into a new month.
    init(_ curve: [EquityPoint], initialEquity: Double) {
        var ends: [(year: Int, month: Int, value: Double)] = []
        var nextMonth = Int64.min
        for p in curve {
            if p.time >= nextMonth || ends.isEmpty {
                let c = HTMLCalendar.civil(p.time)
                if let last = ends.last, last.year == c.year, last.month == c.month {
                    ends[ends.count - 1].value = p.value
                } else {
                    ends.append((c.year, c.month, p.value))
                }
                nextMonth = HTMLCalendar.startOfMonth(year: c.year, month: c.month + 1)
            } else {
                ends[ends.count - 1].value = p.value
            }
        }
        var years: [Year] = []
        var previous = initialEquity > 0 ? initialEquity : (curve.first?.value ?? 0)
        var yearStart = previous
        for end in ends {
            if years.last?.year != end.year {
                yearStart = previous
                years.append(Year(year: end.year, months: Array(repeating: nil, count: 12), total: 0))
            }
            let i = years.count - 1
            years[i].months[end.month - 1] = previous != 0 ? end.value / previous - 1 : 0
            years[i].total = yearStart != 0 ? end.value / yearStart - 1 : 0
            previous = end.value
        }
        self.years = years
    }
}
