import TradingModel

/// The one trading kernel shared by backtest, paper and live modes:
/// market data -> strategy -> sizing -> risk hook -> execution engine -> venue commands.
/// Venue events (acks, fills, cancels) come back through `on(_:commands:)`.
/// On every bar the risk hook is evaluated first (after marking, before the strategy): its protective actions
/// (cancel all working orders, flatten with reduce-only market orders tagged `risk-flatten`) go out before
/// anything the strategy asks for. Fills are reported to the hook through `onFill`.
///
/// A plain struct with no I/O: drivers feed it bars and events and carry its commands to a venue.
/// - Complexity: O(1) per bar plus the strategy's own work; no allocation per bar when no order is sent.
public struct TradingKernel<S: Strategy>: Sendable {
    public var strategy: S
    public private(set) var context: StrategyContext
    public private(set) var execution: ExecutionEngine
    /// The pre-trade gate and per-bar protections (fixed for the kernel's life).
    public internal(set) var risk: any RiskHook
    /// Cached `risk.evaluatesBars`, read on every bar.
    private let riskEvaluatesBars: Bool
    public let sizing: PositionSizing
    public private(set) var trades: TradeTracker
    /// Orders refused before they left (risk hook).
    public private(set) var rejections: [RiskRejection] = []
    /// Orders the venue refused.
    public private(set) var venueRejections: [RiskRejection] = []
    /// Direction a `target` intent is working towards, per instrument, while its orders are working.
    private var pendingTarget: [TargetDirection?]
    private var fillCount = 0
    /// Reused buffer for the risk hook's protective actions (no allocation per bar).
    private var riskActions: [RiskAction] = []
    /// Per-instrument volatility, tracked only for volatility-target sizing.
    private var sizingVolatility: SizingVolatility?
    /// Protective exits of every position (nil: none configured).
    public private(set) var exits: ProtectiveExits?
    /// Reused buffer for the exits' orders and cancels (no allocation per bar).
    private var exitActions: [ProtectiveExits.Action] = []
    /// Logs and counts refused orders.
    public let rejectionReporter: RejectionReporter

    /// A kernel for `strategy` over `portfolio`. `exits` protects every position the kernel opens: held at
    /// the venue as stop / take-profit orders when `venue` can hold them, emulated otherwise.
    public init(strategy: S, portfolio: Portfolio, sizing: PositionSizing, allowShort: Bool,
                risk: (any RiskHook)? = nil, idPrefix: String = "gw", exits: ProtectiveExitPolicy? = nil,
                venue: VenueCapabilities = .none, rejectionReporter: RejectionReporter = RejectionReporter()) {
        self.strategy = strategy
        self.context = StrategyContext(portfolio: portfolio, allowShort: allowShort,
                                       higherTimeframeCount: strategy.higherTimeframes.count)
        self.execution = ExecutionEngine(idPrefix: idPrefix)
        let hook = risk ?? BasicRiskChecks(allowShort: allowShort)
        self.risk = hook
        self.riskEvaluatesBars = hook.evaluatesBars
        self.sizing = sizing
        self.trades = TradeTracker(symbols: portfolio.instruments.map(\.symbol))
        self.pendingTarget = Array(repeating: nil, count: portfolio.instruments.count)
        self.riskActions.reserveCapacity(4)
        self.rejectionReporter = rejectionReporter
        if let exits, !exits.isEmpty {
            self.exits = ProtectiveExits(policy: exits, instruments: portfolio.instruments, capabilities: venue)
            self.exitActions.reserveCapacity(4)
        }
        if let (measure, period) = sizing.volatilityNeed {
            self.sizingVolatility = SizingVolatility(measure: measure, period: period, instruments: portfolio.instruments.count)
        }
    }

    public var portfolio: Portfolio { context.portfolio }

    /// Number of fills applied so far.
    public var fills: Int { fillCount }

    /// A closed bar of `instrument`: marks the ledger, runs the strategy and turns its intents into commands.
    public mutating func onBar(_ bar: Bar, instrument: Int, barIndex: Int, commands: inout [VenueCommand]) {
        context.time = bar.time
        context.barIndex = barIndex
        context.portfolio.mark(instrument, price: bar.close)
        sizingVolatility?.update(bar, instrument: instrument)
        if riskEvaluatesBars {
            risk.evaluate(RiskBarContext(portfolio: context.portfolio, instrument: instrument, time: bar.time,
                                         workingOrders: context.workingOrders), actions: &riskActions)
            if !riskActions.isEmpty { executeRiskActions(commands: &commands) }
        }
        if exits != nil {
            exits!.onBar(bar, instrument: instrument, ids: &execution.ids, actions: &exitActions)
            if !exitActions.isEmpty { executeExitActions(commands: &commands) }
        }
        strategy.onBar(bar, instrument: instrument, context: &context)
        if !context.intents.isEmpty { drainIntents(commands: &commands) }
    }

