import TradingModel

extension TradingSession {
    public func snapshot() async -> SessionSnapshot {
        let portfolio = slot?.kernel.portfolio ?? Portfolio(instruments: instruments, cash: .zero)
        var balances = [Balance(asset: portfolio.quoteCurrency, free: portfolio.cash)]
        for (index, position) in portfolio.positions.enumerated() where !position.isFlat {
            balances.append(Balance(asset: portfolio.instruments[index].base, free: position.quantity))
        }
        let orders = slot?.kernel.execution.allOrders ?? []
        var snapshot = SessionSnapshot(
            sessionId: sessionId, venue: exchange.name, strategy: strategyName, parameters: parameters,
            strategyRunning: strategyRunning, halted: halted, haltReason: haltReason,
            riskState: (slot?.kernel.risk as? RiskEngine)?.state, riskEvents: slot?.kernel.risk.events ?? [],
            rejections: localRejections + (slot.map { $0.kernel.rejections + $0.kernel.venueRejections } ?? []),
            time: lastBarTime, bars: barsSeen, quoteCurrency: portfolio.quoteCurrency, cash: portfolio.cash,
            equity: portfolio.equity, realizedPnl: portfolio.realizedPnl, feesPaid: portfolio.feesPaid,
            positions: portfolio.positions, marks: Self.marks(portfolio), balances: balances, orders: Array(orders.suffix(500)),
            trades: slot?.kernel.trades.closed ?? [], equityCurve: Array(equityCurve.suffix(5_000)),
            fills: slot?.kernel.fills ?? 0)
        snapshot.otherAssetFees = portfolio.otherAssetFees
        snapshot.unvaluedFees = portfolio.unvaluedFees
        return snapshot
    }

    /// The portfolio's marks by symbol, skipping instruments without a price yet.
    static func marks(_ portfolio: Portfolio) -> [String: Price] {
        var result: [String: Price] = [:]
        for (index, instrument) in portfolio.instruments.enumerated() where portfolio.marks[index].isPositive {
            result[instrument.symbol] = portfolio.marks[index]
        }
        return result
    }

    public func place(_ request: OrderRequest) async throws(SessionError) -> String {
        guard let slot else {
            throw .notReady("session \(sessionId) has no market data yet; try again after the first bar")
        }
        if let refusal = localRefusal(request) { throw .unavailable(refusal) }
        var manual = request
        if !manual.tag.hasPrefix("manual") { manual.tag = manual.tag.isEmpty ? "manual" : "manual:\(manual.tag)" }
        switch slot.kernel.placeManual(manual, commands: &commands) {
        case let .success(id):
            await dispatchCommands()
            return id
        case let .failure(rejection):
            publishRefusals()
            throw .rejected(rejection)
        }
    }

    public func cancel(clientOrderId: String) async throws(SessionError) {
        guard let working = workingOrderIds().first(where: { $0.0 == clientOrderId }) else {
            throw .unknownOrder("order \(clientOrderId) is not working in session \(sessionId)")
        }
        await sendCancel(working.0, symbol: working.1)
    }

    public func halt(reason: String) async {
        guard !halted else { return }
        halted = true
        haltReason = reason
        alert(.critical, "halted", "session \(sessionId) halted by the operator: \(reason)")
        for (id, symbol) in workingOrderIds() { await sendCancel(id, symbol: symbol) }
    }

    public func resume(reason: String) async {
        guard halted else { return }
        halted = false
        haltReason = ""
        alert(.info, "resumed", "session \(sessionId) resumed: \(reason)")
    }

    public func updateCorrelations(symbols: [String], matrix: [[Double]], asOf: Int64) async throws(CorrelationInputError) -> Bool {
        guard slot != nil else { return false }
        return try slot!.kernel.updateCorrelations(symbols: symbols, matrix: matrix, asOf: asOf)
    }

    public func startStrategy() async {
        strategyRunning = true
        alert(.info, "strategy_started", "strategy \(strategyName) trades again")
    }

    public func stopStrategy() async {
        strategyRunning = false
        alert(.info, "strategy_stopped", "strategy \(strategyName) stopped; bars still mark the ledger")
    }

    public func updateParameters(_ values: [String: ParameterValue]) async throws(SessionError) -> ParameterValues {
        var merged = parameters.values
        for (key, value) in values { merged[key] = value }
        let resolved: ParameterValues
        var fresh: S
        do {
            resolved = try S.parameterSpace.resolve(merged, strategy: strategyName)
            fresh = try S(parameters: resolved)
        } catch {
            throw .invalidParameters("strategy \(strategyName): \(error)")
        }
        // Warm the new instance up on recent bars, discarding what it asks for.
        if let portfolio = slot?.kernel.portfolio {
            var scratch = StrategyContext(portfolio: portfolio, allowShort: configuration.allowShort,
                                          higherTimeframeCount: fresh.higherTimeframes.count)
            for (instrument, recent) in history.enumerated() {
                for bar in recent.bars { fresh.onBar(bar, instrument: instrument, context: &scratch) }
            }
        }
        strategy = fresh
        slot?.kernel.strategy = fresh
        parameters = resolved
        alert(.info, "parameters_updated", "strategy \(strategyName) parameters now \(resolved.summary)")
        return resolved
    }

    public func updates() async -> AsyncStream<SessionUpdate> {
        let (stream, continuation) = AsyncStream.makeStream(of: SessionUpdate.self, bufferingPolicy: .bufferingNewest(10_000))
        let id = nextSubscriber
        nextSubscriber += 1
        if finished {
            continuation.finish()
        } else {
            subscribers[id] = continuation
        }
        return stream
    }
}
