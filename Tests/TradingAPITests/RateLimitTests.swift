import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import TradingAPI

@Suite struct RateLimitTests {
    @Test func bucketGrantsBurstThenRefillsAtTheRate() {
        var bucket = TokenBucket(capacity: 3, ratePerSecond: 1, now: 0)
        #expect(bucket.take(now: 0) == nil)
        #expect(bucket.take(now: 0) == nil)
        #expect(bucket.take(now: 0) == nil)
        #expect(bucket.take(now: 0) == 1)
        #expect(bucket.take(now: 0.5) == 0.5)
        #expect(bucket.take(now: 1) == nil)
        #expect(bucket.take(now: 100) == nil)
        #expect(bucket.tokens == 2)
    }

    @Test func limiterKeepsOneBucketPerClient() {
        let limiter = RateLimiter(perMinute: 60, burst: 2, clock: { 0 })
        #expect(limiter.acquire(client: "a") == nil)
        #expect(limiter.acquire(client: "a") == nil)
        #expect(limiter.acquire(client: "a") == 1)
        #expect(limiter.acquire(client: "b") == nil)
    }

    @Test func elevenRequestsInABurstGiveOne429WithRetryAfter() async throws {
        let now = Mutex<Double>(0)
        let limiter = RateLimiter(perMinute: 60, burst: 10, clock: { now.withLock { $0 } })
        let token = try await APIFixtures.token(.viewer)
        let other = try await APIFixtures.token(.viewer, subject: "someone-else")
        try await APIFixtures.application(limiter: limiter).test(.router) { client in
            for _ in 0..<10 {
                try await client.execute(uri: "/api/v1/risk", method: .get, headers: APIFixtures.bearer(token)) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/api/v1/risk", method: .get, headers: APIFixtures.bearer(token)) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "1")
                #expect(APIFixtures.errorCode(response.body) == "rate_limited")
            }
            try await client.execute(uri: "/api/v1/risk", method: .get, headers: APIFixtures.bearer(other)) { response in
                #expect(response.status == .ok)
            }
            now.withLock { $0 = 1 }
            try await client.execute(uri: "/api/v1/risk", method: .get, headers: APIFixtures.bearer(token)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func failedLoginsCountAgainstThePeer() async throws {
        let limiter = RateLimiter(perMinute: 60, burst: 2, clock: { 0 })
        try await APIFixtures.application(limiter: limiter).test(.router) { client in
            var statuses: [UInt16] = []
            for _ in 0..<3 {
                try await client.execute(uri: "/api/v1/risk", method: .get, headers: APIFixtures.bearer("garbage")) { response in
                    statuses.append(UInt16(response.status.code))
                }
            }
            #expect(statuses == [401, 401, 429])
        }
    }
}