    /// Appends a closed higher-timeframe bar so strategies can read it.
    public mutating func onHigherTimeframeBar(_ bar: Bar, instrument: Int, timeframe index: Int) {
        context.higherBars[instrument][index].append(bar)
    }

    /// A venue event. Fills update the ledger, the trade list and the strategy (which may act on them).
    public mutating func on(_ event: ExecutionEvent, commands: inout [VenueCommand]) {
        guard let (instrument, order) = execution.apply(event) else { return }
        switch event {
        case let .filled(charged):
            fillCount += 1
            // A third-asset fee (BNB) is valued once, at the ledger's mark, so the ledger, the trade list, the
            // risk hook and the strategy all see the same cost.
            let fill = context.portfolio.valuingFee(charged)
            // Positions as orders can trade them: dust a base-asset fee left below one lot is flat to the trade
            // list and the exits (the ledger keeps and values it).
            let spec = context.portfolio.instruments[instrument]
            let before = spec.tradableQuantity(context.portfolio.quantity(instrument))
            let realized = context.portfolio.apply(fill, instrument: instrument)
            let closedBefore = trades.closed.count
            trades.record(fill, instrument: instrument, positionBefore: before, realized: realized,
                          barIndex: context.barIndex, positionAfter: context.portfolio.quantity(instrument))
            risk.onFill(fill, instrument: instrument, portfolio: context.portfolio)
            if trades.closed.count > closedBefore, let trade = trades.closed.last {
                risk.onTradeClosed(trade, reason: ExitReason(tag: order.request.tag), instrument: instrument)
            }
            if exits != nil {
                let position = context.portfolio.positions[instrument]
                let after = spec.tradableQuantity(position.quantity)
                exits!.onFill(fill, order: order, instrument: instrument, before: before, after: after,
                              entryPrice: position.averageEntryPrice, ids: &execution.ids, actions: &exitActions)
                if !exitActions.isEmpty { executeExitActions(commands: &commands) }
            }
            strategy.onFill(fill, instrument: instrument, context: &context)
        case let .rejected(id, reason, time):
            let rejection = RiskRejection(code: "venue_rejected", message: reason, clientOrderId: id,
                                          symbol: order.request.symbol, time: time)
            venueRejections.append(rejection)
            rejectionReporter.report(rejection)
            exits?.onOrderEnded(clientOrderId: id, instrument: instrument)
        case let .canceled(id, _, _), let .expired(id, _, _):
            exits?.onOrderEnded(clientOrderId: id, instrument: instrument)
        default:
            break
        }
        updateWorking(order, instrument: instrument)
        if !context.intents.isEmpty { drainIntents(commands: &commands) }
    }

    /// Risk-checks an order that did not come from the strategy (an operator's manual order from the API or
    /// CLI) exactly like the strategy's own orders; when approved it is registered and its submit command
    /// appended. An empty client order id is replaced by the next generated one.
    /// - Returns: the client order id sent, or the refusal (unknown symbol or the risk hook's reason).
    public mutating func placeManual(_ proposed: OrderRequest, commands: inout [VenueCommand]) -> Result<String, RiskRejection> {
        var request = proposed
        if request.clientOrderId.isEmpty { request.clientOrderId = execution.nextClientOrderId() }
        guard let instrument = context.portfolio.instruments.firstIndex(where: { $0.symbol == request.symbol }) else {
            let known = context.portfolio.instruments.map(\.symbol).joined(separator: ", ")
            return .failure(RiskRejection(code: "unknown_symbol",
                                          message: "symbol \(request.symbol) is not traded here; expected one of \(known)",
                                          clientOrderId: request.clientOrderId, symbol: request.symbol, time: context.time))
        }
        if submit(request, instrument: instrument, commands: &commands) { return .success(request.clientOrderId) }
        return .failure(rejections.last!)
    }

    /// Hands externally computed correlations (the knowledge graph's CORRELATED_WITH) to the risk engine, which
    /// uses them instead of its rolling window while they are fresher. Returns false when the risk hook is not a
    /// ``RiskEngine`` (nothing to update).
    /// - Throws: ``CorrelationInputError`` when the matrix is not square over `symbols` or a value is outside [-1, 1].
    public mutating func updateCorrelations(symbols: [String], matrix: [[Double]], asOf: Int64) throws(CorrelationInputError) -> Bool {
        guard var engine = risk as? RiskEngine else { return false }
        try engine.updateCorrelations(symbols: symbols, matrix: matrix, asOf: asOf)
        risk = engine
        return true
    }

