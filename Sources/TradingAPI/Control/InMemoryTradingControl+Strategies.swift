import TradingCore
import TradingModel

extension InMemoryTradingControl {
    public func strategies() -> [StrategyStatus] { strategyTable }

    public func startStrategy(id: String) throws(ControlError) -> StrategyStatus {
        try setState(.running, id: id)
    }

    public func stopStrategy(id: String) throws(ControlError) -> StrategyStatus {
        try setState(.stopped, id: id)
    }

    public func updateStrategyParameters(id: String, parameters: [String: Double]) throws(ControlError) -> StrategyStatus {
        let index = try strategyIndex(id)
        var strategy = strategyTable[index]
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            guard let range = strategy.parameterRanges[name] else {
                throw ControlError(.invalid, code: "unknown_parameter",
                                   "strategy '\(id)' has no parameter '\(name)'; expected one of \(strategy.parameterRanges.keys.sorted())")
            }
            guard range.contains(value) else {
                throw ControlError(.invalid, code: "parameter_out_of_range",
                                   "\(id).\(name) must be between \(range.min) and \(range.max), got \(value)")
            }
            strategy.parameters[name] = value
        }
        strategyTable[index] = strategy
        return strategy
    }

    public func submitBacktest(_ request: BacktestRequest) throws(ControlError) -> BacktestJob {
        let known = Set(strategyTable.map(\.name))
        guard known.contains(request.strategy) else {
            throw ControlError(.invalid, code: "unknown_strategy",
                               "strategy '\(request.strategy)' is not known; expected one of \(known.sorted())")
        }
        guard instruments[request.symbol] != nil else {
            throw ControlError(.invalid, code: "unknown_symbol",
                               "symbol '\(request.symbol)' is not traded; expected one of \(instruments.keys.sorted())")
        }
        guard (100...1_000_000).contains(request.bars) else {
            throw ControlError(.invalid, code: "invalid_bars", "bars must be between 100 and 1000000, got \(request.bars)")
        }
        if let bad = request.parameters.first(where: { !$0.value.isFinite }) {
            throw ControlError(.invalid, code: "parameter_out_of_range", "parameter '\(bad.key)' must be finite, got \(bad.value)")
        }
        let unfinished = jobs.count { $0.status == .queued || $0.status == .running }
        guard unfinished < Self.maxUnfinishedBacktests else {
            throw ControlError(.conflict, code: "backtest_queue_full",
                               "\(unfinished) backtests are queued or running; at most \(Self.maxUnfinishedBacktests), retry later")
        }
        let job = BacktestJob(id: "bt-\(jobs.count + 1)", request: request, submittedAt: now())
        jobs.append(job)
        if backtestWorker == nil { backtestWorker = Task { await self.drainBacktests() } }
        return job
    }

    /// Backtests queued or running at once before submissions are refused.
    public static let maxUnfinishedBacktests = 8

    /// Waits until every submitted backtest has finished.
    public func waitForBacktests() async { await backtestWorker?.value }

    /// Runs queued jobs one at a time, oldest first, until none is left.
    func drainBacktests() async {
        while let index = jobs.firstIndex(where: { $0.status == .queued }) {
            jobs[index].status = .running
            let id = jobs[index].id
            let outcome: Result<[String: Double], any Error>
            do { outcome = .success(try await runner(jobs[index].request)) } catch { outcome = .failure(error) }
            guard let done = jobs.firstIndex(where: { $0.id == id }) else { continue }
            switch outcome {
            case .success(let metrics):
                jobs[done].metrics = metrics
                jobs[done].status = .completed
            case .failure(let error):
                jobs[done].error = "\(error)"
                jobs[done].status = .failed
            }
            jobs[done].finishedAt = now()
        }
        backtestWorker = nil
    }

    public func backtests() -> [BacktestJob] { jobs.reversed() }

    public func backtest(id: String) throws(ControlError) -> BacktestJob {
        guard let job = jobs.first(where: { $0.id == id }) else {
            throw ControlError(.notFound, code: "backtest_not_found", "no backtest with id '\(id)'")
        }
        return job
    }

    public func halt(reason: String) -> RiskStatus {
        risk.state = .halted
        risk.reason = reason
        risk.changedAt = now()
        let status = riskStatus()
        publish(.risk(status))
        publish(.alert(AlertMessage(time: risk.changedAt, severity: "critical", rule: "kill_switch",
                                    message: "trading halted: \(reason)")))
        return status
    }

    public func resume(reason: String) throws(ControlError) -> RiskStatus {
        guard risk.state == .halted else {
            throw ControlError(.conflict, code: "not_halted", "trading is \(risk.state.rawValue), not HALTED; nothing to resume")
        }
        risk.state = .active
        risk.reason = reason
        risk.changedAt = now()
        let status = riskStatus()
        publish(.risk(status))
        return status
    }

    func strategyIndex(_ id: String) throws(ControlError) -> Int {
        guard let index = strategyTable.firstIndex(where: { $0.id == id }) else {
            throw ControlError(.notFound, code: "strategy_not_found",
                               "no strategy with id '\(id)'; expected one of \(strategyTable.map(\.id))")
        }
        return index
    }

    func setState(_ state: StrategyStatus.State, id: String) throws(ControlError) -> StrategyStatus {
        let index = try strategyIndex(id)
        strategyTable[index].state = state
        return strategyTable[index]
    }
}
