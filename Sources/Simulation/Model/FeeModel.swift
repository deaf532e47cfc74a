import TradingModel

/// Proportional trading fees: `fee = notional × rate`, in quote currency, computed in exact `Fixed`
/// arithmetic (rounded half away from zero to 10⁻⁸).
public struct FeeModel: Sendable, Codable, Hashable {
    /// Rate charged on fills that added liquidity (resting limit orders); `0.001` is 0.1 %. Negative
    /// values model rebates.
    public var makerRate: Fixed
    /// Rate charged on fills that took liquidity (market, stop, take-profit and marketable limit orders).
    public var takerRate: Fixed

    /// When true a buy's fee is charged in the base asset it delivers, `quantity × rate`, like Binance (the account
    /// receives that much less base, and a quote-quantity buy spends its whole budget on the asset); when false
    /// (default) every fee is charged in quote currency.
    public var buyFeeInBase: Bool

    /// Creates a fee model; the default is 0.1 % for both sides, charged in quote currency.
    public init(makerRate: Fixed = Fixed(raw: 100_000), takerRate: Fixed = Fixed(raw: 100_000), buyFeeInBase: Bool = false) {
        self.makerRate = makerRate
        self.takerRate = takerRate
        self.buyFeeInBase = buyFeeInBase
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

    enum CodingKeys: String, CodingKey { case makerRate = "maker_rate", takerRate = "taker_rate", buyFeeInBase = "buy_fee_in_base" }

    /// Decodes the rates; `buy_fee_in_base` is optional (false).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        makerRate = try c.decode(Fixed.self, forKey: .makerRate)
        takerRate = try c.decode(Fixed.self, forKey: .takerRate)
        buyFeeInBase = try c.decodeIfPresent(Bool.self, forKey: .buyFeeInBase) ?? false
    }
}
