import Simulation
import TradingCore
import TradingModel

/// A venue ready to trade: where orders go and where bars come from.
public struct VenueConnection: Sendable {
    /// The execution venue (paper or live).
    public var exchange: any Exchange
    /// The bar feed (live, or a replay).
    public var marketData: any MarketDataSource
    /// Work that must run while trading (e.g. a live venue's user data stream); the caller runs it for the
    /// session's lifetime and cancels it afterwards. Nil when the venue needs none.
    public var background: (@Sendable () async -> Void)?

    /// Creates a connection.
    public init(exchange: any Exchange, marketData: any MarketDataSource,
                background: (@Sendable () async -> Void)? = nil) {
        self.exchange = exchange
        self.marketData = marketData
        self.background = background
    }
}

/// What `trade` and `serve` need to reach a venue by name. The Binance and Kraken adapters plug in here.
public protocol VenueProvider: Sendable {
    /// A connection to `venue` (`sim`, `binance`, `kraken`) for `symbols` in `mode` (`paper`: live feed and
    /// simulated execution; `live`: the venue's own execution; `simulation`: replayed bars, simulated execution).
    func connect(venue: String, mode: VenueMode, symbols: [String], timeframe: Timeframe) async throws -> VenueConnection
}

/// Where orders go.
public enum VenueMode: String, Sendable, Hashable, CaseIterable {
    /// Replayed bars, simulated execution.
    case simulation
    /// Live market data, simulated execution.
    case paper
    /// Real orders.
    case live
}

/// Why a venue cannot be reached, with what to do.
public struct VenueProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
