import Indicators
import TradingModel

/// The protective exits of every open position: stop-loss, take-profit, trailing stop, time stop and
/// break-even move, for one ``ProtectiveExitPolicy``.
///
/// Two ways, one set of levels:
/// - **Venue-held** (the venue ``VenueCapabilities/holds(_:)`` the policy): a reduce-only stop-market order and
///   a take-profit order, linked as one OCO group, rest at the venue and fill with the matching engine's rules
///   (a gap through the stop fills at the open, a touch fills at the stop). A trailing or break-even move
///   cancels and replaces the stop.
/// - **Emulated**: the kernel checks every closed bar with the same trigger rules (long stop: open or low at or
///   below the stop; take-profit: open or high at or above it; the stop wins when both are hit in one bar)
///   and sends a reduce-only market order, which fills at the next price the venue offers.
///
/// Levels are computed at the entry fill (stop-loss, take-profit, ATR at entry) and after every bar (the
/// best price since entry for the trailing stop and the break-even move; stops only ever tighten). A bar
/// that opened at the entry fill's time cannot trigger an exit (no exit order existed during it). Time stops
/// count the instrument's bars after the entry bar, or the time since the entry fill at bar open times.
/// - Complexity: O(1) per bar and fill; allocation free unless an order is placed or canceled.
public struct ProtectiveExits: Sendable {
    /// A command for the kernel: send (through the risk hook) or cancel a protective order.
    public enum Action: Sendable, Hashable {
        case submit(OrderRequest, instrument: Int)
        case cancel(clientOrderId: String, instrument: Int)
    }

    struct Position: Sendable {
        var long: Bool
        var entryPrice: Price
        var quantity: Quantity
        var entryTime: Int64
        var barsHeld = 0
        var extreme: Price
        var atrAtEntry: Double
        var feeRate: Fixed
        var breakEvenActive = false
        var stopLevel: Price?
        var stopReason: ExitReason = .stopLoss
        var takeProfitLevel: Price?
        var stopOrderId: String?
        var takeProfitOrderId: String?
        /// A market exit (time stop or emulated trigger) in flight, with its reason and trigger level.
        var exitOrderId: String?
        var exitTrigger: Price?
        /// Set when a protective order was refused or canceled by someone else: hands off this position.
        var suspended = false
        var group: String
        var tick: Price
    }

    /// The exits applied to every position.
    public let policy: ProtectiveExitPolicy
    /// True when the venue holds the stop and take-profit orders; false when the kernel emulates them.
    public let venueHeld: Bool
    /// Every protective exit that closed a position, oldest first.
    public private(set) var records: [ProtectiveExitRecord] = []
    var positions: [Position?]
    private var atr: [ATR]
    private var atrValues: [Double]
    private let instruments: [Instrument]

    /// Exits for the portfolio's `instruments` on a venue with `capabilities`.
    public init(policy: ProtectiveExitPolicy, instruments: [Instrument], capabilities: VenueCapabilities) {
        self.policy = policy
        self.venueHeld = capabilities.holds(policy)
        self.instruments = instruments
        self.positions = Array(repeating: nil, count: instruments.count)
        self.atr = policy.needsATR ? Array(repeating: ATR(period: policy.atrPeriod), count: instruments.count) : []
        self.atrValues = Array(repeating: .nan, count: instruments.count)
    }

    /// The current stop level of `instrument`'s position (nil when flat or unprotected).
    public func stopLevel(_ instrument: Int) -> Price? { positions[instrument]?.stopLevel }
    /// The take-profit level of `instrument`'s position.
    public func takeProfitLevel(_ instrument: Int) -> Price? { positions[instrument]?.takeProfitLevel }
    /// The latest ATR of `instrument` (NaN until warm or when no distance uses it).
    public func averageTrueRange(_ instrument: Int) -> Double { atrValues[instrument] }

    /// A closed bar of `instrument`: time stop, emulated triggers, then trailing and break-even moves.
    public mutating func onBar(_ bar: Bar, instrument i: Int, ids: inout ClientOrderIdSequence, actions: inout [Action]) {
        if !atr.isEmpty { atrValues[i] = atr[i].update(high: bar.high, low: bar.low, close: bar.close) }
        guard var p = positions[i], p.exitOrderId == nil, !p.suspended else { return }
        defer { positions[i] = p }
        let live = bar.time > p.entryTime
        if live { p.barsHeld += 1 }
        if let timeStop = policy.timeStop {
            let due: Bool
            switch timeStop {
            case let .bars(n): due = p.barsHeld >= n
            case let .duration(ms): due = bar.time - p.entryTime >= ms
            }
            if due {
                exit(&p, reason: .timeStop, trigger: nil, instrument: i, ids: &ids, actions: &actions)
                return
            }
        }
        if !venueHeld && live {
            let open = Fixed(bar.open), low = Fixed(bar.low), high = Fixed(bar.high)
            if let stop = p.stopLevel, p.long ? (open <= stop || low <= stop) : (open >= stop || high >= stop) {
                exit(&p, reason: p.stopReason, trigger: stop, instrument: i, ids: &ids, actions: &actions)
                return
            }
            if let take = p.takeProfitLevel, p.long ? (open >= take || high >= take) : (open <= take || low <= take) {
                exit(&p, reason: .takeProfit, trigger: take, instrument: i, ids: &ids, actions: &actions)
                return
            }
        }
        let best = Fixed(p.long ? bar.high : bar.low)
        if p.long ? best > p.extreme : best < p.extreme { p.extreme = best }
        let before = p.stopLevel
        updateStop(&p, instrument: i)
        if venueHeld, p.stopLevel != before, let level = p.stopLevel {
            if let old = p.stopOrderId { actions.append(.cancel(clientOrderId: old, instrument: i)) }
            p.stopOrderId = placeStop(p, level: level, instrument: i, ids: &ids, actions: &actions)
        }
    }

