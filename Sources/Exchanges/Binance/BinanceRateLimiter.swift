import TradingCore

/// The client-side limiter for one Binance account and IP, shared by every strategy and command in the process.
///
/// Limits come from exchangeInfo `rateLimits` (never hard-coded). Windows are fixed and aligned to the interval,
/// as Binance counts them. A caller reserves its weight (and one order, for order placement) before sending;
/// if any window would overflow it waits for that window to end. Reservation happens without suspension, so
/// concurrent callers can never overshoot. Response headers (`X-MBX-USED-WEIGHT-1M`, `X-MBX-ORDER-COUNT-10S`,
/// ...) raise the counters to what the venue saw (other processes on the same IP count too). A 429 pauses all
/// requests for Retry-After; a 418 makes every request fail fast until the ban ends.
public actor BinanceRateLimiter {
    struct Window {
        var limit: BinanceRateLimit
        var length: Int64
        var start: Int64 = 0
        var used: Int = 0
    }

    private var windows: [Window] = []
    private var pausedUntil: Int64 = 0
    private var bannedUntil: Int64 = 0
    private let clock: @Sendable () -> Int64
    private let sleep: @Sendable (Int64) async throws -> Void

    /// Creates a limiter. `clock` gives Unix ms; `sleep` waits the given ms (tests pass a virtual clock).
    public init(limits: [BinanceRateLimit] = [],
                clock: @escaping @Sendable () -> Int64 = { WallClock().now() },
                sleep: @escaping @Sendable (Int64) async throws -> Void = { try await Task.sleep(for: .milliseconds($0)) }) {
        self.clock = clock
        self.sleep = sleep
        self.windows = Self.windows(limits)
    }

    private static func windows(_ limits: [BinanceRateLimit]) -> [Window] {
        limits.compactMap { limit in
            guard let length = limit.windowMilliseconds, length > 0, limit.limit > 0 else { return nil }
            return Window(limit: limit, length: length)
        }
    }

    /// Replaces the limits (after loading exchangeInfo), keeping counts of windows that stay.
    public func configure(_ limits: [BinanceRateLimit]) {
        let old = windows
        windows = Self.windows(limits)
        for i in windows.indices {
            if let previous = old.first(where: { $0.limit.rateLimitType == windows[i].limit.rateLimitType
                && $0.length == windows[i].length }) {
                windows[i].start = previous.start
                windows[i].used = previous.used
            }
        }
    }

    /// The limits in force.
    public var limits: [BinanceRateLimit] { windows.map(\.limit) }

    /// True once limits were configured.
    public var isConfigured: Bool { !windows.isEmpty }

    /// Waits until `weight` request weight (and one order when `order`) fit in every window, then reserves them.
    /// - Throws: ``ExchangeError`` of kind `banned` while a 418 ban lasts, `CancellationError` if cancelled.
    public func acquire(weight: Int, order: Bool) async throws {
        while true {
            let now = clock()
            if now < bannedUntil {
                throw ExchangeError(kind: .banned, venue: "binance", code: "418",
                                    message: "requests are blocked until the IP ban ends at \(bannedUntil) ms "
                                        + "(\(bannedUntil - now) ms from now)",
                                    retryAfter: Double(bannedUntil - now) / 1000)
            }
            if now < pausedUntil {
                try await sleep(pausedUntil - now)
                continue
            }
            var waitUntil: Int64 = 0
            for i in windows.indices {
                roll(&windows[i], now: now)
                let cost = cost(of: windows[i], weight: weight, order: order)
                if cost > 0, windows[i].used + cost > windows[i].limit.limit {
                    waitUntil = max(waitUntil, windows[i].start + windows[i].length)
                }
            }
            if waitUntil == 0 {
                for i in windows.indices { windows[i].used += cost(of: windows[i], weight: weight, order: order) }
                return
            }
            try await sleep(max(1, waitUntil - now))
        }
    }

    private func cost(of window: Window, weight: Int, order: Bool) -> Int {
        switch window.limit.rateLimitType {
        case "REQUEST_WEIGHT": return weight
        case "ORDERS": return order ? 1 : 0
        case "RAW_REQUESTS": return 1
        default: return 0
        }
    }

    private func roll(_ window: inout Window, now: Int64) {
        let start = now - now % window.length
        if start != window.start {
            window.start = start
            window.used = 0
        }
    }

    /// Raises counters to the usage the venue reported in a response's headers (names lowercased).
    public func observe(headers: [String: String]) {
        let now = clock()
        for i in windows.indices {
            guard let name = windows[i].limit.usageHeader, let text = headers[name], let used = Int(text) else { continue }
            roll(&windows[i], now: now)
            windows[i].used = max(windows[i].used, used)
        }
    }

    /// A 429: no request leaves before `seconds` have passed.
    public func pause(seconds: Double) {
        pausedUntil = max(pausedUntil, clock() + Int64((seconds * 1000).rounded(.up)))
    }

    /// A 418: every request fails fast for `seconds`.
    public func ban(seconds: Double) {
        bannedUntil = max(bannedUntil, clock() + Int64((seconds * 1000).rounded(.up)))
    }

    /// Units used in the current window of each limit, in `limits` order.
    public func usage() -> [Int] {
        let now = clock()
        return windows.map { now - now % $0.length == $0.start ? $0.used : 0 }
    }
}
