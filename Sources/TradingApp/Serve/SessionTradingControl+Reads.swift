import TradingAPI
import TradingCore
import TradingModel

extension SessionTradingControl {
    public func portfolio() async -> PortfolioSnapshot {
        let all = await snapshots()
        let positions = Self.positionSnapshots(all)
        let cash = all.reduce(Money.zero) { $0 + $1.cash }
        let value = positions.reduce(Money.zero) { $0 + $1.marketValue }
        let trades = all.flatMap(\.trades)
        let wins = trades.count { $0.pnl.isPositive }
        return PortfolioSnapshot(
            time: Self.latest(all) ?? now(), currency: all.first?.quoteCurrency ?? "USDT", cash: cash,
            positionsValue: value, realizedPnl: all.reduce(Money.zero) { $0 + $1.realizedPnl },
            unrealizedPnl: positions.reduce(Money.zero) { $0 + $1.unrealizedPnl },
            drawdown: Self.curve(all).last?.drawdown ?? 0, exposure: Self.exposure(positions, total: cash + value),
            winRate: trades.isEmpty ? 0 : Double(wins) / Double(trades.count), closedTrades: trades.count)
    }

    public func balances() async -> [Balance] {
        var merged: [String: Balance] = [:]
        var order: [String] = []
        for snapshot in await snapshots() {
            for balance in snapshot.balances {
                if var existing = merged[balance.asset] {
                    existing.free = existing.free + balance.free
                    existing.locked = existing.locked + balance.locked
                    merged[balance.asset] = existing
                } else {
                    merged[balance.asset] = balance
                    order.append(balance.asset)
                }
            }
        }
        return order.compactMap { merged[$0] }
    }

    public func positions() async -> [PositionSnapshot] { Self.positionSnapshots(await snapshots()) }

    public func orders(openOnly: Bool, limit: Int) async -> [Order] {
        // Newest first; submission order breaks ties of one millisecond.
        let all = await snapshots().flatMap(\.orders).enumerated()
            .sorted { ($0.element.createdAt, $0.offset) > ($1.element.createdAt, $1.offset) }.map(\.element)
        return Array(all.filter { !openOnly || !$0.status.isTerminal }.prefix(max(0, limit)))
    }

    public func trades(limit: Int) -> [Fill] { Array(recentFills.reversed().prefix(max(0, limit))) }

    public func equityCurve(limit: Int) async -> [EquityPoint] {
        Array(Self.curve(await snapshots()).suffix(max(0, limit)))
    }

    public func riskStatus() async -> TradingAPI.RiskStatus {
        let all = await snapshots()
        let positions = Self.positionSnapshots(all)
        let total = all.reduce(Money.zero) { $0 + $1.cash } + positions.reduce(Money.zero) { $0 + $1.marketValue }
        let states = all.map { $0.halted ? TradingState.halted : ($0.riskState ?? .active) }
        let state: TradingState = states.contains(.halted) ? .halted : (states.contains(.reducing) ? .reducing : .active)
        let lastEvent = all.flatMap(\.riskEvents).max { $0.time < $1.time }
        let reason = operatorHalt ? haltReason : (lastEvent.map { "\($0.code): \($0.reason)" } ?? haltReason)
        return TradingAPI.RiskStatus(state: state, reason: reason, changedAt: max(stateChangedAt, lastEvent?.time ?? 0),
                          drawdown: Self.curve(all).last?.drawdown ?? 0,
                          exposure: Self.exposure(positions, total: total), limits: limits)
    }

    public func health() async -> [ComponentHealth] {
        let all = await snapshots()
        let feed: ComponentHealth
        if all.allSatisfy({ $0.time > 0 }) {
            feed = ComponentHealth(name: "exchange_feed", status: .up,
                                   detail: "\(all.reduce(0) { $0 + $1.bars }) bars from \(Set(all.map(\.venue)).sorted())")
        } else {
            feed = ComponentHealth(name: "exchange_feed", status: .degraded, detail: "waiting for the first bar")
        }
        let halted = all.filter(\.halted).map(\.sessionId)
        let kernel = ComponentHealth(name: "kernel", status: pumpsRunning > 0 || entries.isEmpty ? .up : .down,
                                     detail: halted.isEmpty ? "\(all.count) sessions" : "halted: \(halted)")
        return [kernel, feed] + (await probe())
    }

    static func positionSnapshots(_ all: [SessionSnapshot]) -> [PositionSnapshot] {
        var marks: [String: Price] = [:]
        for snapshot in all { marks.merge(snapshot.marks) { _, new in new } }
        return all.flatMap(\.positions).filter { !$0.isFlat }.sorted { $0.symbol < $1.symbol }.map {
            PositionSnapshot(position: $0, markPrice: marks[$0.symbol] ?? $0.averageEntryPrice)
        }
    }

    static func exposure(_ positions: [PositionSnapshot], total: Money) -> Double {
        guard total.isPositive else { return 0 }
        return (positions.reduce(Money.zero) { $0 + $1.marketValue.magnitude } / total).doubleValue
    }

    static func latest(_ all: [SessionSnapshot]) -> Int64? { all.map(\.time).filter { $0 > 0 }.max() }

    /// The summed equity curve, aligned on the newest point of each session, with the drawdown from the running peak.
    static func curve(_ all: [SessionSnapshot]) -> [EquityPoint] {
        guard let longest = all.map(\.equityCurve.count).max(), longest > 0 else { return [] }
        var points: [EquityPoint] = []
        points.reserveCapacity(longest)
        var peak = Money.zero
        for offset in stride(from: longest, to: 0, by: -1) {
            var time: Int64 = 0
            var value = Money.zero
            for snapshot in all {
                let curve = snapshot.equityCurve
                let point = curve[max(0, curve.count - offset)]
                time = max(time, point.time)
                value = value + point.value
            }
            if value > peak { peak = value }
            let drawdown = peak.isPositive && value < peak ? ((peak - value) / peak).doubleValue : 0
            points.append(EquityPoint(time: time, equity: value, drawdown: drawdown))
        }
        return points
    }
}
