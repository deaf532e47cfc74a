import Exchanges
import Testing
import TradingCore

@Suite struct BinanceRateLimiterTests {
    /// A limiter on a virtual clock whose sleeps move the clock.
    private func limiter(_ limits: [BinanceRateLimit], start: Int64) -> (BinanceRateLimiter, VirtualClock) {
        let clock = VirtualClock(start: start)
        let limiter = BinanceRateLimiter(limits: limits, clock: { clock.now() }, sleep: { ms in
            clock.advance(to: clock.now() + ms)
            await Task.yield()
        })
        return (limiter, clock)
    }

    @Test func manyConcurrentCallersNeverExceedAnyWindow() async throws {
        let limits = [BinanceRateLimit(rateLimitType: "REQUEST_WEIGHT", interval: "MINUTE", intervalNum: 1, limit: 10),
                      BinanceRateLimit(rateLimitType: "ORDERS", interval: "SECOND", intervalNum: 10, limit: 3)]
        let (limiter, clock) = limiter(limits, start: 0)
        let grants = Locked<[(time: Int64, order: Bool)]>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for caller in 0..<40 {
                group.addTask {
                    try await limiter.acquire(weight: 1, order: caller % 2 == 0)
                    let now = clock.now()
                    grants.withLock { $0.append((now, caller % 2 == 0)) }
                }
            }
            try await group.waitForAll()
        }
        let all = grants.value
        #expect(all.count == 40)
        let perMinute = Dictionary(grouping: all, by: { $0.time / 60_000 }).mapValues(\.count)
        #expect(perMinute.values.allSatisfy { $0 <= 10 })
        #expect(perMinute.count >= 4)
        let ordersPer10s = Dictionary(grouping: all.filter(\.order), by: { $0.time / 10_000 }).mapValues(\.count)
        #expect(ordersPer10s.values.allSatisfy { $0 <= 3 })
        #expect(all.filter(\.order).count == 20)
    }

    @Test func usedWeightHeaderRaisesTheCountAndTheNextRequestWaitsForTheWindow() async throws {
        let limits = [BinanceRateLimit(rateLimitType: "REQUEST_WEIGHT", interval: "MINUTE", intervalNum: 1, limit: 100)]
        let (limiter, clock) = limiter(limits, start: 30_000)
        try await limiter.acquire(weight: 1, order: false)
        await limiter.observe(headers: ["x-mbx-used-weight-1m": "95"])
        #expect(await limiter.usage() == [95])
        try await limiter.acquire(weight: 10, order: false)
        #expect(clock.now() == 60_000)
        #expect(await limiter.usage() == [10])
    }

    @Test func orderCountHeadersAreRead() async {
        let limits = [BinanceRateLimit(rateLimitType: "ORDERS", interval: "SECOND", intervalNum: 10, limit: 50),
                      BinanceRateLimit(rateLimitType: "ORDERS", interval: "DAY", intervalNum: 1, limit: 160_000)]
        let (limiter, _) = limiter(limits, start: 1_000)
        await limiter.observe(headers: ["x-mbx-order-count-10s": "12", "x-mbx-order-count-1d": "345"])
        #expect(await limiter.usage() == [12, 345])
        #expect(limits.map(\.usageHeader) == ["x-mbx-order-count-10s", "x-mbx-order-count-1d"])
    }

    @Test func pauseAfter429DelaysTheNextRequest() async throws {
        let (limiter, clock) = limiter([], start: 1_000)
        await limiter.pause(seconds: 2)
        try await limiter.acquire(weight: 1, order: false)
        #expect(clock.now() == 3_000)
    }

    @Test func banFailsEveryRequestFastUntilItEnds() async throws {
        let (limiter, clock) = limiter([], start: 1_000)
        await limiter.ban(seconds: 120)
        await #expect(throws: ExchangeError.self) { try await limiter.acquire(weight: 1, order: false) }
        do {
            try await limiter.acquire(weight: 1, order: true)
            Issue.record("a banned limiter let a request through")
        } catch let error as ExchangeError {
            #expect(error.kind == .banned)
            #expect(error.retryAfter == 120)
        }
        #expect(clock.now() == 1_000)
        clock.advance(to: 121_000)
        try await limiter.acquire(weight: 1, order: false)
    }

    @Test func limitsWithUnknownIntervalsAreIgnored() async {
        let limiter = BinanceRateLimiter(limits: [
            BinanceRateLimit(rateLimitType: "REQUEST_WEIGHT", interval: "FORTNIGHT", intervalNum: 1, limit: 5),
            BinanceRateLimit(rateLimitType: "RAW_REQUESTS", interval: "MINUTE", intervalNum: 5, limit: 61_000),
        ])
        #expect(await limiter.limits.map(\.interval) == ["MINUTE"])
    }
}
