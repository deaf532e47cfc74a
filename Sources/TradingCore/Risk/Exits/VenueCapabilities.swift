/// What protective orders a venue can hold for the kernel. Where it cannot, the kernel emulates the exits:
/// it watches every bar with the matching engine's trigger rules and sends a reduce-only market order.
public struct VenueCapabilities: Sendable, Hashable, Codable {
    /// Stop-market orders.
    public var stopOrders: Bool
    /// Take-profit (market-if-touched) orders.
    public var takeProfitOrders: Bool
    /// One-cancels-the-other groups (``TradingModel/OrderRequest/ocoGroup``).
    public var oco: Bool

    public init(stopOrders: Bool, takeProfitOrders: Bool, oco: Bool) {
        self.stopOrders = stopOrders
        self.takeProfitOrders = takeProfitOrders
        self.oco = oco
    }

    /// Nothing: every protective exit is emulated by the kernel.
    public static let none = VenueCapabilities(stopOrders: false, takeProfitOrders: false, oco: false)
    /// The simulated exchange: stop-market, take-profit and OCO groups.
    public static let simulated = VenueCapabilities(stopOrders: true, takeProfitOrders: true, oco: true)

    /// Whether a policy's stop and take-profit can live at the venue (both kinds, linked by OCO when both are set).
    public func holds(_ policy: ProtectiveExitPolicy) -> Bool {
        let stop = policy.stopLoss != nil || policy.trailingStop != nil || policy.breakEven != nil
        let take = policy.takeProfit != nil
        if stop && !stopOrders { return false }
        if take && !takeProfitOrders { return false }
        if stop && take && !oco { return false }
        return stop || take
    }
}
