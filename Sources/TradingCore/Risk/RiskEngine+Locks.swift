import TradingModel

/// A symbol that may not add exposure before `until` (cooldown or low-profit pair lock).
public struct SymbolLock: Sendable, Hashable, Codable {
    /// `cooldown` or `pair_locked`: the rejection code.
    public var code: String
    /// Unix ms when the lock ends (orders at or after it pass).
    public var until: Int64
    /// The human sentence given with every refusal.
    public var reason: String

    public init(code: String, until: Int64, reason: String) {
        self.code = code
        self.until = until
        self.reason = reason
    }
}

extension RiskEngine {
    /// Counts stop-outs towards the cooldown and keeps the trade for the low-profit pair lock; locks the
    /// symbol when a rule is met.
    public mutating func onTradeClosed(_ trade: ClosedTrade, reason: ExitReason?, instrument: Int) {
        let symbol = trade.symbol
        let time = trade.exitTime
        let cooldown = limits.cooldown
        if cooldown.count > 0 {
            let count = (reason?.isStopOut ?? false) ? (stopOuts[symbol] ?? 0) + 1 : 0
            stopOuts[symbol] = count
            if count >= cooldown.count {
                stopOuts[symbol] = 0
                let until = time + cooldown.durationMs
                let text = "\(symbol) cools down until \(UTCTimestamp.iso8601(until)) after \(count) consecutive stop-outs (cooldown.count \(cooldown.count), cooldown.duration \(RiskDuration.text(cooldown.durationMs)))"
                lock(symbol, SymbolLock(code: "cooldown", until: until, reason: text), kind: .cooldown, time: time)
            }
        }
        let rule = limits.pairLock
        guard rule.enabled else { return }
        var window = recentTrades[symbol] ?? []
        window.append((trade.exitTime, trade.returnFraction))
        window.removeAll { $0.time <= time - rule.lookbackMs }
        recentTrades[symbol] = window
        guard window.count >= rule.tradeLimit else { return }
        let profit = window.reduce(0) { $0 + $1.return }
        guard profit < rule.requiredProfit else { return }
        let until = time + rule.durationMs
        let text = "\(symbol) is locked until \(UTCTimestamp.iso8601(until)): its \(window.count) trades of the last \(RiskDuration.text(rule.lookbackMs)) returned \(Self.percent(profit)), below pair_lock.required_profit \(Self.percent(rule.requiredProfit))"
        recentTrades[symbol] = []
        lock(symbol, SymbolLock(code: "pair_locked", until: until, reason: text), kind: .pairLock, time: time)
    }

    /// Locks `symbol` (a longer existing lock wins) and records the event.
    private mutating func lock(_ symbol: String, _ lock: SymbolLock, kind: RiskEvent.Kind, time: Int64) {
        if let current = locks[symbol], current.until >= lock.until { return }
        locks[symbol] = lock
        events.append(RiskEvent(time: time, kind: kind, from: state, to: state, code: lock.code, reason: lock.reason))
    }

    static func percent(_ fraction: Double) -> String { "\((fraction * 10_000).rounded() / 100)%" }
}
