import TradingModel

/// A simulated venue for several instruments sharing one account: one ``OrderMatchingEngine`` per
/// instrument, one client-order-id space, one venue id sequence (`sim-1`, ...) and one trade id sequence
/// (`sim-t-1`, ...). Every rule of ``OrderMatchingEngine`` applies per instrument.
///
/// It is a synchronous value type: the backtest runner drives it directly, and the paper-trading adapter
/// wraps it behind the `Exchange` port with the wall clock.
public struct SimulatedExchange: Sendable {
    /// The markets, in the order of their instrument index.
    public let instruments: [Instrument]
    /// The bar duration of every instrument.
    public let timeframe: Timeframe
    /// Matching rules of every instrument.
    public let config: MatchingConfig

    var engines: [OrderMatchingEngine]
    let indexBySymbol: [String: Int]
    var ids = IdSequence()
    /// Every client order id an engine has accepted, account-wide: the duplicate check in O(1) instead of asking
    /// each instrument's engine (which copied every engine on every submit).
    var usedClientOrderIds: Set<String> = []

    /// Creates a venue listing `instruments` (index = position in the array).
    /// - Throws: ``SimulationError/duplicateInstrument(symbol:)`` when a symbol appears twice.
    public init(instruments: [Instrument], timeframe: Timeframe,
                config: MatchingConfig = MatchingConfig()) throws(SimulationError) {
        var indexBySymbol: [String: Int] = [:]
        for (index, instrument) in instruments.enumerated() {
            guard indexBySymbol.updateValue(index, forKey: instrument.symbol) == nil else {
                throw .duplicateInstrument(symbol: instrument.symbol)
            }
        }
        self.instruments = instruments
        self.timeframe = timeframe
        self.config = config
        self.indexBySymbol = indexBySymbol
        self.engines = instruments.map { OrderMatchingEngine(instrument: $0, timeframe: timeframe, config: config) }
    }

    /// The index of `symbol`, or nil when the venue does not list it.
    /// - Complexity: O(1).
    public func instrumentIndex(of symbol: String) -> Int? { indexBySymbol[symbol] }

    /// The matching engine of one instrument, for inspection. `instrumentIndex` must be valid
    /// (see ``instrumentIndex(of:)``).
    public func engine(at instrumentIndex: Int) -> OrderMatchingEngine { engines[instrumentIndex] }

    /// Routes an order to its instrument's engine (see ``OrderMatchingEngine/submit(_:time:events:)``);
    /// rejects an unknown symbol or a client order id used before on any instrument.
    public mutating func submit(_ request: OrderRequest, time: Int64, events: inout [ExecutionEvent]) {
        guard let index = indexBySymbol[request.symbol] else {
            events.append(.rejected(clientOrderId: request.clientOrderId,
                                    reason: "unknown symbol \(request.symbol): this venue lists \(listedSymbols)",
                                    time: time))
            return
        }
        if usedClientOrderIds.contains(request.clientOrderId) {
            events.append(.rejected(clientOrderId: request.clientOrderId,
                                    reason: "duplicate clientOrderId \(request.clientOrderId): it was already used"
                                        + " on this account", time: time))
            return
        }
        engines[index].submit(request, time: time, ids: &ids, events: &events)
        if engines[index].knowsOrder(request.clientOrderId) { usedClientOrderIds.insert(request.clientOrderId) }
    }

    /// Cancels a working order (see ``OrderMatchingEngine/cancel(clientOrderId:time:events:)``); an unknown
    /// symbol is answered with `.cancelRejected` "cancel: unknown symbol ...".
    public mutating func cancel(clientOrderId: String, symbol: String, time: Int64, events: inout [ExecutionEvent]) {
        guard let index = indexBySymbol[symbol] else {
            events.append(.cancelRejected(clientOrderId: clientOrderId,
                                    reason: "\(OrderMatchingEngine.cancelRejectionPrefix)unknown symbol \(symbol):"
                                        + " this venue lists \(listedSymbols)", time: time))
            return
        }
        engines[index].cancel(clientOrderId: clientOrderId, time: time, events: &events)
    }

    /// Cancels every working order of `symbol`, or of every instrument when `symbol` is nil.
    public mutating func cancelAll(symbol: String? = nil, time: Int64, events: inout [ExecutionEvent]) {
        for index in engines.indices where symbol == nil || instruments[index].symbol == symbol {
            engines[index].cancelAll(time: time, events: &events)
        }
    }

    /// A bar of instrument `instrumentIndex` completed: matches its working orders (see
    /// ``OrderMatchingEngine/process(_:events:)``).
    /// - Throws: ``SimulationError/unknownInstrumentIndex(_:count:)`` and the engine's bar errors.
    /// - Complexity: O(1) and allocation free when the instrument has no working order.
    public mutating func process(_ bar: Bar, instrumentIndex: Int,
                                 events: inout [ExecutionEvent]) throws(SimulationError) {
        guard engines.indices.contains(instrumentIndex) else {
            throw .unknownInstrumentIndex(instrumentIndex, count: engines.count)
        }
        try engines[instrumentIndex].process(bar, ids: &ids, events: &events)
    }

    /// Working orders of `symbol`, or of every instrument (in instrument order) when nil; each in
    /// submission order.
    public func openOrders(symbol: String? = nil) -> [Order] {
        guard let symbol else { return engines.flatMap(\.openOrders) }
        guard let index = indexBySymbol[symbol] else { return [] }
        return engines[index].openOrders
    }

    private var listedSymbols: String { instruments.map(\.symbol).joined(separator: ", ") }
}
