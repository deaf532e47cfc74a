/// Escaping of untrusted text (symbols, tags, messages, JSON) for HTML text and attribute values.
enum HTMLEscape {
    /// `&`, `<`, `>`, `"` and `'` replaced by entities; safe in element content and quoted attributes.
    /// - Complexity: O(n); returns the input unchanged (no copy) when nothing needs escaping.
    static func text(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return value
        }
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
