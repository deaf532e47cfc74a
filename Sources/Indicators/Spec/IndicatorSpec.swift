/// A parsed indicator specification such as `"sma:20"`, `"macd:12,26,9"`, `"bbands:20,2.5"` or
/// `"rsi"` (omitted trailing parameters take their defaults).
///
/// ```swift
/// let spec = try IndicatorSpec("macd:12,26,9")
/// spec.columnNames          // ["macd_12_26_9", "macd_signal_12_26_9", "macd_hist_12_26_9"]
/// let columns = spec.compute(BarColumns(bars))
/// ```
///
/// `IndicatorSpec.available` lists every indicator with its parameters and defaults.
public struct IndicatorSpec: Sendable, Hashable, CustomStringConvertible {
    /// The indicators a specification can name.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case sma, ema, wma, dema, tema, rsi, macd, bbands, atr, stoch, stochrsi, adx, cci, roc, mom, willr
        case obv, mfi, vwap, donchian, keltner, supertrend, ichimoku
    }

    /// Largest accepted period (TA-Lib's limit); keeps a typo from allocating gigabytes.
    public static let maximumPeriod = 100_000

    /// Which indicator.
    public let kind: Kind
    /// Every parameter, defaults filled in, in the order of `descriptor.parameters`.
    public let parameters: [Double]

    /// Parses `name[:p1,p2,...]`. Names are case-insensitive; whitespace around parts is ignored.
    ///
    /// - Throws: `IndicatorSpecError` naming the specification, the bad part and what is expected.
    public init(_ text: String) throws(IndicatorSpecError) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw IndicatorSpecError(spec: text, reason: .empty) }
        let parts = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0]).trimmingWhitespace().lowercased()
        guard let kind = Kind(rawValue: name) else {
            throw IndicatorSpecError(spec: text, reason: .unknownIndicator(name: name))
        }
        let given = parts.count > 1
            ? parts[1].split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            : []
        let accepted = kind.descriptor.parameters
        guard given.count <= accepted.count else {
            throw IndicatorSpecError(spec: text, reason: .tooManyParameters(accepted: accepted.map(\.name), given: given.count))
        }
        var values: [Double] = []
        for (index, parameter) in accepted.enumerated() {
            guard index < given.count else {
                values.append(parameter.defaultValue)
                continue
            }
            guard let value = IndicatorSpec.parse(given[index], as: parameter.kind) else {
                throw IndicatorSpecError(spec: text, reason: .invalidParameter(
                    position: index + 1, name: parameter.name, value: given[index], expectation: parameter.expectation))
            }
            values.append(value)
        }
        try self.init(kind: kind, checked: values, text: text)
    }

    /// Builds a specification from a kind and its parameters (defaults for the omitted trailing ones).
    ///
    /// - Throws: `IndicatorSpecError` if a parameter is out of range or there are too many.
    public init(kind: Kind, parameters: [Double] = []) throws(IndicatorSpecError) {
        let accepted = kind.descriptor.parameters
        let text = kind.rawValue + (parameters.isEmpty ? "" : ":" + parameters.map(IndicatorSpec.format).joined(separator: ","))
        guard parameters.count <= accepted.count else {
            throw IndicatorSpecError(spec: text, reason: .tooManyParameters(accepted: accepted.map(\.name), given: parameters.count))
        }
        var values: [Double] = []
        for (index, parameter) in accepted.enumerated() {
            guard index < parameters.count else {
                values.append(parameter.defaultValue)
                continue
            }
            guard IndicatorSpec.isValid(parameters[index], as: parameter.kind) else {
                throw IndicatorSpecError(spec: text, reason: .invalidParameter(
                    position: index + 1, name: parameter.name, value: IndicatorSpec.format(parameters[index]),
                    expectation: parameter.expectation))
            }
            values.append(parameters[index])
        }
        try self.init(kind: kind, checked: values, text: text)
    }

    private init(kind: Kind, checked values: [Double], text: String) throws(IndicatorSpecError) {
        if kind == .macd && values[0] >= values[1] {
            throw IndicatorSpecError(spec: text, reason: .inconsistentParameters(
                "fast period (\(IndicatorSpec.format(values[0]))) must be less than slow period (\(IndicatorSpec.format(values[1])))"))
        }
        self.kind = kind
        parameters = values
    }

    /// Name, parameters and outputs of this indicator.
    public var descriptor: IndicatorDescriptor { kind.descriptor }

    /// The canonical text, every parameter spelled out: `macd:12,26,9`, `bbands:20,2.5`, `obv`.
    public var description: String {
        parameters.isEmpty ? kind.rawValue : kind.rawValue + ":" + parameters.map(IndicatorSpec.format).joined(separator: ",")
    }

    /// Output column names: each output prefix followed by the parameters joined by `_`
    /// (`bbands_upper_20_2`, `bbands_upper_20_2.5`, `obv`).
    public var columnNames: [String] {
        let suffix = parameters.map { "_" + IndicatorSpec.format($0) }.joined()
        return descriptor.outputs.map { $0 + suffix }
    }

    /// Integer parameter `index` (periods are whole numbers by validation).
    func period(_ index: Int) -> Int { Int(parameters[index]) }

    /// A parameter value as written in names and canonical text: whole numbers without `.0`.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    private static func parse(_ text: String, as kind: IndicatorParameter.Kind) -> Double? {
        switch kind {
        case .period:
            guard let value = Int(text) else { return nil }
            return isValid(Double(value), as: kind) ? Double(value) : nil
        case .multiplier:
            guard let value = Double(text) else { return nil }
            return isValid(value, as: kind) ? value : nil
        }
    }

    private static func isValid(_ value: Double, as kind: IndicatorParameter.Kind) -> Bool {
        switch kind {
        case let .period(minimum):
            return value == value.rounded() && value >= Double(minimum) && value <= Double(maximumPeriod)
        case .multiplier:
            return value.isFinite && value > 0
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
