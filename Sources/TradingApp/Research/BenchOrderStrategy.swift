import TradingCore
import TradingModel

/// The benchmark strategy: counts every bar on a ``BenchProbe`` and, on every `every`-th bar of an instrument,
/// buys one unit when flat or sells the position when long, so each such bar produces exactly one order.
struct BenchOrderStrategy: Strategy {
    static let name = "bench_every_n"
    static let summary = "Benchmark only: one market order every N-th bar of each instrument."
    static let parameterSpace = ParameterSpace([
        ParameterSpec("every", .int(min: 1, max: 1_000_000, step: 1), default: .int(10), help: "bars between orders"),
    ])

    private let every: Int
    private let probe: BenchProbe?

    init(parameters: ParameterValues) throws(ParameterError) {
        every = parameters.int("every")
        probe = nil
    }

    /// A strategy ordering on every `every`-th bar and counting bars on `probe`.
    init(every: Int, probe: BenchProbe) {
        self.every = max(every, 1)
        self.probe = probe
    }

    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        probe?.processed()
        guard context.barIndex % every == every - 1, context.workingOrders[instrument].isEmpty else { return }
        let position = context.portfolio.positions[instrument]
        if position.isLong {
            context.place(OrderSpec(instrument: instrument, side: .sell, quantity: position.quantity,
                                    reduceOnly: true, tag: "bench"))
        } else {
            context.place(OrderSpec(instrument: instrument, side: .buy, quantity: Fixed(1), tag: "bench"))
        }
    }
}
