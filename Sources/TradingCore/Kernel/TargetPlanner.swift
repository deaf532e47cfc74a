import TradingModel

/// The market orders that move one position to a target direction. The kernel (for `target` intents) and the
/// vectorized sweep both plan with it, so they cannot drift apart.
public enum TargetPlanner {
    /// What to send: an exit of the whole position when the direction changes, then an entry.
    public struct Plan: Sendable, Equatable {
        public var exit: OrderRequest?
        public var entry: OrderRequest?
    }

    /// Plans from the position `held` to `direction`.
    ///
    /// `held` is what can be traded (``Instrument/tradableQuantity(_:)``): dust below one lot counts as flat.
    ///
    /// The exit is a reduce-only market order for the whole position. A long entry is a quote-quantity market
    /// buy of the sizing's budget (from the cash the exit frees at `mark`) when the sizing has one, otherwise a
    /// market order of `entryQuantity(cashAfterExit, long)`. Orders get their client ids from `ids`, exit first.
    /// - Returns: an empty plan when the position already points that way.
    public static func plan(to direction: TargetDirection, held: Quantity, mark: Price, cash: Money, equity: Money,
                            sizing: PositionSizing, instrument: Instrument, tag: String,
                            ids: inout ClientOrderIdSequence,
                            entryQuantity: (_ cashAfterExit: Money, _ long: Bool) -> Quantity) -> Plan {
        let current: TargetDirection = held.isPositive ? .long : (held.isNegative ? .short : .flat)
        var plan = Plan()
        guard current != direction else { return plan }
        var cashAfterExit = cash
        if current != .flat {
            plan.exit = OrderRequest(clientOrderId: ids.next(), symbol: instrument.symbol,
                                     side: held.isPositive ? .sell : .buy, type: .market, quantity: held.magnitude,
                                     reduceOnly: true, tag: "target-exit:\(tag)")
            cashAfterExit += held * mark
        }
        if direction != .flat {
            if direction == .long, let budget = sizing.longBudget(cash: cashAfterExit, equity: equity) {
                plan.entry = OrderRequest(clientOrderId: ids.next(), symbol: instrument.symbol, side: .buy, type: .market,
                                          quantity: .zero, quoteQuantity: budget, tag: "target-entry:\(tag)")
            } else {
                plan.entry = OrderRequest(clientOrderId: ids.next(), symbol: instrument.symbol,
                                          side: direction == .long ? .buy : .sell, type: .market,
                                          quantity: entryQuantity(cashAfterExit, direction == .long),
                                          tag: "target-entry:\(tag)")
            }
        }
        return plan
    }
}

/// Client order ids `<prefix>-1`, `<prefix>-2`, ... unique per run or service instance.
public struct ClientOrderIdSequence: Sendable {
    public let prefix: String
    public private(set) var last = 0

    public init(prefix: String) { self.prefix = prefix }

    /// The next unused id.
    public mutating func next() -> String {
        last += 1
        return "\(prefix)-\(last)"
    }
}
