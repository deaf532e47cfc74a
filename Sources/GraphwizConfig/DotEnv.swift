/// A `.env` file: `KEY=VALUE` lines, optional `export `, `#` comments, single-quoted (literal) and
/// double-quoted (`\n`, `\t`, `\"`, `\\` escapes) values; an unquoted value ends at ` #`.
public enum DotEnv {
    /// The variables of a `.env` text.
    /// - Throws: ``ConfigError`` listing every malformed line as `source:line`.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, source: String) throws(ConfigError) -> [String: String] {
        var values: [String: String] = [:]
        var problems: [ConfigProblem] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingSpaces }
            let location = "\(source):\(index + 1)"
            guard let equals = line.firstIndex(of: "=") else {
                problems.append(ConfigProblem(location: location, message: "expected KEY=VALUE, got '\(line)'"))
                continue
            }
            let key = String(line[..<equals]).trimmingSpaces
            guard let first = key.first, !first.isNumber,
                  key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                problems.append(ConfigProblem(location: location,
                                              message: "bad variable name '\(key)': expected letters, digits and _ not starting with a digit"))
                continue
            }
            let rest = String(line[line.index(after: equals)...]).trimmingSpaces
            if let value = value(of: rest) {
                values[key] = value
            } else {
                problems.append(ConfigProblem(location: location, message: "unterminated quoted value for \(key)"))
            }
        }
        if !problems.isEmpty { throw ConfigError(problems: problems) }
        return values
    }

    /// The process environment over the `.env` values: a variable set in the real environment wins.
    public static func merged(_ dotEnv: [String: String], under environment: [String: String]) -> [String: String] {
        dotEnv.merging(environment) { _, real in real }
    }

    private static func value(of rest: String) -> String? {
        guard let quote = rest.first, quote == "\"" || quote == "'" else {
            if let comment = rest.range(of: " #") { return String(rest[..<comment.lowerBound]).trimmingSpaces }
            return rest
        }
        var out = ""
        var escaped = false
        for c in rest.dropFirst() {
            if escaped {
                switch c {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" && quote == "\"" {
                escaped = true
            } else if c == quote {
                return out
            } else {
                out.append(c)
            }
        }
        return nil
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
