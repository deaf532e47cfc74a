import TradingModel

/// How the simulated venue matches orders: arrival timing, fees, slippage and liquidity limits.
///
/// Decodes from JSON with every key optional (missing keys take the defaults), e.g.
/// `{"fillMode": "close", "fees": {"makerRate": 0.0002, "takerRate": 0.0005}}`.
public struct MatchingConfig: Sendable, Codable, Hashable {
    /// When a new order first meets the market; default ``FillMode/nextOpen``.
    public var fillMode: FillMode
    /// Maker and taker fee rates; default 0.1 % / 0.1 %.
    public var fees: FeeModel
    /// Adverse price movement on taker fills; default none.
    public var slippage: SlippageModel
    /// At most this fraction of a bar's volume fills on that bar, across all of the instrument's working
    /// orders together (`0.1` = 10 %); nil means unlimited. With a cap, a zero-volume bar fills nothing.
    public var maxVolumeParticipation: Double?
    /// When true a resting limit order fills only when the bar trades through its price (`low < L` for a
    /// buy); when false (default) touching it is enough (`low <= L`).
    public var limitFillRequiresTradeThrough: Bool

    /// Creates a configuration; every parameter has the default documented on its property.
    public init(fillMode: FillMode = .nextOpen, fees: FeeModel = FeeModel(), slippage: SlippageModel = .zero,
                maxVolumeParticipation: Double? = nil, limitFillRequiresTradeThrough: Bool = false) {
        self.fillMode = fillMode
        self.fees = fees
        self.slippage = slippage
        self.maxVolumeParticipation = maxVolumeParticipation
        self.limitFillRequiresTradeThrough = limitFillRequiresTradeThrough
    }

    private enum CodingKeys: String, CodingKey {
        case fillMode = "fill_mode", fees, slippage, maxVolumeParticipation = "max_volume_participation"
        case limitFillRequiresTradeThrough = "limit_fill_requires_trade_through"
    }

    /// Decodes a configuration; absent keys take their defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = MatchingConfig()
        fillMode = try c.decodeIfPresent(FillMode.self, forKey: .fillMode) ?? defaults.fillMode
        fees = try c.decodeIfPresent(FeeModel.self, forKey: .fees) ?? defaults.fees
        slippage = try c.decodeIfPresent(SlippageModel.self, forKey: .slippage) ?? defaults.slippage
        maxVolumeParticipation = try c.decodeIfPresent(Double.self, forKey: .maxVolumeParticipation)
        limitFillRequiresTradeThrough = try c.decodeIfPresent(Bool.self, forKey: .limitFillRequiresTradeThrough)
            ?? defaults.limitFillRequiresTradeThrough
    }
}

extension MatchingConfig {
    /// Checks that every setting is usable: fee rates above -1 and below 1, slippage finite and not
    /// negative, participation in (0, 1].
    /// - Throws: ``SimulationError/invalidConfig(field:value:expected:)`` naming the first bad field.
    public func validate() throws(SimulationError) {
        for (field, rate) in [("fees.maker_rate", fees.makerRate), ("fees.taker_rate", fees.takerRate)]
        where !(rate > Fixed(-1) && rate < Fixed(1)) {
            throw .invalidConfig(field: field, value: rate.description, expected: "a rate between -1 and 1, e.g. 0.001")
        }
        if !(slippage.fixedBps.isFinite && slippage.fixedBps >= 0) {
            throw .invalidConfig(field: "slippage.fixed_bps", value: "\(slippage.fixedBps)",
                                 expected: "a finite number of basis points >= 0")
        }
        if !(slippage.volumeImpact.isFinite && slippage.volumeImpact >= 0) {
            throw .invalidConfig(field: "slippage.volume_impact", value: "\(slippage.volumeImpact)",
                                 expected: "a finite number >= 0")
        }
        if let p = maxVolumeParticipation, !(p > 0 && p <= 1) {
            throw .invalidConfig(field: "max_volume_participation", value: "\(p)",
                                 expected: "a fraction in (0, 1], e.g. 0.1, or null for unlimited")
        }
    }
}
