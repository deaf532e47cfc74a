import Foundation

/// Paces calls so the bot never reaches Kraken's rate limits, however many tasks call at once: one REST call
/// counter for the API key, and one trading counter per pair for AddOrder and CancelOrder.
///
/// Each call books its cost and sleeps until the counter has decayed enough. ``KrakenRESTClient`` books a
/// private call only when it is next in line to be sent, so calls reach the venue in booking order and never
/// closer together than booked; the safety margin (default 1) covers the one call whose arrival lags its
/// booking, so the venue's counter stays at or below its maximum.
public actor KrakenRateLimiter {
    /// The tier the limits come from.
    public let tier: KrakenRateTier
    private var calls: KrakenDecayingCounter
    private var trading: [String: KrakenDecayingCounter] = [:]
    private var publicCalls: KrakenDecayingCounter
    private let margin: Double
    private let start = ContinuousClock.now

    /// Creates a limiter for `tier`, staying `margin` below each maximum; public calls may burst to
    /// `publicBurst` and then go at `publicCallsPerSecond`.
    public init(tier: KrakenRateTier, margin: Double = 1, publicCallsPerSecond: Double = 1, publicBurst: Double = 5) {
        self.tier = tier
        self.margin = margin
        publicCalls = KrakenDecayingCounter(limit: max(1, publicBurst), decayPerSecond: max(0.01, publicCallsPerSecond))
        calls = KrakenDecayingCounter(limit: max(1, tier.callCounterMax - margin), decayPerSecond: tier.callDecayPerSecond)
    }

    /// Waits until a private REST call of `method` may be sent (AddOrder and CancelOrder cost nothing here).
    public func acquireCall(method: String) async throws {
        let cost = KrakenRateTier.callCost(method: method)
        guard cost > 0 else { return }
        let wait = calls.reserve(cost: cost, now: seconds())
        try await sleep(wait)
    }

    /// Waits until a public REST call may be sent.
    public func acquirePublic() async throws {
        let wait = publicCalls.reserve(cost: 1, now: seconds())
        try await sleep(wait)
    }

    /// Waits until a trading call of `cost` on `pair` may be sent (1 for AddOrder, see
    /// ``KrakenRateTier/cancelCost(ageSeconds:)`` for CancelOrder).
    public func acquireTrading(pair: String, cost: Double) async throws {
        guard cost > 0 else { return }
        var counter = trading[pair] ?? KrakenDecayingCounter(limit: max(1, tier.tradingCounterMax - margin),
                                                             decayPerSecond: tier.tradingDecayPerSecond)
        let wait = counter.reserve(cost: cost, now: seconds())
        trading[pair] = counter
        try await sleep(wait)
    }

    /// The REST call counter's current value (booked calls included).
    public var callCounter: Double { calls.value(at: seconds()) }

    private func seconds() -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    private nonisolated func sleep(_ seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(for: .nanoseconds(Int64(seconds * 1e9)))
    }
}
