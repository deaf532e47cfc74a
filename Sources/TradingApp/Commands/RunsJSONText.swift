import Foundation

/// Renders stored JSON for terminals: flat objects as `key: value` lines, anything else pretty-printed.
enum RunsJSONText {
    /// One line per key for an object of scalars (sorted keys), else indented pretty JSON; the raw text when it
    /// does not parse.
    static func lines(_ json: String, indent: String = "  ") -> [String] {
        guard let value = try? JSONDecoder().decode(RunsJSONValue.self, from: Data(json.utf8)) else {
            return [indent + json]
        }
        if case .object(let members) = value {
            let scalars = members.mapValues(\.scalarText)
            if scalars.values.allSatisfy({ $0 != nil }) {
                return members.keys.sorted().map { "\(indent)\($0): \(scalars[$0].flatMap { $0 } ?? "")" }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return [indent + json] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { indent + $0 }
    }

    /// A compact `key=value` summary of a metrics object's scalars, cut to `width` characters.
    static func compact(_ json: String, width: Int = 60) -> String {
        guard case .object(let members)? = try? JSONDecoder().decode(RunsJSONValue.self, from: Data(json.utf8)) else {
            return String(json.prefix(width))
        }
        let text = members.keys.sorted().compactMap { key in members[key]?.scalarText.map { "\(key)=\($0)" } }
            .joined(separator: " ")
        return text.count > width ? String(text.prefix(width - 3)) + "..." : text
    }
}