    /// Registers an order recovered from the order journal after a restart (already at the venue), so its later
    /// fills and cancels reach the ledger. Returns false for a symbol this kernel does not trade.
    @discardableResult
    public mutating func adopt(_ order: Order) -> Bool {
        guard let instrument = context.portfolio.instruments.firstIndex(where: { $0.symbol == order.request.symbol }) else {
            return false
        }
        execution.adopt(order, instrument: instrument)
        updateWorking(order, instrument: instrument)
        return true
    }

    /// Marks an order filled whose every fill was applied already, because the venue said it is complete (a
    /// quote-quantity order finished by reconciliation after its last execution report was missed). Books
    /// nothing. Returns false when the order is unknown or already ended.
    @discardableResult
    public mutating func completeOrder(clientOrderId: String, time: Int64) -> Bool {
        guard let (instrument, order) = execution.complete(clientOrderId: clientOrderId, time: time) else { return false }
        updateWorking(order, instrument: instrument)
        return true
    }

    /// Carries out the risk hook's protective actions: cancels go out first, then reduce-only market
    /// orders tagged `risk-flatten` close every open position (they still pass the risk hook's checks).
    private mutating func executeRiskActions(commands: inout [VenueCommand]) {
        for action in riskActions {
            switch action {
            case .cancelAll:
                for (instrument, orders) in context.workingOrders.enumerated() {
                    let symbol = context.portfolio.instruments[instrument].symbol
                    for order in orders { commands.append(.cancel(clientOrderId: order.request.clientOrderId, symbol: symbol)) }
                }
            case .flatten:
                for instrument in context.portfolio.instruments.indices {
                    let held = context.portfolio.instruments[instrument].tradableQuantity(context.portfolio.quantity(instrument))
                    guard !held.isZero else { continue }
                    let request = OrderRequest(clientOrderId: execution.nextClientOrderId(),
                                               symbol: context.portfolio.instruments[instrument].symbol,
                                               side: held.isPositive ? .sell : .buy, type: .market,
                                               quantity: held.magnitude, reduceOnly: true, tag: "risk-flatten")
                    _ = submit(request, instrument: instrument, commands: &commands)
                }
            }
        }
        riskActions.removeAll(keepingCapacity: true)
    }

    /// Sends the protective exits' orders (through the risk hook) and cancels (of orders still working).
    private mutating func executeExitActions(commands: inout [VenueCommand]) {
        for action in exitActions {
            switch action {
            case let .submit(request, instrument):
                if !submit(request, instrument: instrument, commands: &commands) {
                    exits?.onOrderEnded(clientOrderId: request.clientOrderId, instrument: instrument)
                }
            case let .cancel(id, instrument):
                guard context.workingOrders[instrument].contains(where: { $0.request.clientOrderId == id }) else { continue }
                commands.append(.cancel(clientOrderId: id, symbol: context.portfolio.instruments[instrument].symbol))
            }
        }
        exitActions.removeAll(keepingCapacity: true)
    }

    private mutating func updateWorking(_ order: Order, instrument: Int) {
        var working = context.workingOrders[instrument]
        if let index = working.firstIndex(where: { $0.request.clientOrderId == order.request.clientOrderId }) {
            if order.status.isTerminal { working.remove(at: index) } else { working[index] = order }
        } else if !order.status.isTerminal {
            working.append(order)
        }
        context.workingOrders[instrument] = working
        let listed = context.instrumentsWithWorkingOrders.firstIndex(of: instrument)
        if let listed, working.isEmpty {
            context.instrumentsWithWorkingOrders.swapAt(listed, context.instrumentsWithWorkingOrders.count - 1)
            context.instrumentsWithWorkingOrders.removeLast()
        } else if listed == nil, !working.isEmpty {
            context.instrumentsWithWorkingOrders.append(instrument)
        }
        if working.allSatisfy({ !$0.request.tag.hasPrefix("target") }) { pendingTarget[instrument] = nil }
    }

    private mutating func drainIntents(commands: inout [VenueCommand]) {
        var index = 0
        while index < context.intents.count {
            let intent = context.intents[index]
            index += 1
            switch intent {
            case let .target(instrument, direction, tag):
                handleTarget(instrument: instrument, direction: direction, tag: tag, commands: &commands)
            case let .order(spec):
                handleOrder(spec, commands: &commands)
            case let .cancel(instrument, id):
                commands.append(.cancel(clientOrderId: id, symbol: context.portfolio.instruments[instrument].symbol))
            case let .cancelAll(instrument):
                let symbol = context.portfolio.instruments[instrument].symbol
                for order in context.workingOrders[instrument] {
                    commands.append(.cancel(clientOrderId: order.request.clientOrderId, symbol: symbol))
                }
            }
        }
        context.intents.removeAll(keepingCapacity: true)
    }

