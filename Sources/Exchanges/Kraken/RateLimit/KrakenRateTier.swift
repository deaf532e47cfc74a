/// Kraken's verification tiers and their rate-limit parameters.
public struct KrakenRateTier: Sendable, Hashable {
    /// Maximum of the REST call counter.
    public var callCounterMax: Double
    /// How much the REST call counter decreases per second.
    public var callDecayPerSecond: Double
    /// Maximum of each pair's trading counter.
    public var tradingCounterMax: Double
    /// How much each pair's trading counter decreases per second.
    public var tradingDecayPerSecond: Double

    /// Custom parameters (tests use fast, small ones).
    public init(callCounterMax: Double, callDecayPerSecond: Double, tradingCounterMax: Double,
                tradingDecayPerSecond: Double) {
        self.callCounterMax = callCounterMax
        self.callDecayPerSecond = callDecayPerSecond
        self.tradingCounterMax = tradingCounterMax
        self.tradingDecayPerSecond = tradingDecayPerSecond
    }

    /// Starter: call counter 15, -0.33/s; trading counter 60, -1/s.
    public static let starter = KrakenRateTier(callCounterMax: 15, callDecayPerSecond: 0.33,
                                               tradingCounterMax: 60, tradingDecayPerSecond: 1)
    /// Intermediate: call counter 20, -0.5/s; trading counter 125, -2.34/s.
    public static let intermediate = KrakenRateTier(callCounterMax: 20, callDecayPerSecond: 0.5,
                                                    tradingCounterMax: 125, tradingDecayPerSecond: 2.34)
    /// Pro: call counter 20, -1/s; trading counter 180, -3.75/s.
    public static let pro = KrakenRateTier(callCounterMax: 20, callDecayPerSecond: 1,
                                           tradingCounterMax: 180, tradingDecayPerSecond: 3.75)

    /// The REST call counter cost of a private method: ledger and trade history queries cost 2, AddOrder and
    /// CancelOrder use the trading counter instead (0), everything else 1.
    public static func callCost(method: String) -> Double {
        switch method {
        case "Ledgers", "QueryLedgers", "TradesHistory", "QueryTrades": return 2
        case "AddOrder", "CancelOrder", "AddOrderBatch", "EditOrder", "AmendOrder", "CancelAll": return 0
        default: return 1
        }
    }

    /// The trading counter cost of cancelling an order that has rested for `ageSeconds`: the younger the
    /// order, the higher the penalty (8 under 5 s down to 0 after 300 s).
    public static func cancelCost(ageSeconds: Double) -> Double {
        switch ageSeconds {
        case ..<5: return 8
        case ..<10: return 6
        case ..<15: return 5
        case ..<45: return 4
        case ..<90: return 2
        case ..<300: return 1
        default: return 0
        }
    }
}
