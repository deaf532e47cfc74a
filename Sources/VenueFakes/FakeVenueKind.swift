/// Which real venue a fake server imitates.
public enum FakeVenueKind: String, Sendable, CaseIterable {
    case binance
    case kraken
}
