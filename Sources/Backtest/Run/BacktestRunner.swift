import Foundation
import MarketData
import Simulation
import TradingCore
import TradingModel

/// Why a backtest could not run.
public enum BacktestError: Error, Sendable, CustomStringConvertible, Equatable {
    case noData(String)
    case mixedQuoteCurrencies([String])
    case invalid(String)

    public var description: String {
        switch self {
        case let .noData(what): return "no bars to backtest: \(what)"
        case let .mixedQuoteCurrencies(q): return "a portfolio needs one quote currency, got \(q.joined(separator: ", "))"
        case let .invalid(text): return text
        }
    }
}

/// Runs a strategy over stored or generated bars through the trading kernel and the simulated exchange:
/// the same kernel paper and live trading use, with a virtual clock.
///
/// Per timestamp and instrument: the venue matches working orders against the new bar (fills are events
/// into the kernel), then higher-timeframe bars that just closed become visible, then the strategy sees the
/// bar and its orders go out (filling at the next bar's open, or at this close in `close` mode).
/// - Complexity: O(bars x instruments); no allocation per bar unless orders are sent.
public enum BacktestRunner {
    /// Runs `strategyType` with the configuration's parameters over `series`.
    public static func run<S: Strategy>(_ strategyType: S.Type, configuration: BacktestConfiguration,
                                        series: [InstrumentSeries], runId: String = "bt",
                                        progress: ProgressReporter? = nil) throws -> BacktestResult {
        guard !series.isEmpty, series.contains(where: { !$0.bars.isEmpty }) else {
            throw BacktestError.noData("the selected data has no bars")
        }
        let quotes = Set(series.map(\.instrument.quote))
        guard quotes.count == 1 else { throw BacktestError.mixedQuoteCurrencies(quotes.sorted()) }
        let strategy = try S(parameters: configuration.parameters)
        let instruments = series.map(\.instrument)
        let clock = VirtualClock(start: series.compactMap { $0.bars.first?.time }.min() ?? 0)
        let started = DispatchTime.now().uptimeNanoseconds

        var riskHook: (any RiskHook)? = nil
        if let limits = configuration.risk {
            do { riskHook = try RiskEngine(limits: limits, allowShort: configuration.allowShort) } catch {
                throw BacktestError.invalid(error.description)
            }
        }
        var kernel = TradingKernel(strategy: strategy,
                                   portfolio: Portfolio(instruments: instruments, cash: configuration.initialCash),
                                   sizing: configuration.sizing, allowShort: configuration.allowShort,
                                   risk: riskHook, idPrefix: runId, exits: configuration.protectiveExits,
                                   venue: configuration.emulateExits == true ? .none : .simulated,
                                   rejectionReporter: RejectionReporter(level: .debug))
        try configuration.matching.validate()
        var venue = try SimulatedExchange(instruments: instruments, timeframe: configuration.timeframe,
                                          config: configuration.matching)
        let higher = strategy.higherTimeframes
        var resamplers: [[StreamingResampler]] = try instruments.map { _ in
            try higher.map { try StreamingResampler(base: configuration.timeframe, target: $0) }
        }

        var events: [ExecutionEvent] = []
        events.reserveCapacity(16)
        var commands: [VenueCommand] = []
        commands.reserveCapacity(16)
        let totalBars = series.reduce(0) { $0 + $1.bars.count }
        var equityTimes: [Int64] = []
        var equityValues: [Double] = []
        let uniqueEstimate = series.map(\.bars.count).max() ?? 0
        equityTimes.reserveCapacity(uniqueEstimate)
        equityValues.reserveCapacity(uniqueEstimate)
        var heads = Array(repeating: 0, count: series.count)
        var barsInMarket = 0
        var symbolBarsInMarket = Array(repeating: 0, count: series.count)
        var processed = 0

        // Sends commands to the venue and feeds the resulting events back until both queues are empty.
        func dispatch(time: Int64) {
            while !commands.isEmpty || !events.isEmpty {
                if !commands.isEmpty {
                    let pending = commands
                    commands.removeAll(keepingCapacity: true)
                    for command in pending {
                        switch command {
                        case let .submit(request): venue.submit(request, time: time, events: &events)
                        case let .cancel(id, symbol): venue.cancel(clientOrderId: id, symbol: symbol, time: time, events: &events)
                        }
                    }
                }
                if !events.isEmpty {
                    let pending = events
                    events.removeAll(keepingCapacity: true)
                    for event in pending { kernel.on(event, commands: &commands) }
                }
            }
        }

        while true {
            // The next timestamp across instruments.
            var now = Int64.max
            for s in series.indices where heads[s] < series[s].bars.count {
                now = Swift.min(now, series[s].bars[heads[s]].time)
            }
            if now == Int64.max { break }
            clock.advance(to: now)
            for s in series.indices where heads[s] < series[s].bars.count && series[s].bars[heads[s]].time == now {
                let bar = series[s].bars[heads[s]]
                try venue.process(bar, instrumentIndex: s, events: &events)
                if !events.isEmpty { dispatch(time: now) }
                for h in higher.indices {
                    for closed in resamplers[s][h].push(bar) {
                        kernel.onHigherTimeframeBar(closed, instrument: s, timeframe: h)
                    }
                }
                kernel.onBar(bar, instrument: s, barIndex: heads[s], commands: &commands)
                if !commands.isEmpty { dispatch(time: now) }
                heads[s] += 1
                processed += 1
            }
            let portfolio = kernel.portfolio
            var inMarket = false
            for s in series.indices where !portfolio.positions[s].isFlat {
                symbolBarsInMarket[s] += 1
                inMarket = true
            }
            if inMarket { barsInMarket += 1 }
            equityTimes.append(now)
            equityValues.append(portfolio.equity.doubleValue)
            if let progress, processed & 0xFFFF == 0 { progress.update(done: processed, total: totalBars) }
        }
        progress?.finish(total: totalBars)

        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return assemble(kernel: kernel, configuration: configuration, series: series, runId: runId,
                        times: equityTimes, values: equityValues, barsInMarket: barsInMarket,
                        symbolBarsInMarket: symbolBarsInMarket, elapsed: elapsed, processed: processed)
    }

