import TradingCore

/// A cartesian grid of parameter values, from `name=lo..hi:step` or `name=a,b,c` axes.
public struct ParameterGrid: Sendable {
    public struct Axis: Sendable {
        public var name: String
        public var values: [ParameterValue]
    }

    public var axes: [Axis]

    /// Parses each axis against the strategy's declared space (names and ranges are checked).
    /// Errors name the axis text and what is expected.
    public init(_ texts: [String], space: ParameterSpace, strategy: String) throws(ParameterError) {
        var axes: [Axis] = []
        for text in texts {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw .malformed(text) }
            let name = parts[0]
            guard let spec = space[name] else {
                throw .unknown(name: name, strategy: strategy, known: space.parameters.map(\.name))
            }
            let body = parts[1]
            var values: [ParameterValue] = []
            if let dots = body.range(of: "..") {
                let lowText = String(body[..<dots.lowerBound])
                var rest = String(body[dots.upperBound...])
                var stepText = "1"
                if let colon = rest.firstIndex(of: ":") {
                    stepText = String(rest[rest.index(after: colon)...])
                    rest = String(rest[..<colon])
                }
                guard let lo = Double(lowText), let hi = Double(rest), let step = Double(stepText), step > 0, lo <= hi else {
                    throw .invalid(name: name, value: body, expected: "lo..hi:step with lo <= hi and step > 0, e.g. 5..50:5")
                }
                let count = Int(((hi - lo) / step + 1e-9).rounded(.down)) + 1
                guard count <= 100_000 else {
                    throw .invalid(name: name, value: body, expected: "at most 100000 values per axis")
                }
                for i in 0..<count {
                    let v = lo + Double(i) * step
                    values.append(try spec.validate(.double((v * 1e9).rounded() / 1e9)))
                }
            } else {
                for item in body.split(separator: ",") { values.append(try spec.parse(String(item))) }
            }
            guard !values.isEmpty else { throw .invalid(name: name, value: body, expected: "at least one value") }
            axes.append(Axis(name: name, values: values))
        }
        self.axes = axes
    }

    /// This grid with every parameter of `fixed` that is not an axis added as a one-value axis.
    public init(merging grid: ParameterGrid, fixed: ParameterValues) {
        var axes = grid.axes
        for (name, value) in fixed.values.sorted(by: { $0.key < $1.key }) where !axes.contains(where: { $0.name == name }) {
            axes.append(Axis(name: name, values: [value]))
        }
        self.axes = axes
    }

    /// Number of combinations.
    public var count: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The `index`-th combination (row-major over the axes).
    public func combination(_ index: Int) -> [String: ParameterValue] {
        var result: [String: ParameterValue] = [:]
        var rest = index
        for axis in axes.reversed() {
            result[axis.name] = axis.values[rest % axis.values.count]
            rest /= axis.values.count
        }
        return result
    }
}
