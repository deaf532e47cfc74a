import Simulation
import Strategies
import TradingCore
import TradingModel

/// The lean execution loop behind vectorized sweeps: precomputed target signals (from
/// `SignalStrategy.signals`) executed with the same ledger (`Portfolio`), the same pre-trade checks
/// (`BasicRiskChecks`), the same order planning as `TradingKernel`'s `target` intents and the same
/// `OrderMatchingEngine`, but without a strategy call per bar. Equity and the metrics' running sums are
/// accumulated in the same pass.
///
/// It supports what target strategies need: market orders, one instrument, no volume cap (runs with
/// `maxVolumeParticipation` use the event-driven engine). A parity test proves it gives exactly the trades
/// of the event-driven engine.
/// - Complexity: O(n) per parameter set, allocation free per bar (orders allocate).
public struct SignalSimulator {
    /// What one simulated parameter set produced.
    public struct Outcome: Sendable {
        public var metrics: PerformanceMetrics
        public var trades: [ClosedTrade]
        public var finalEquity: Double
    }

    /// Whether the vectorized path can run this configuration exactly.
    public static func supports(_ configuration: BacktestConfiguration, instruments: Int) -> Bool {
        instruments == 1 && configuration.matching.maxVolumeParticipation == nil
            && !configuration.matching.fees.buyFeeInBase  // its running quantity assumes quote fees
            && configuration.risk == nil && !configuration.sizing.needsKernelState
    }

    /// Executes `signals` over `series`.
    /// - Parameter closes: the bars' closes as one column (a sweep passes its shared column so the per-bar loop
    ///   reads 8 bytes a bar instead of a whole `Bar`); computed when nil.
    public static func run(signals: [Int8], series: InstrumentSeries, configuration: BacktestConfiguration,
                           closes: [Double]? = nil, idPrefix: String = "sw", keepTrades: Bool = false) throws -> Outcome {
        let instrument = series.instrument
        let bars = series.bars
        let close = closes ?? bars.map(\.close)
        precondition(signals.count == bars.count && close.count == bars.count, "one signal and one close per bar")
        var engine = OrderMatchingEngine(instrument: instrument, timeframe: configuration.timeframe,
                                         config: configuration.matching)
        var portfolio = Portfolio(instruments: [instrument], cash: configuration.initialCash)
        var risk = BasicRiskChecks(allowShort: configuration.allowShort)
        var tracker = TradeTracker(symbols: [instrument.symbol])
        let canShort = configuration.allowShort && instrument.allowShort
        let sizing = configuration.sizing
        var ids = ClientOrderIdSequence(prefix: idPrefix)
        var events: [ExecutionEvent] = []
        events.reserveCapacity(8)
        var working: [Order] = []
        var pending = false
        var processedUpTo = -1

        // Running figures, in Double: equity = cash + quantity x close.
        var cash = portfolio.cash.doubleValue
        var quantity = 0.0
        let initial = configuration.initialCash.doubleValue
        var previous = initial
        var sum = 0.0, sumSquares = 0.0, downsideSquares = 0.0
        var peak = initial, maxDrawdown = 0.0
        var peakIndex = -1, longestBars = 0
        var inMarket = 0
        var barIndex = 0

        func apply(_ batch: [ExecutionEvent]) {
            for event in batch {
                switch event {
                case let .filled(fill):
                    let before = portfolio.quantity(0)
                    let realized = portfolio.apply(fill, instrument: 0)
                    tracker.record(fill, instrument: 0, positionBefore: before, realized: realized, barIndex: barIndex)
                    cash = portfolio.cash.doubleValue
                    quantity = portfolio.quantity(0).doubleValue
                    if let i = working.firstIndex(where: { $0.request.clientOrderId == fill.clientOrderId }) {
                        working[i].filledQuantity += fill.quantity
                        if working[i].request.quoteQuantity != nil || working[i].filledQuantity >= working[i].request.quantity {
                            working.remove(at: i)
                        }
                    }
                case .accepted, .triggered, .cancelRejected:
                    break
                case let .rejected(id, _, _), let .canceled(id, _, _), let .expired(id, _, _):
                    working.removeAll { $0.request.clientOrderId == id }
                }
            }
            pending = !working.isEmpty
        }

        for t in 0..<bars.count {
            barIndex = t
            if pending {
                let bar = bars[t]
                events.removeAll(keepingCapacity: true)
                try engine.process(bar, events: &events)
                processedUpTo = t
                apply(events)
            }
            let signal = signals[t]
            if signal != 0 {
                let bar = bars[t]
                if processedUpTo != t {
                    events.removeAll(keepingCapacity: true)
                    try engine.process(bar, events: &events)
                    processedUpTo = t
                    apply(events)
                }
                portfolio.mark(0, price: bar.close)
                var direction: TargetDirection = signal > 0 ? .long : .short
                if direction == .short && !canShort { direction = .flat }
                let held = portfolio.quantity(0)
                let current: TargetDirection = held.isPositive ? .long : (held.isNegative ? .short : .flat)
                if current != direction && !pending {
                    let mark = portfolio.marks[0]
                    let equity = portfolio.equity
                    let plan = TargetPlanner.plan(
                        to: direction, held: held, mark: mark, cash: portfolio.cash, equity: equity, sizing: sizing,
                        instrument: instrument, tag: "", ids: &ids) { cashAfterExit, long in
                            sizing.quantity(SizingInputs(equity: equity, cash: cashAfterExit, price: mark,
                                                         instrument: instrument, volatility: nil,
                                                         trades: TradeStatistics(), long: long))
                        }
                    let requests = [plan.exit, plan.entry].compactMap { $0 }
                    // Like the kernel: every request is checked before any of them reaches the venue.
                    var approved: [OrderRequest] = []
                    for var request in requests {
                        let context = RiskCheckContext(portfolio: portfolio, instrument: 0, time: bar.time,
                                                       workingOrders: [working])
                        if risk.check(&request, context: context) != nil { continue }
                        working.append(Order(request: request, createdAt: bar.time))
                        approved.append(request)
                    }
                    for request in approved {
                        events.removeAll(keepingCapacity: true)
                        engine.submit(request, time: bar.time, events: &events)
                        apply(events)
                    }
                    pending = !working.isEmpty
                }
            }
            // Equity after the bar, and the running sums of the metrics.
            let value = cash + quantity * close[t]
            let r = previous > 0 ? value / previous - 1 : 0
            sum += r
            sumSquares += r * r
            if r < 0 { downsideSquares += r * r }
            previous = value
            if value >= peak {
                peak = value
                peakIndex = t
            } else {
                let dd = peak > 0 ? 1 - value / peak : 0
                if dd > maxDrawdown { maxDrawdown = dd }
                if t - peakIndex > longestBars { longestBars = t - peakIndex }
            }
            if quantity != 0 { inMarket += 1 }
        }

        let trades = tracker.closed
        var metrics = MetricsCalculator.summarize(
            count: bars.count, initialEquity: initial, finalEquity: previous,
            barsPerYear: configuration.timeframe.barsPerYear, sum: sum, sumSquares: sumSquares,
            downsideSquares: downsideSquares, maxDrawdown: maxDrawdown, trades: trades, barsInMarket: inMarket,
            feesPaid: portfolio.feesPaid.doubleValue,
            buyAndHold: (bars.first?.close ?? 0, bars.last?.close ?? 0))
        metrics.maxDrawdownDurationBars = longestBars
        metrics.startTime = bars.first?.time ?? 0
        metrics.endTime = bars.last?.time ?? 0
        return Outcome(metrics: metrics, trades: keepTrades ? trades : [], finalEquity: previous)
    }
}