    /// A fill of `order` moved `instrument`'s position from `before` to `after` (the portfolio's average entry
    /// price is `entryPrice`). Records a finished protective exit, arms exits on a new position, resizes them
    /// when it changed, and cancels them once flat.
    /// - Returns: the exit reason when this fill closed the position through a protective exit.
    @discardableResult
    public mutating func onFill(_ fill: Fill, order: Order, instrument i: Int, before: Quantity, after: Quantity,
                                entryPrice: Price, ids: inout ClientOrderIdSequence, actions: inout [Action]) -> ExitReason? {
        let reason = ExitReason(tag: order.request.tag)
        var closedBy: ExitReason?
        if var p = positions[i] {
            if let reason, after.isZero {
                let trigger = order.request.stopPrice ?? p.exitTrigger
                records.append(ProtectiveExitRecord(
                    time: fill.time, symbol: fill.symbol, reason: reason, clientOrderId: order.request.clientOrderId,
                    side: order.request.side, quantity: order.filledQuantity, triggerPrice: trigger,
                    fillPrice: order.averageFillPrice ?? fill.price, breakEven: reason == .stopLoss && p.breakEvenActive,
                    emulated: order.request.type == .market))
                closedBy = reason
            }
            let sameSide = !after.isZero && (after.isPositive == p.long)
            if !sameSide {
                cancelOrders(&p, except: order.request.clientOrderId, instrument: i, actions: &actions)
                positions[i] = nil
            } else if after.magnitude != p.quantity {
                p.quantity = after.magnitude
                // A partly filled exit keeps working for the rest; any other change re-arms at the new size.
                if reason == nil {
                    p.entryPrice = entryPrice
                    p.takeProfitLevel = takeProfit(p)
                    p.stopLevel = nil
                    updateStop(&p, instrument: i)
                    if venueHeld && !p.suspended && p.exitOrderId == nil {
                        cancelOrders(&p, except: order.request.clientOrderId, instrument: i, actions: &actions)
                        place(&p, instrument: i, ids: &ids, actions: &actions)
                    }
                }
                positions[i] = p
                return closedBy
            } else {
                return closedBy
            }
        }
        guard !after.isZero, reason == nil, !policy.isEmpty else { return closedBy }
        let notional = fill.price * fill.quantity
        var p = Position(long: after.isPositive, entryPrice: entryPrice, quantity: after.magnitude, entryTime: fill.time,
                         extreme: entryPrice, atrAtEntry: atrValues[i],
                         feeRate: notional.isPositive ? fill.fee / notional : .zero,
                         group: "oco:\(order.request.clientOrderId)", tick: instruments[i].tickSize)
        p.takeProfitLevel = takeProfit(p)
        updateStop(&p, instrument: i)
        if venueHeld { place(&p, instrument: i, ids: &ids, actions: &actions) }
        positions[i] = p
        return closedBy
    }

    /// An order of `instrument` ended without filling (canceled, rejected, expired) or was refused before it
    /// left. A protective order ended by someone else (an operator, the emergency shutdown) or refused leaves
    /// the position unprotected on purpose: the manager stops managing it rather than fight the decision.
    public mutating func onOrderEnded(clientOrderId id: String, instrument i: Int) {
        guard var p = positions[i] else { return }
        if p.stopOrderId == id || p.takeProfitOrderId == id || p.exitOrderId == id {
            if p.stopOrderId == id { p.stopOrderId = nil }
            if p.takeProfitOrderId == id { p.takeProfitOrderId = nil }
            if p.exitOrderId == id { p.exitOrderId = nil }
            p.suspended = true
            positions[i] = p
        }
    }

    // MARK: - Levels

    /// The entry-based take-profit level.
    private func takeProfit(_ p: Position) -> Price? {
        guard let spec = policy.takeProfit, let distance = distance(spec, reference: p.entryPrice, atr: p.atrAtEntry) else { return nil }
        let level: Price
        if case let .price(v) = spec { level = Fixed(v) } else { level = p.long ? p.entryPrice + distance : p.entryPrice - distance }
        return level.isPositive ? level.rounded(toMultipleOf: p.tick, .nearest) : nil
    }

