/// One entry of exchangeInfo's `rateLimits`: at most `limit` units of `type` per `intervalNum` `interval`.
public struct BinanceRateLimit: Sendable, Hashable, Codable {
    /// `REQUEST_WEIGHT`, `ORDERS` or `RAW_REQUESTS`.
    public var rateLimitType: String
    /// `SECOND`, `MINUTE`, `HOUR` or `DAY`.
    public var interval: String
    /// Number of intervals in one window.
    public var intervalNum: Int
    /// Units allowed per window.
    public var limit: Int

    /// Creates a limit.
    public init(rateLimitType: String, interval: String, intervalNum: Int, limit: Int) {
        self.rateLimitType = rateLimitType
        self.interval = interval
        self.intervalNum = intervalNum
        self.limit = limit
    }

    /// Window length in ms, or nil for an unknown interval name.
    public var windowMilliseconds: Int64? {
        let unit: Int64
        switch interval {
        case "SECOND": unit = 1000
        case "MINUTE": unit = 60_000
        case "HOUR": unit = 3_600_000
        case "DAY": unit = 86_400_000
        default: return nil
        }
        return unit * Int64(intervalNum)
    }

    /// The response header that reports usage of this limit (`X-MBX-USED-WEIGHT-1M`, `X-MBX-ORDER-COUNT-10S`),
    /// lowercased; nil for RAW_REQUESTS, which has none.
    public var usageHeader: String? {
        let letter: String
        switch interval {
        case "SECOND": letter = "s"
        case "MINUTE": letter = "m"
        case "HOUR": letter = "h"
        case "DAY": letter = "d"
        default: return nil
        }
        switch rateLimitType {
        case "REQUEST_WEIGHT": return "x-mbx-used-weight-\(intervalNum)\(letter)"
        case "ORDERS": return "x-mbx-order-count-\(intervalNum)\(letter)"
        default: return nil
        }
    }
}
