import Foundation
import TradingModel

/// The fake venue's books: pairs, prices, balances, orders, trades, public trades, nonces and rate counters.
/// A plain value type mutated under the server's lock; WebSocket pushes collect in `outbox`.
struct FakeKrakenVenue: Sendable {
    var pairs: [FakeKrakenPair]
    var prices: [String: Fixed] = [:]
    var balances: [String: Fixed] = [:]
    var orders: [String: FakeKrakenOrder] = [:]
    var orderSequence: [String] = []
    var trades: [FakeKrakenTrade] = []
    var publicTrades: [String: [FakeKrakenPublicTrade]] = [:]
    var lastNonce: UInt64 = 0
    var limits: FakeKrakenLimits
    var callCounter = 0.0
    var callCounterAt = 0.0
    var tradingCounters: [String: (value: Double, at: Double)] = [:]
    var injected: [String: [String]] = [:]
    var tokens: Set<String> = []
    var ids = 0
    var tradeNumber: Int64 = 0
    var outbox: [FakeKrakenPush] = []
    /// Executions per order: 1 fills every order whole; n > 1 splits it into n trades (see `setFillSlices`).
    var fillSlices = 1
    /// Every private method called, in order (for tests).
    var calls: [String] = []
    var rateLimitRejections = 0
    var nonceRejections = 0
    let takerFee = Fixed("0.0026")!
    let makerFee = Fixed("0.0016")!

    init(pairs: [FakeKrakenPair], limits: FakeKrakenLimits) {
        self.pairs = pairs
        self.limits = limits
    }

    func pair(named name: String) -> FakeKrakenPair? {
        pairs.first { $0.key == name || $0.altname == name || $0.wsname == name || $0.symbol == name }
    }

    mutating func nextId(_ prefix: String) -> String {
        ids += 1
        let n = String(ids, radix: 36).uppercased()
        let padded = String(repeating: "0", count: max(0, 10 - n.count)) + n
        let a = padded.prefix(5), b = padded.suffix(5)
        return "\(prefix)\(a)-\(b)-\(prefix == "O" ? "ORDER" : "TRADE")"
    }

    // MARK: Rate counters

    /// Books a REST call of `cost`; false when it would exceed the maximum (the call is refused).
    mutating func admitCall(cost: Double, now: Double) -> Bool {
        callCounter = max(0, callCounter - max(0, now - callCounterAt) * limits.callDecayPerSecond)
        callCounterAt = now
        guard cost > 0 else { return true }
        if callCounter + cost > limits.callCounterMax { return false }
        callCounter += cost
        return true
    }

    /// Books a trading call of `cost` on `pair`; false when it would exceed the pair's maximum.
    mutating func admitTrading(pair: String, cost: Double, now: Double) -> Bool {
        var c = tradingCounters[pair] ?? (0, now)
        c.value = max(0, c.value - max(0, now - c.at) * limits.tradingDecayPerSecond)
        c.at = now
        defer { tradingCounters[pair] = c }
        if cost > 0, c.value + cost > limits.tradingCounterMax { return false }
        c.value += cost
        return true
    }

    static func cancelCost(ageSeconds: Double) -> Double {
        switch ageSeconds {
        case ..<5: return 8
        case ..<10: return 6
        case ..<15: return 5
        case ..<45: return 4
        case ..<90: return 2
        case ..<300: return 1
        default: return 0
        }
    }

    // MARK: Balances

    func available(_ asset: String) -> Fixed {
        var held = Fixed.zero
        for o in orders.values where o.status == "open" {
            if o.side == .sell, o.pair.base == asset { held += o.remaining }
            if o.side == .buy, o.pair.quote == asset {
                let price = o.price2 ?? o.price ?? prices[o.pair.altname] ?? .zero
                held += price * o.remaining * (Fixed.one + takerFee)
            }
        }
        return (balances[asset] ?? .zero) - held
    }
}
