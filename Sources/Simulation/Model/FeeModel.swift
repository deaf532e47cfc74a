import TradingModel

/// Proportional trading fees: `fee = notional × rate`, in quote currency, computed in exact `Fixed`
/// arithmetic (rounded half away from zero to 10⁻⁸).
public struct FeeModel: Sendable, Codable, Hashable {
    /// Rate charged on fills that added liquidity (resting limit orders); `0.001` is 0.1 %. Negative
    /// values model rebates.
    public var makerRate: Fixed
    /// Rate charged on fills that took liquidity (market, stop, take-profit and marketable limit orders).
    public var takerRate: Fixed

    /// Creates a fee model; the default is 0.1 % for both sides.
    public init(makerRate: Fixed = Fixed(raw: 100_000), takerRate: Fixed = Fixed(raw: 100_000)) {
        self.makerRate = makerRate
        self.takerRate = takerRate
    }

    /// No fees at all.
    public static let zero = FeeModel(makerRate: .zero, takerRate: .zero)

    /// The rate for a fill of the given liquidity.
    @inlinable public func rate(for liquidity: Liquidity) -> Fixed {
        liquidity == .maker ? makerRate : takerRate
    }

    /// The fee on `notional` (price × quantity) for a fill of the given liquidity.
    /// - Complexity: O(1), allocation free.
    @inlinable public func fee(notional: Money, liquidity: Liquidity) -> Money {
        notional * rate(for: liquidity)
    }

    enum CodingKeys: String, CodingKey { case makerRate = "maker_rate", takerRate = "taker_rate" }
}
