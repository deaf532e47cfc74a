/// Expands `${VAR}` and `${VAR:-default}` (the default used when VAR is unset or empty; defaults may nest,
/// e.g. `${A:-${B:-x}}`). Full-line comments are left alone.
public struct VariableExpander: Sendable {
    /// The variables.
    public var environment: [String: String]

    /// An expander over these variables.
    public init(environment: [String: String]) { self.environment = environment }

    /// The text with every reference replaced.
    /// - Throws: ``ConfigError`` listing every unset variable without a default and every malformed reference,
    ///   each located as `source:line`.
    /// - Complexity: O(n) in the length of the text.
    public func expand(_ text: String, source: String) throws(ConfigError) -> String {
        let (expanded, problems) = expandCollecting(text, source: source)
        if !problems.isEmpty { throw ConfigError(problems: problems) }
        return expanded
    }

    /// The expanded text (an unset variable becomes empty, a malformed line stays as written) and every problem.
    /// - Complexity: O(n) in the length of the text.
    public func expandCollecting(_ text: String, source: String) -> (text: String, problems: [ConfigProblem]) {
        var problems: [ConfigProblem] = []
        var lines: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let location = "\(source):\(index + 1)"
            if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") || !line.contains("${") {
                lines.append(String(line))
                continue
            }
            var chars = Array(line)
            var position = 0
            var missing: [String] = []
            do {
                let expanded = try expandUntil(&chars, &position, closing: false, missing: &missing)
                lines.append(expanded)
            } catch {
                problems.append(ConfigProblem(location: location, message: error.message))
                lines.append(String(line))
            }
            for name in missing {
                problems.append(ConfigProblem(location: location,
                                              message: "${\(name)} is not set and has no default (set it, or write ${\(name):-value})"))
            }
        }
        return (lines.joined(separator: "\n"), problems)
    }

    private struct Malformed: Error { var message: String }

    /// Expands from `position` to the end, or (when `closing`) to the unmatched `}` which is consumed.
    private func expandUntil(_ chars: inout [Character], _ position: inout Int, closing: Bool,
                             missing: inout [String]) throws(Malformed) -> String {
        var out = ""
        while position < chars.count {
            let c = chars[position]
            if closing && c == "}" { position += 1; return out }
            if c == "$" && position + 1 < chars.count && chars[position + 1] == "{" {
                position += 2
                out += try reference(&chars, &position, missing: &missing)
            } else {
                out.append(c)
                position += 1
            }
        }
        if closing { throw Malformed(message: "unterminated ${...}: expected '}' before the end of the line") }
        return out
    }

    /// Reads `NAME}` or `NAME:-default}` after `${` and returns the value.
    private func reference(_ chars: inout [Character], _ position: inout Int,
                           missing: inout [String]) throws(Malformed) -> String {
        var name = ""
        while position < chars.count, chars[position].isLetter || chars[position].isNumber || chars[position] == "_",
              chars[position].isASCII {
            name.append(chars[position])
            position += 1
        }
        guard let first = name.first, !first.isNumber else {
            throw Malformed(message: "bad variable reference '${\(name)': expected a name of letters, digits and _ not starting with a digit")
        }
        let value = environment[name]
        if position < chars.count, chars[position] == "}" {
            position += 1
            if let value { return value }
            missing.append(name)
            return ""
        }
        if position + 1 < chars.count, chars[position] == ":", chars[position + 1] == "-" {
            position += 2
            var innerMissing: [String] = []
            let fallback = try expandUntil(&chars, &position, closing: true, missing: &innerMissing)
            if let value, !value.isEmpty { return value }
            missing += innerMissing
            return fallback
        }
        throw Malformed(message: "bad variable reference '${\(name)': expected '}' or ':-default}' after the name")
    }
}