    /// Runs a strategy chosen by name from a registry of types.
    public static func run(strategyType: any Strategy.Type, configuration: BacktestConfiguration,
                           series: [InstrumentSeries], runId: String = "bt",
                           progress: ProgressReporter? = nil) throws -> BacktestResult {
        try run(strategyType, configuration: configuration, series: series, runId: runId, progress: progress)
    }

    private static func assemble<S: Strategy>(kernel: TradingKernel<S>, configuration: BacktestConfiguration,
                                              series: [InstrumentSeries], runId: String, times: [Int64],
                                              values: [Double], barsInMarket: Int, symbolBarsInMarket: [Int],
                                              elapsed: Double, processed: Int) -> BacktestResult {
        let portfolio = kernel.portfolio
        let trades = kernel.trades.closed
        let first = series[0].bars.first?.close ?? 0
        let last = series[0].bars.last?.close ?? 0
        var buyAndHold: (Double, Double)? = (first, last)
        if series.count > 1 {
            // Equal-weight buy and hold of every symbol.
            let growth = series.map { s -> Double in
                guard let f = s.bars.first?.close, let l = s.bars.last?.close, f > 0 else { return 1 }
                return l / f
            }
            buyAndHold = (1, growth.reduce(0, +) / Double(growth.count))
        }
        let metrics = MetricsCalculator.compute(
            times: times, equity: values, initialEquity: configuration.initialCash.doubleValue,
            barsPerYear: configuration.timeframe.barsPerYear, trades: trades, barsInMarket: barsInMarket,
            feesPaid: portfolio.feesPaid.doubleValue, buyAndHold: buyAndHold)
        var perSymbol: [String: SymbolMetrics] = [:]
        let orders = kernel.execution.allOrders
        for (index, s) in series.enumerated() {
            let symbol = s.instrument.symbol
            let own = trades.filter { $0.symbol == symbol }
            let pnl = own.reduce(0.0) { $0 + $1.pnl.doubleValue }
            let fees = orders.filter { $0.request.symbol == symbol }.reduce(0.0) { $0 + $1.fees.doubleValue }
            let f = s.bars.first?.close ?? 0, l = s.bars.last?.close ?? 0
            perSymbol[symbol] = SymbolMetrics(
                symbol: symbol, trades: own.count,
                winRate: own.isEmpty ? 0 : Double(own.filter { $0.pnl.isPositive }.count) / Double(own.count),
                pnl: pnl, feesPaid: fees,
                exposure: s.bars.isEmpty ? 0 : Double(symbolBarsInMarket[index]) / Double(times.count),
                buyAndHoldReturn: f > 0 ? l / f - 1 : 0,
                contribution: configuration.initialCash.doubleValue > 0 ? pnl / configuration.initialCash.doubleValue : 0)
        }
        let open = series.indices.compactMap { i in
            kernel.trades.openTrade(i, position: portfolio.positions[i], mark: portfolio.marks[i])
        }
        var equity: [EquityPoint] = []
        equity.reserveCapacity(times.count)
        for i in times.indices { equity.append(EquityPoint(time: times[i], value: values[i])) }
        return BacktestResult(
            id: runId, configuration: configuration, metrics: metrics, symbolMetrics: perSymbol, trades: trades,
            openPositions: open, equity: equity, orders: orders,
            rejections: kernel.rejections + kernel.venueRejections, riskEvents: kernel.risk.events,
            riskState: (kernel.risk as? RiskEngine)?.state, protectiveExits: kernel.exits?.records ?? [],
            elapsedSeconds: elapsed,
            barsPerSecond: elapsed > 0 ? Double(processed) / elapsed : 0)
    }
}
