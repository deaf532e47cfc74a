/// The spot venues graphwiz-trader trades on.
public enum ExchangeVenue: String, Sendable, CaseIterable, Codable {
    case binance
    case kraken
}
