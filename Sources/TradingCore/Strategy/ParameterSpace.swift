/// The declared parameters of a strategy: names, ranges and defaults. Optimizers search it; the CLI and
/// config are validated against it.
public struct ParameterSpace: Sendable, Hashable, Codable {
    public var parameters: [ParameterSpec]

    public init(_ parameters: [ParameterSpec]) { self.parameters = parameters }

    public subscript(name: String) -> ParameterSpec? { parameters.first { $0.name == name } }

    /// Every parameter at its default.
    public var defaults: ParameterValues {
        ParameterValues(Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.defaultValue) }))
    }

    /// Defaults overridden by `overrides`, each validated; unknown names are an error naming the valid ones.
    public func resolve(_ overrides: [String: ParameterValue], strategy: String) throws(ParameterError) -> ParameterValues {
        var values = defaults
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let spec = self[name] else {
                throw .unknown(name: name, strategy: strategy, known: parameters.map(\.name))
            }
            values.values[name] = try spec.validate(value)
        }
        return values
    }

    /// Parses `key=value` texts (from `--param`) into validated values.
    public func parse(_ assignments: [String], strategy: String) throws(ParameterError) -> ParameterValues {
        var overrides: [String: ParameterValue] = [:]
        for text in assignments {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { throw .malformed(text) }
            guard let spec = self[parts[0]] else {
                throw .unknown(name: parts[0], strategy: strategy, known: parameters.map(\.name))
            }
            overrides[parts[0]] = try spec.parse(parts[1])
        }
        return try resolve(overrides, strategy: strategy)
    }
}

/// Concrete parameter values for one strategy instance.
public struct ParameterValues: Sendable, Hashable, Codable {
    public var values: [String: ParameterValue]

    public init(_ values: [String: ParameterValue] = [:]) { self.values = values }

    /// An integer parameter (traps if the strategy asks for one it did not declare: a programming error).
    public func int(_ name: String) -> Int {
        switch values[name] {
        case let .int(v)?: return v
        case let .double(v)?: return Int(v)
        default: preconditionFailure("parameter \(name) is not a declared integer")
        }
    }

    /// A real parameter.
    public func double(_ name: String) -> Double {
        switch values[name] {
        case let .double(v)?: return v
        case let .int(v)?: return Double(v)
        default: preconditionFailure("parameter \(name) is not a declared number")
        }
    }

    /// A choice parameter.
    public func string(_ name: String) -> String {
        if case let .string(v)? = values[name] { return v }
        return values[name]?.description ?? ""
    }

    /// `name=value` pairs sorted by name, for reports and logs.
    public var summary: String {
        values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(values)
    }

    public init(from decoder: Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: ParameterValue].self)
    }
}

import Foundation