    private mutating func handleTarget(instrument: Int, direction requested: TargetDirection, tag: String,
                                       commands: inout [VenueCommand]) {
        let spec = context.portfolio.instruments[instrument]
        var direction = requested
        if direction == .short && !(context.allowShort && spec.allowShort) { direction = .flat }
        if let pending = pendingTarget[instrument] {
            if pending == direction { return }
            // Direction changed while orders work: cancel them and re-plan from the current position.
            for order in context.workingOrders[instrument] where order.request.tag.hasPrefix("target") {
                commands.append(.cancel(clientOrderId: order.request.clientOrderId, symbol: spec.symbol))
            }
        }
        let held = spec.tradableQuantity(context.portfolio.quantity(instrument))
        let current: TargetDirection = held.isPositive ? .long : (held.isNegative ? .short : .flat)
        if current == direction && pendingTarget[instrument] == nil { return }
        let mark = context.portfolio.marks[instrument]
        var ids = execution.ids
        let plan = TargetPlanner.plan(
            to: direction, held: held, mark: mark, cash: context.portfolio.cash, equity: context.portfolio.equity,
            sizing: sizing, instrument: spec, tag: tag, ids: &ids) { cashAfterExit, long in
                sizedQuantity(instrument: instrument, price: mark, cash: cashAfterExit, long: long)
            }
        execution.ids = ids
        var sent = false
        if let exit = plan.exit { sent = submit(exit, instrument: instrument, commands: &commands) || sent }
        if let entry = plan.entry { sent = submit(entry, instrument: instrument, commands: &commands) || sent }
        pendingTarget[instrument] = sent ? direction : nil
    }

    private mutating func handleOrder(_ spec: OrderSpec, commands: inout [VenueCommand]) {
        let instrument = context.portfolio.instruments[spec.instrument]
        var quantity = spec.quantity ?? .zero
        var quote: Money? = spec.quoteAmount
        if spec.quantity == nil && spec.quoteAmount == nil {
            let price = spec.limitPrice ?? spec.stopPrice ?? context.portfolio.marks[spec.instrument]
            if spec.side == .buy && spec.type == .market,
               let budget = sizing.longBudget(cash: context.portfolio.cash, equity: context.portfolio.equity) {
                quote = budget
            } else {
                quantity = sizedQuantity(instrument: spec.instrument, price: price, cash: context.portfolio.cash,
                                         long: spec.side == .buy)
            }
        }
        let request = OrderRequest(
            clientOrderId: execution.nextClientOrderId(), symbol: instrument.symbol, side: spec.side,
            type: spec.type, quantity: quantity, quoteQuantity: quote,
            limitPrice: spec.limitPrice.map { instrument.roundPrice($0) },
            stopPrice: spec.stopPrice.map { instrument.roundPrice($0) },
            timeInForce: spec.timeInForce, reduceOnly: spec.reduceOnly, tag: spec.tag)
        _ = submit(request, instrument: spec.instrument, commands: &commands)
    }

    /// The sizing rule's quantity for a new position (on the lot grid, zero when below the instrument minimums).
    private func sizedQuantity(instrument: Int, price: Price, cash: Money, long: Bool) -> Quantity {
        let needsTrades: Bool
        if case .halfKelly = sizing { needsTrades = true } else { needsTrades = false }
        return sizing.quantity(SizingInputs(
            equity: context.portfolio.equity, cash: cash, price: price, instrument: context.portfolio.instruments[instrument],
            volatility: sizingVolatility?.volatility(instrument),
            trades: needsTrades ? TradeStatistics(trades.closed) : TradeStatistics(), long: long))
    }

    /// Risk-checks and sends one request; returns whether it was sent.
    private mutating func submit(_ proposed: OrderRequest, instrument: Int, commands: inout [VenueCommand]) -> Bool {
        var request = proposed
        let check = RiskCheckContext(portfolio: context.portfolio, instrument: instrument, time: context.time,
                                     workingOrders: context.workingOrders,
                                     instrumentsWithWorkingOrders: context.instrumentsWithWorkingOrders)
        if var rejection = risk.check(&request, context: check) {
            if rejection.side == nil { rejection.side = request.side }
            if rejection.tag == nil { rejection.tag = request.tag }
            rejections.append(rejection)
            rejectionReporter.report(rejection)
            return false
        }
        execution.register(request, instrument: instrument, time: context.time)
        if let order = execution.orders[request.clientOrderId] { updateWorking(order, instrument: instrument) }
        commands.append(.submit(request))
        return true
    }
}
