import TradingModel

/// A pair the fake Kraken lists, with the rules `AssetPairs` reports and the matcher enforces.
public struct FakeKrakenPair: Sendable, Hashable {
    /// REST key (`XXBTZUSD`).
    public var key: String
    /// Altname (`XBTUSD`).
    public var altname: String
    /// WebSocket v1 name (`XBT/USD`).
    public var wsname: String
    /// WebSocket v2 symbol (`BTC/USD`).
    public var symbol: String
    /// Kraken asset codes (`XXBT`, `ZUSD`).
    public var base: String
    public var quote: String
    public var pairDecimals: Int
    public var lotDecimals: Int
    public var tickSize: Fixed
    public var orderMin: Fixed
    public var costMin: Fixed

    public init(key: String, altname: String, wsname: String, symbol: String, base: String, quote: String,
                pairDecimals: Int, lotDecimals: Int, tickSize: Fixed, orderMin: Fixed, costMin: Fixed) {
        self.key = key
        self.altname = altname
        self.wsname = wsname
        self.symbol = symbol
        self.base = base
        self.quote = quote
        self.pairDecimals = pairDecimals
        self.lotDecimals = lotDecimals
        self.tickSize = tickSize
        self.orderMin = orderMin
        self.costMin = costMin
    }

    /// BTC/USD as Kraken lists it: tick 0.1, 8 volume decimals, minimum 0.0001 BTC and 0.5 USD.
    public static let btcUSD = FakeKrakenPair(key: "XXBTZUSD", altname: "XBTUSD", wsname: "XBT/USD", symbol: "BTC/USD",
                                              base: "XXBT", quote: "ZUSD", pairDecimals: 1, lotDecimals: 8,
                                              tickSize: Fixed("0.1")!, orderMin: Fixed("0.0001")!, costMin: Fixed("0.5")!)
    /// BTC/EUR.
    public static let btcEUR = FakeKrakenPair(key: "XXBTZEUR", altname: "XBTEUR", wsname: "XBT/EUR", symbol: "BTC/EUR",
                                              base: "XXBT", quote: "ZEUR", pairDecimals: 1, lotDecimals: 8,
                                              tickSize: Fixed("0.1")!, orderMin: Fixed("0.0001")!, costMin: Fixed("0.5")!)
    /// ETH/USD: tick 0.01.
    public static let ethUSD = FakeKrakenPair(key: "XETHZUSD", altname: "ETHUSD", wsname: "ETH/USD", symbol: "ETH/USD",
                                              base: "XETH", quote: "ZUSD", pairDecimals: 2, lotDecimals: 8,
                                              tickSize: Fixed("0.01")!, orderMin: Fixed("0.002")!, costMin: Fixed("0.5")!)
    /// SOL/EUR: a newer pair without class prefixes.
    public static let solEUR = FakeKrakenPair(key: "SOLEUR", altname: "SOLEUR", wsname: "SOL/EUR", symbol: "SOL/EUR",
                                              base: "SOL", quote: "ZEUR", pairDecimals: 2, lotDecimals: 8,
                                              tickSize: Fixed("0.01")!, orderMin: Fixed("0.02")!, costMin: Fixed("0.5")!)
}
