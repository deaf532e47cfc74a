import TradingModel

/// Adverse price movement on taker fills.
///
/// A taker fill of `quantity` at reference price `base` on a bar of volume `barVolume` is priced at
/// `base × (1 ± fraction)` (plus for buys, minus for sells) with
/// `fraction = fixedBps / 10 000 + volumeImpact × quantity / barVolume`, then rounded onto the tick grid
/// adversely: buys up, sells down. The volume term is left out when the bar's volume is zero, since no
/// participation can be measured. A sell is never priced below one tick. Maker fills get no slippage.
public struct SlippageModel: Sendable, Codable, Hashable {
    /// Adverse price move on every taker fill, in basis points (1 bp = 0.01 %).
    public var fixedBps: Double
    /// Extra adverse fraction per unit of participation: `volumeImpact × (fillQuantity / barVolume)`.
    public var volumeImpact: Double

    /// Creates a slippage model; the default is no slippage.
    public init(fixedBps: Double = 0, volumeImpact: Double = 0) {
        self.fixedBps = fixedBps
        self.volumeImpact = volumeImpact
    }

    /// No slippage: taker fills at the reference price, rounded adversely onto the tick grid.
    public static let zero = SlippageModel()

    /// The adverse fraction for a fill of `quantity` on a bar of `barVolume`.
    /// - Complexity: O(1), allocation free.
    @inlinable public func adverseFraction(quantity: Quantity, barVolume: Double) -> Double {
        var fraction = fixedBps / 10_000
        if volumeImpact != 0, barVolume > 0 {
            fraction += volumeImpact * (quantity.doubleValue / barVolume)
        }
        return fraction
    }

    /// The price of a taker fill: `base` moved adversely by ``adverseFraction(quantity:barVolume:)`` and
    /// rounded onto `tickSize` adversely (buys up, sells down), never below one tick.
    /// - Complexity: O(1), allocation free.
    @inlinable public func takerPrice(base: Price, side: OrderSide, quantity: Quantity, barVolume: Double,
                                      tickSize: Price) -> Price {
        let fraction = adverseFraction(quantity: quantity, barVolume: barVolume)
        var price = base
        if fraction != 0 {
            let factor = side == .buy ? 1 + fraction : 1 - fraction
            price = Fixed(base.doubleValue * factor)
        }
        let rounded = price.rounded(toMultipleOf: tickSize, side == .buy ? .up : .down)
        if rounded.isPositive { return rounded }
        return tickSize.isPositive ? tickSize : Fixed(raw: 1)
    }

    enum CodingKeys: String, CodingKey { case fixedBps = "fixed_bps", volumeImpact = "volume_impact" }
}
