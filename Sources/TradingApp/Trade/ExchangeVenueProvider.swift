import Exchanges
import Simulation
import TradingCore
import TradingModel

/// The venues of this build: `sim` (delegated to ``SimulatedVenueProvider``) and the exchange adapters
/// (`binance`, `kraken`). Paper mode pairs the adapter's live feed with a ``PaperExchange`` (orders never reach
/// the venue); live mode uses the adapter for both, with its execution stream (Binance's user data stream,
/// Kraken's `executions` WebSocket) running in the background and every reconnect of it reported to the
/// session (``ReconnectReportingExchange``), which then reconciles.
public struct ExchangeVenueProvider: VenueProvider {
    /// Connection settings of a venue (keys, testnet, URL overrides).
    public var settings: @Sendable (ExchangeVenue) throws -> ExchangeSettings
    /// The `sim` venue, and the paper account's cash and matching rules.
    public var simulated: SimulatedVenueProvider

    /// Creates a provider.
    public init(simulated: SimulatedVenueProvider = SimulatedVenueProvider(),
                settings: @escaping @Sendable (ExchangeVenue) throws -> ExchangeSettings) {
        self.simulated = simulated
        self.settings = settings
    }

    public func connect(venue name: String, mode: VenueMode, symbols: [String], timeframe: Timeframe) async throws -> VenueConnection {
        guard let venue = ExchangeVenue(rawValue: name) else {
            return try await simulated.connect(venue: name, mode: mode, symbols: symbols, timeframe: timeframe)
        }
        let settings = try self.settings(venue)
        let marketData = try ExchangeFactory.marketData(settings)
        switch mode {
        case .simulation:
            throw VenueProviderError("--exchange \(name) has no simulation mode: use --exchange sim, or --mode paper")
        case .paper:
            let adapter = try ExchangeFactory.exchange(settings)
            let listed = try await adapter.instruments()
            let instruments = try symbols.map { symbol in
                guard let instrument = listed.first(where: { $0.symbol == symbol }) else {
                    throw VenueProviderError("\(name) lists no market \(symbol); see `graphwiz exchange markets --exchange \(name)`")
                }
                return instrument
            }
            let quote = instruments.first?.quote ?? "USDT"
            let paper = try PaperExchange(instruments: instruments, timeframe: timeframe, matching: simulated.matching,
                                          balances: [Balance(asset: quote, free: simulated.cash)], clock: WallClock(),
                                          name: "paper-\(name)")
            return VenueConnection(exchange: paper, marketData: marketData)
        case .live:
            guard !settings.apiKey.isEmpty, !settings.apiSecret.isEmpty else {
                throw VenueProviderError("live trading on \(name) needs API keys; nothing was sent")
            }
            switch venue {
            case .binance:
                let exchange = ExchangeFactory.binance(settings)
                // A user data stream that reconnected may have missed executions: the session reconciles.
                let reporting = ReconnectReportingExchange(base: exchange)
                return VenueConnection(exchange: reporting, marketData: marketData,
                                       background: { await exchange.runUserDataStream(onReconnect: { reporting.reportReconnected() }) })
            case .kraken:
                let exchange = try ExchangeFactory.kraken(settings)
                // Fills missed while the executions WebSocket was down are backfilled by the adapter; the
                // session also reconciles (orders canceled or expired meanwhile), like Binance's.
                let reporting = ReconnectReportingExchange(base: exchange)
                return VenueConnection(exchange: reporting, marketData: marketData,
                                       background: { await exchange.runStreaming(onReconnect: { reporting.reportReconnected() }) })
            }
        }
    }
}
