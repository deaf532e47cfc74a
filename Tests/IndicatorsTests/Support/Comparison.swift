import Indicators
import TradingModel

/// Comparison helpers for indicator columns.
enum Comparison {
    /// TA-Lib agreement: 1e-9 relative, or 1e-9 absolute for values of magnitude below 1.
    static let tolerance = 1e-9

    static func agrees(_ value: Double, _ reference: Double) -> Bool {
        if value.isNaN || reference.isNaN { return value.isNaN && reference.isNaN }
        return abs(value - reference) <= tolerance * max(abs(reference), 1)
    }

    /// Identical doubles, NaN matching NaN.
    static func identical(_ a: Double, _ b: Double) -> Bool {
        a.isNaN ? b.isNaN : a == b
    }

    /// The first index whose value is not NaN (count if none).
    static func firstDefined(_ values: [Double]) -> Int {
        values.firstIndex { !$0.isNaN } ?? values.count
    }

    /// Why `values` does not match `reference` under `match`, or nil when every entry matches.
    static func mismatch(_ values: [Double], _ reference: [Double],
                         by match: (Double, Double) -> Bool) -> String? {
        guard values.count == reference.count else { return "\(values.count) values, expected \(reference.count)" }
        let first = firstDefined(values)
        let expectedFirst = firstDefined(reference)
        if first != expectedFirst { return "first defined index \(first), expected \(expectedFirst)" }
        let bad = zip(values, reference).enumerated().filter { !match($0.element.0, $0.element.1) }
        guard let worst = bad.first else { return nil }
        return "\(bad.count) values differ; first at index \(worst.offset): \(worst.element.0) vs \(worst.element.1)"
    }

    /// The spec's columns computed by feeding its stream one bar at a time.
    static func streamed(_ spec: IndicatorSpec, _ bars: [Bar]) -> [[Double]] {
        var stream = spec.makeStream()
        var columns = Array(repeating: [Double](), count: spec.columnNames.count)
        for bar in bars {
            let values = stream.update(bar)
            for (index, value) in values.enumerated() { columns[index].append(value) }
        }
        return columns
    }
}
