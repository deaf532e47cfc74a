import TradingModel

/// Checks a bar series for everything that would corrupt a backtest.
///
/// Errors: unparsable rows (from the reader), non-finite values, prices that are not positive, negative
/// volume, `high < low`, open or close outside `[low, high]`, duplicate times, out-of-order times.
/// Warnings: gaps (spacing a whole multiple of the timeframe longer than one bar) and irregular spacing (not a
/// multiple). The timeframe is the one given, or else inferred as the most common spacing.
public struct BarValidator: Sendable {
    /// Timeframe to measure gaps against; nil to infer it.
    public var timeframe: Timeframe?
    /// How many gaps (and irregular spacings) are listed individually; all are counted.
    public var maxListedGaps: Int

    /// A validator measuring gaps against `timeframe` (nil: infer it) and listing at most `maxListedGaps` gaps.
    public init(timeframe: Timeframe? = nil, maxListedGaps: Int = 5) {
        self.timeframe = timeframe
        self.maxListedGaps = maxListedGaps
    }

    /// Validates what a reader produced, keeping the reader's problems at the front of the report.
    ///
    /// - Complexity: O(n) in the number of bars.
    public func validate(_ result: CSVReadResult) -> ValidationReport {
        var report = validate(result.bars, file: result.file, lines: result.lines)
        if !result.problems.isEmpty {
            report.issues = (result.problems + report.issues).sorted { ($0.line ?? .max) < ($1.line ?? .max) }
        }
        return report
    }

    /// Validates bars in the given order. `lines[i]` is the 1-based line of `bars[i]`; without it the
    /// messages use the bar's 1-based position.
    ///
    /// - Complexity: O(n) in the number of bars.
    public func validate(_ bars: [Bar], file: String, lines: [Int]? = nil) -> ValidationReport {
        var issues: [ValidationIssue] = []
        func line(_ i: Int) -> Int { lines.map { $0[i] } ?? i + 1 }
        func add(_ kind: ValidationIssue.Kind, _ i: Int, _ message: String, _ severity: ValidationIssue.Severity = .error) {
            issues.append(ValidationIssue(severity: severity, kind: kind, file: file, line: line(i), message: message))
        }

        for i in bars.indices {
            checkValues(bars[i]) { kind, message in add(kind, i, message) }
            guard i > 0 else { continue }
            let previous = bars[i - 1].time
            let time = bars[i].time
            if time == previous {
                add(.duplicateTime, i, "duplicate time \(UTCTimestamp.iso8601(time)) (also on line \(line(i - 1)))")
            } else if time < previous {
                add(.outOfOrder, i, "time \(UTCTimestamp.iso8601(time)) is earlier than \(UTCTimestamp.iso8601(previous)) "
                    + "on line \(line(i - 1)); rows must be in ascending time order")
            }
        }

        let step = timeframe ?? Self.inferTimeframe(bars)
        var gapCount = 0
        var missing: Int64 = 0
        var gaps: [BarGap] = []
        var irregular = 0
        if let step, bars.count > 1 {
            let ms = step.milliseconds
            for i in 1..<bars.count {
                let delta = bars[i].time - bars[i - 1].time
                guard delta > 0 else { continue }
                if delta % ms != 0 {
                    irregular += 1
                    if irregular <= maxListedGaps {
                        add(.irregularSpacing, i, "spacing of \(Self.duration(delta)) after "
                            + "\(UTCTimestamp.iso8601(bars[i - 1].time)) is not a multiple of the timeframe \(step)",
                            .warning)
                    }
                } else if delta > ms {
                    let gap = BarGap(after: bars[i - 1].time, before: bars[i].time, missingBars: delta / ms - 1,
                                     line: line(i))
                    gapCount += 1
                    missing += gap.missingBars
                    if gaps.count < maxListedGaps {
                        gaps.append(gap)
                        add(.gap, i, "gap of \(gap.missingBars) missing \(step) bar\(gap.missingBars == 1 ? "" : "s") "
                            + "between \(UTCTimestamp.iso8601(gap.after)) and \(UTCTimestamp.iso8601(gap.before))",
                            .warning)
                    }
                }
            }
            if gapCount > gaps.count {
                issues.append(ValidationIssue(
                    severity: .warning, kind: .gap, file: file, line: nil,
                    message: "\(gapCount) gaps with \(missing) missing bars in total (first \(gaps.count) listed)"))
            }
            if irregular > maxListedGaps {
                issues.append(ValidationIssue(
                    severity: .warning, kind: .irregularSpacing, file: file, line: nil,
                    message: "\(irregular) spacings are not a multiple of \(step) (first \(maxListedGaps) listed)"))
            }
        }
        issues.sort { ($0.line ?? .max) < ($1.line ?? .max) }
        return ValidationReport(
            file: file, barCount: bars.count, issues: issues, timeframe: step,
            timeframeInferred: timeframe == nil && step != nil, gapCount: gapCount, missingBars: missing,
            firstGaps: gaps, firstTime: bars.lazy.map(\.time).min(), lastTime: bars.lazy.map(\.time).max())
    }

    /// The most common positive spacing between consecutive bars (ties go to the shorter), or nil.
    ///
    /// - Complexity: O(n).
    public static func inferTimeframe(_ bars: [Bar]) -> Timeframe? {
        guard bars.count > 1 else { return nil }
        var counts: [Int64: Int] = [:]
        var last: Int64 = -1
        var run = 0
        for i in 1..<bars.count {
            let delta = bars[i].time - bars[i - 1].time
            guard delta > 0 else { continue }
            if delta == last {
                run += 1
            } else {
                if run > 0 { counts[last, default: 0] += run }
                last = delta
                run = 1
            }
        }
        if run > 0 { counts[last, default: 0] += run }
        guard let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else {
            return nil
        }
        let seconds = max(1, best.key / 1000)
        return Timeframe(seconds: seconds)
    }

    private func checkValues(_ bar: Bar, report: (ValidationIssue.Kind, String) -> Void) {
        var finite = true
        func price(_ name: String, _ value: Double) {
            if !value.isFinite {
                report(.nonFinite, "\(name) \(value) is not a finite number")
                finite = false
            } else if value <= 0 {
                report(value < 0 ? .negative : .nonPositivePrice, "\(name) \(value) is not a positive price")
            }
        }
        price("open", bar.open)
        price("high", bar.high)
        price("low", bar.low)
        price("close", bar.close)
        if !bar.volume.isFinite {
            report(.nonFinite, "volume \(bar.volume) is not a finite number")
        } else if bar.volume < 0 {
            report(.negative, "volume \(bar.volume) is negative")
        }
        guard finite else { return }
        if bar.high < bar.low {
            report(.highBelowLow, "high \(bar.high) is below low \(bar.low)")
            return
        }
        if bar.open < bar.low || bar.open > bar.high {
            report(.openOutsideRange, "open \(bar.open) is outside [low \(bar.low), high \(bar.high)]")
        }
        if bar.close < bar.low || bar.close > bar.high {
            report(.closeOutsideRange, "close \(bar.close) is outside [low \(bar.low), high \(bar.high)]")
        }
    }

    private static func duration(_ ms: Int64) -> String {
        if ms % 1000 != 0 { return "\(ms)ms" }
        return Timeframe(seconds: ms / 1000).description
    }
}
