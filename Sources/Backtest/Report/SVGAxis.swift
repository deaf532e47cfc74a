import Foundation

/// Tick positions and labels for chart axes: round values (1, 2, 2.5, 5 x 10^k) on the value axis and
/// calendar-aligned UTC dates on the time axis.
enum SVGAxis {
    /// A tick: where it sits and what it says.
    struct Tick<Value> {
        var value: Value
        var label: String
    }

    /// About `target` round ticks covering `[low, high]`, plus the rounded range they span.
    static func valueTicks(low: Double, high: Double, target: Int = 6) -> (ticks: [Tick<Double>], low: Double, high: Double) {
        var lo = low, hi = high
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if hi - lo <= abs(hi) * 1e-12 { let pad = lo == 0 ? 1 : abs(lo) * 0.01; lo -= pad; hi += pad }
        let step = niceStep((hi - lo) / Double(Swift.max(1, target)))
        let first = (lo / step).rounded(.down) * step
        let last = (hi / step).rounded(.up) * step
        let decimals = Swift.max(0, Int(-floor(log10(step) + 1e-9)) + (isQuarter(step) ? 1 : 0))
        var ticks: [Tick<Double>] = []
        var v = first
        var i = 0
        while v <= last + step * 1e-9 && i < 100 {
            let snapped = abs(v) < step * 1e-9 ? 0 : v
            ticks.append(Tick(value: snapped, label: HTMLFormat.number(snapped, digits: decimals)))
            i += 1
            v = first + Double(i) * step
        }
        return (ticks, first, last)
    }

    /// The round step (1, 2, 2.5 or 5 times a power of ten) nearest above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    private static func isQuarter(_ step: Double) -> Bool {
        let magnitude = pow(10, floor(log10(step) + 1e-9))
        return abs(step / magnitude - 2.5) < 1e-9
    }

    private static let fixedSteps: [Int64] = [
        60, 300, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800, 1_209_600,
    ].map { $0 * 1000 }
    private static let monthSteps = [1, 2, 3, 6, 12, 24, 60, 120, 240]

    /// At most about `target` UTC-aligned time ticks inside `[from, to]` (Unix ms), labelled by the step:
    /// `HH:mm`, `MM-dd HH:mm`, `yyyy-MM-dd`, `yyyy-MM` or `yyyy`.
    static func timeTicks(from: Int64, to: Int64, target: Int = 7) -> [Tick<Int64>] {
        guard to > from else { return [Tick(value: from, label: HTMLFormat.date(from))] }
        let span = to - from
        if let step = fixedSteps.first(where: { span / $0 <= Int64(target) }) {
            var t = HTMLCalendar.floorDiv(from + step - 1, step) * step
            var ticks: [Tick<Int64>] = []
            let sameDay = span <= HTMLCalendar.dayMilliseconds
            while t <= to {
                let c = HTMLCalendar.civil(t)
                let label: String
                if step >= HTMLCalendar.dayMilliseconds { label = HTMLFormat.date(t) }
                else if sameDay { label = "\(HTMLFormat.two(c.hour)):\(HTMLFormat.two(c.minute))" }
                else { label = "\(HTMLFormat.two(c.month))-\(HTMLFormat.two(c.day)) \(HTMLFormat.two(c.hour)):\(HTMLFormat.two(c.minute))" }
                ticks.append(Tick(value: t, label: label))
                t += step
            }
            return ticks
        }
        let months = Int(span / (30 * HTMLCalendar.dayMilliseconds))
        let step = monthSteps.first(where: { months / $0 <= target }) ?? 12 * ((months / target / 12) + 1)
        let start = HTMLCalendar.civil(from)
        var index = start.year * 12 + start.month - 1
        if HTMLCalendar.startOfMonth(year: start.year, month: start.month) < from { index += 1 }
        index = (index + step - 1) / step * step
        var ticks: [Tick<Int64>] = []
        while true {
            let t = HTMLCalendar.startOfMonth(year: index / 12, month: index % 12 + 1)
            if t > to { break }
            let label = step >= 12 ? "\(index / 12)" : "\(index / 12)-\(HTMLFormat.two(index % 12 + 1))"
            ticks.append(Tick(value: t, label: label))
            index += step
        }
        return ticks
    }
}
