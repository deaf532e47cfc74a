import TradingAPI
import TradingCore
import TradingModel

extension SessionTradingControl {
    public func placeOrder(_ request: OrderRequest) async throws(ControlError) -> Order {
        guard let entry = entries.first(where: { $0.symbols.contains(request.symbol) }) else {
            throw ControlError(.invalid, code: "unknown_symbol",
                               "symbol '\(request.symbol)' is not traded; expected one of \(entries.flatMap(\.symbols))")
        }
        let id: String
        do { id = try await entry.session.place(request) } catch { throw Self.controlError(error) }
        let snapshot = await entry.session.snapshot()
        guard let order = snapshot.orders.last(where: { $0.request.clientOrderId == id }) else {
            throw ControlError(.unavailable, code: "order_not_recorded",
                               "order \(id) was accepted by session \(entry.session.sessionId) but is not in its order list")
        }
        return order
    }

    public func cancelOrder(clientOrderId: String) async throws(ControlError) -> Order {
        for entry in entries {
            let snapshot = await entry.session.snapshot()
            guard let order = snapshot.orders.last(where: { $0.request.clientOrderId == clientOrderId }) else { continue }
            guard !order.status.isTerminal else {
                throw ControlError(.conflict, code: "order_not_open",
                                   "order '\(clientOrderId)' is \(order.status.rawValue); only working orders can be canceled")
            }
            do { try await entry.session.cancel(clientOrderId: clientOrderId) } catch { throw Self.controlError(error) }
            return await entry.session.snapshot().orders.last { $0.request.clientOrderId == clientOrderId } ?? order
        }
        throw ControlError(.notFound, code: "order_not_found", "no order with client order id '\(clientOrderId)'")
    }

    public func strategies() async -> [StrategyStatus] {
        var result: [StrategyStatus] = []
        for entry in entries {
            let snapshot = await entry.session.snapshot()
            result.append(Self.status(of: entry, parameters: snapshot.parameters, running: snapshot.strategyRunning))
        }
        return result
    }

    public func startStrategy(id: String) async throws(ControlError) -> StrategyStatus {
        let entry = try lookup(id)
        await entry.session.startStrategy()
        let snapshot = await entry.session.snapshot()
        return Self.status(of: entry, parameters: snapshot.parameters, running: snapshot.strategyRunning)
    }

    public func stopStrategy(id: String) async throws(ControlError) -> StrategyStatus {
        let entry = try lookup(id)
        await entry.session.stopStrategy()
        let snapshot = await entry.session.snapshot()
        return Self.status(of: entry, parameters: snapshot.parameters, running: snapshot.strategyRunning)
    }

    public func updateStrategyParameters(id: String, parameters: [String: Double]) async throws(ControlError)
        -> StrategyStatus {
        let entry = try lookup(id)
        var values: [String: ParameterValue] = [:]
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            guard let spec = entry.space[name], let range = Self.range(spec) else {
                throw ControlError(.invalid, code: "unknown_parameter",
                                   "strategy '\(id)' has no numeric parameter '\(name)'; expected one of \(Self.ranges(entry.space).keys.sorted())")
            }
            guard range.contains(value) else {
                throw ControlError(.invalid, code: "parameter_out_of_range",
                                   "\(id).\(name) must be between \(range.min) and \(range.max), got \(value)")
            }
            if case .int = spec.kind {
                guard value == value.rounded() else {
                    throw ControlError(.invalid, code: "parameter_out_of_range", "\(id).\(name) must be an integer, got \(value)")
                }
                values[name] = .int(Int(value))
            } else {
                values[name] = .double(value)
            }
        }
        let resolved: ParameterValues
        do { resolved = try await entry.session.updateParameters(values) } catch { throw Self.controlError(error) }
        let snapshot = await entry.session.snapshot()
        return Self.status(of: entry, parameters: resolved, running: snapshot.strategyRunning)
    }

    public func submitBacktest(_ request: BacktestRequest) async throws(ControlError) -> BacktestJob {
        try await backtestQueue.submitBacktest(request)
    }

    public func backtests() async -> [BacktestJob] { await backtestQueue.backtests() }

    public func backtest(id: String) async throws(ControlError) -> BacktestJob { try await backtestQueue.backtest(id: id) }

    /// Waits until every submitted backtest has finished.
    public func waitForBacktests() async { await backtestQueue.waitForBacktests() }

    public func halt(reason: String) async -> TradingAPI.RiskStatus {
        for entry in entries { await entry.session.halt(reason: reason) }
        operatorHalt = true
        haltReason = reason
        stateChangedAt = now()
        let status = await riskStatus()
        broadcaster.publish(.risk(status))
        broadcaster.publish(.alert(AlertMessage(time: stateChangedAt, severity: "critical", rule: "kill_switch",
                                                message: "trading halted: \(reason)")))
        return status
    }

    public func resume(reason: String) async throws(ControlError) -> TradingAPI.RiskStatus {
        let current = await riskStatus()
        guard current.state == .halted else {
            throw ControlError(.conflict, code: "not_halted", "trading is \(current.state.rawValue), not HALTED; nothing to resume")
        }
        for entry in entries { await entry.session.resume(reason: reason) }
        operatorHalt = false
        haltReason = reason
        stateChangedAt = now()
        let status = await riskStatus()
        broadcaster.publish(.risk(status))
        return status
    }

    func lookup(_ id: String) throws(ControlError) -> Entry {
        guard let entry = entries.first(where: { $0.session.sessionId == id }) else {
            throw ControlError(.notFound, code: "strategy_not_found",
                               "no strategy with id '\(id)'; expected one of \(entries.map(\.session.sessionId))")
        }
        return entry
    }

    static func status(of entry: Entry, parameters: ParameterValues, running: Bool) -> StrategyStatus {
        StrategyStatus(id: entry.session.sessionId, name: entry.strategy, symbols: entry.symbols,
                       state: running ? .running : .stopped,
                       parameters: parameters.values.compactMapValues(\.doubleValue), parameterRanges: ranges(entry.space))
    }

    static func range(_ spec: ParameterSpec) -> ParameterRange? {
        switch spec.kind {
        case let .int(lo, hi, _): ParameterRange(min: Double(lo), max: Double(hi))
        case let .double(lo, hi, _): ParameterRange(min: lo, max: hi)
        case .choice: nil
        }
    }

    static func ranges(_ space: ParameterSpace) -> [String: ParameterRange] {
        var result: [String: ParameterRange] = [:]
        for spec in space.parameters { result[spec.name] = range(spec) }
        return result
    }

    /// A session refusal as the API reports it.
    static func controlError(_ error: SessionError) -> ControlError {
        switch error {
        case let .rejected(rejection): ControlError(.invalid, code: rejection.code, rejection.message)
        case let .notReady(message): ControlError(.unavailable, code: "not_ready", message)
        case let .unknownOrder(message): ControlError(.notFound, code: "order_not_found", message)
        case let .invalidParameters(message): ControlError(.invalid, code: "parameter_out_of_range", message)
        case let .unavailable(message): ControlError(.conflict, code: "halted", message)
        case let .failed(message): ControlError(.unavailable, code: "venue_failed", message)
        }
    }
}