    /// Tightens the stop to the best of stop-loss, trailing stop and break-even (never loosens it).
    private func updateStop(_ p: inout Position, instrument i: Int) {
        var best: Price? = nil
        var reason = ExitReason.stopLoss
        var breakEven = false
        func consider(_ level: Price, _ r: ExitReason, _ be: Bool = false) {
            guard level.isPositive else { return }
            if let b = best, p.long ? level <= b : level >= b { return }
            best = level
            reason = r
            breakEven = be
        }
        if let spec = policy.stopLoss, let d = distance(spec, reference: p.entryPrice, atr: p.atrAtEntry) {
            if case let .price(v) = spec { consider(Fixed(v), .stopLoss) } else { consider(p.long ? p.entryPrice - d : p.entryPrice + d, .stopLoss) }
        }
        if let spec = policy.trailingStop, let d = distance(spec, reference: p.extreme, atr: atrValues[i]) {
            consider(p.long ? p.extreme - d : p.extreme + d, .trailingStop)
        }
        if let spec = policy.breakEven, let d = distance(spec, reference: p.entryPrice, atr: p.atrAtEntry),
           p.long ? p.extreme - p.entryPrice >= d : p.entryPrice - p.extreme >= d {
            let f = p.feeRate
            let level = p.long ? p.entryPrice * (Fixed.one + f) / (Fixed.one - f) : p.entryPrice * (Fixed.one - f) / (Fixed.one + f)
            consider(level, .stopLoss, true)
        }
        guard let level = best?.rounded(toMultipleOf: p.tick, p.long ? .up : .down), level.isPositive else { return }
        if let current = p.stopLevel, p.long ? level <= current : level >= current { return }
        p.stopLevel = level
        p.stopReason = reason
        if breakEven { p.breakEvenActive = true }
    }

    /// The price distance of `spec` from `reference` (nil for an ATR multiple before the ATR is known).
    private func distance(_ spec: ExitDistance, reference: Price, atr: Double) -> Price? {
        switch spec {
        case let .percent(f): return reference * Fixed(f)
        case let .atr(k): return atr.isFinite && atr > 0 ? Fixed(k * atr) : nil
        case let .price(v): return Fixed(v)
        }
    }

    // MARK: - Orders

    private func symbol(_ i: Int) -> String { instruments[i].symbol }

    /// Places the venue-held stop and take-profit of a position.
    private func place(_ p: inout Position, instrument i: Int, ids: inout ClientOrderIdSequence, actions: inout [Action]) {
        if let level = p.stopLevel { p.stopOrderId = placeStop(p, level: level, instrument: i, ids: &ids, actions: &actions) }
        if let level = p.takeProfitLevel {
            let id = ids.next()
            actions.append(.submit(OrderRequest(clientOrderId: id, symbol: symbol(i), side: p.long ? .sell : .buy,
                                                type: .takeProfit, quantity: p.quantity, stopPrice: level, reduceOnly: true,
                                                tag: ExitReason.takeProfit.tag, ocoGroup: p.group), instrument: i))
            p.takeProfitOrderId = id
        }
    }

    private func placeStop(_ p: Position, level: Price, instrument i: Int, ids: inout ClientOrderIdSequence,
                           actions: inout [Action]) -> String {
        let id = ids.next()
        actions.append(.submit(OrderRequest(clientOrderId: id, symbol: symbol(i), side: p.long ? .sell : .buy,
                                            type: .stopMarket, quantity: p.quantity, stopPrice: level, reduceOnly: true,
                                            tag: p.stopReason.tag, ocoGroup: p.group), instrument: i))
        return id
    }

    /// Cancels the position's protective orders (except `keep`, the order that just filled).
    private func cancelOrders(_ p: inout Position, except keep: String, instrument i: Int, actions: inout [Action]) {
        for id in [p.stopOrderId, p.takeProfitOrderId] {
            if let id, id != keep { actions.append(.cancel(clientOrderId: id, instrument: i)) }
        }
        p.stopOrderId = nil
        p.takeProfitOrderId = nil
    }

    /// Closes the position with a reduce-only market order after cancelling the venue-held orders.
    private mutating func exit(_ p: inout Position, reason: ExitReason, trigger: Price?, instrument i: Int,
                               ids: inout ClientOrderIdSequence, actions: inout [Action]) {
        cancelOrders(&p, except: "", instrument: i, actions: &actions)
        let id = ids.next()
        actions.append(.submit(OrderRequest(clientOrderId: id, symbol: symbol(i), side: p.long ? .sell : .buy,
                                            type: .market, quantity: p.quantity, reduceOnly: true, tag: reason.tag),
                               instrument: i))
        p.exitOrderId = id
        p.exitTrigger = trigger
    }
}
