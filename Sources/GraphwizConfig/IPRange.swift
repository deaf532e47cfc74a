/// Syntax of allowlist entries: an IPv4/IPv6 address with an optional `/prefix`.
enum IPRange {
    /// Whether `text` is `a.b.c.d[/0-32]` or an IPv6 address `[/0-128]`.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        let address = parts[0]
        let isV4 = address.contains(".")
        let maxPrefix = isV4 ? 32 : 128
        if parts.count == 2 {
            guard let prefix = Int(parts[1]), (0...maxPrefix).contains(prefix) else { return false }
        }
        if isV4 {
            let octets = address.split(separator: ".", omittingEmptySubsequences: false)
            return octets.count == 4 && octets.allSatisfy { $0.count <= 3 && UInt8($0) != nil }
        }
        let groups = address.split(separator: ":", omittingEmptySubsequences: false)
        let compressions = address.components(separatedBy: "::").count - 1
        return address.contains(":") && compressions <= 1 && groups.count <= 8 && (compressions == 1 || groups.count == 8)
            && groups.allSatisfy { $0.count <= 4 && $0.allSatisfy(\.isHexDigit) }
    }
}
