import NIOCore

/// Client addresses allowed to reach the API: IPv4/IPv6 addresses and CIDR ranges. Empty allows everyone.
public struct IPAllowlist: Sendable, Hashable {
    /// One `address/prefix` range as 16 bytes (IPv4 mapped into `::ffff:0:0/96`).
    public struct Range: Sendable, Hashable {
        let bytes: [UInt8]
        let prefix: Int

        /// Parses `a.b.c.d[/n]` or an IPv6 address `[/n]`.
        public init(parsing text: String) throws(APIConfigurationError) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, let address = IPAllowlist.bytes(of: String(parts[0])) else {
                throw APIConfigurationError("security.ip_allowlist: '\(text)' is not an IP address or CIDR range")
            }
            let isV4 = parts[0].contains(".")
            let maxPrefix = isV4 ? 32 : 128
            var prefix = maxPrefix
            if parts.count == 2 {
                guard let value = Int(parts[1]), (0...maxPrefix).contains(value) else {
                    throw APIConfigurationError("security.ip_allowlist: prefix of '\(text)' must be 0...\(maxPrefix)")
                }
                prefix = value
            }
            self.bytes = address
            self.prefix = isV4 ? prefix + 96 : prefix
        }

        /// Whether the 16-byte `address` lies in the range.
        func contains(_ address: [UInt8]) -> Bool {
            var remaining = prefix
            for i in 0..<16 where remaining > 0 {
                let bits = min(8, remaining)
                let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
                if (bytes[i] & mask) != (address[i] & mask) { return false }
                remaining -= bits
            }
            return true
        }
    }

    /// The ranges.
    public var ranges: [Range]

    /// The empty list: every client is allowed.
    public static let everyone = IPAllowlist(ranges: [])

    init(ranges: [Range]) { self.ranges = ranges }

    /// Parses every entry; the first bad one is reported.
    public init(_ entries: [String]) throws(APIConfigurationError) {
        var ranges: [Range] = []
        for entry in entries { ranges.append(try Range(parsing: entry)) }
        self.ranges = ranges
    }

    /// Whether `address` (textual IPv4 or IPv6) is allowed.
    public func allows(_ address: String) -> Bool {
        if ranges.isEmpty { return true }
        guard let bytes = Self.bytes(of: address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }

    /// Whether the peer is allowed; an unknown peer is allowed only by an empty list.
    func allows(_ address: SocketAddress?) -> Bool {
        if ranges.isEmpty { return true }
        guard let ip = address?.ipAddress else { return false }
        return allows(ip)
    }

    /// 16 bytes of an IPv4 (mapped) or IPv6 address, or nil when `text` is not one.
    static func bytes(of text: String) -> [UInt8]? {
        if let address = try? SocketAddress(ipAddress: text, port: 0) {
            switch address {
            case .v4(let v4):
                let raw = UInt32(bigEndian: v4.address.sin_addr.s_addr)
                return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF,
                        UInt8(raw >> 24), UInt8((raw >> 16) & 0xFF), UInt8((raw >> 8) & 0xFF), UInt8(raw & 0xFF)]
            case .v6(let v6):
                return withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            default:
                return nil
            }
        }
        return nil
    }
}
