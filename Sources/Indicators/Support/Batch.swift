/// Helpers shared by the batch (`compute`) forms.
enum Batch {
    /// Index of the first value that is not NaN (`values.count` if there is none).
    ///
    /// Batch forms skip leading NaNs, as TA-Lib's Python wrapper does, so indicators can be chained:
    /// `EMA.compute(EMA.compute(x, period: 10), period: 10)` seeds the outer EMA on the first defined
    /// inner value.
    static func firstValid(_ values: [Double]) -> Int {
        values.firstIndex { !$0.isNaN } ?? values.count
    }

    /// An output column of `count` NaNs, to be filled from the first defined index on.
    static func undefined(_ count: Int) -> [Double] {
        Array(repeating: .nan, count: count)
    }

    /// `values` with NaN wherever `mask` is NaN.
    static func masked(_ values: [Double], by mask: [Double]) -> [Double] {
        var out = values
        for i in out.indices where mask[i].isNaN { out[i] = .nan }
        return out
    }

    /// Highest `high` and lowest `low` over the last `period` bars, defined from `start + period - 1`.
    ///
    /// Tracks the index of the current extreme and rescans the window only when it expires, as
    /// TA-Lib does.
    ///
    /// - Complexity: O(count) typical, O(count × period) worst case (a strictly monotonic series).
    static func rollingExtremes(high: [Double], low: [Double], period: Int,
                                from start: Int = 0) -> (highest: [Double], lowest: [Double]) {
        let count = high.count
        var highest = undefined(count)
        var lowest = undefined(count)
        var highIndex = -1
        var lowIndex = -1
        var today = start + period - 1
        var trailing = start
        while today < count {
            if lowIndex < trailing {
                lowIndex = trailing
                var i = trailing + 1
                while i <= today {
                    if low[i] < low[lowIndex] { lowIndex = i }
                    i += 1
                }
            } else if low[today] <= low[lowIndex] {
                lowIndex = today
            }
            if highIndex < trailing {
                highIndex = trailing
                var i = trailing + 1
                while i <= today {
                    if high[i] > high[highIndex] { highIndex = i }
                    i += 1
                }
            } else if high[today] >= high[highIndex] {
                highIndex = today
            }
            highest[today] = high[highIndex]
            lowest[today] = low[lowIndex]
            today += 1
            trailing += 1
        }
        return (highest, lowest)
    }
}
