import TradingModel

/// Why a protective exit closed a position; also the order tag suffix (`exit:stop_loss`).
public enum ExitReason: String, Sendable, Hashable, Codable, CaseIterable {
    case stopLoss = "stop_loss"
    case takeProfit = "take_profit"
    case trailingStop = "trailing_stop"
    case timeStop = "time_stop"

    /// Prefix of every protective-exit order tag.
    public static let tagPrefix = "exit:"

    /// The order tag, e.g. `exit:stop_loss`.
    public var tag: String { Self.tagPrefix + rawValue }

    /// The reason of a protective-exit order tag, nil for any other tag.
    public init?(tag: String) {
        guard tag.hasPrefix(Self.tagPrefix) else { return nil }
        self.init(rawValue: String(tag.dropFirst(Self.tagPrefix.count)))
    }

    /// A stop-loss or trailing stop: counts towards the cooldown.
    public var isStopOut: Bool { self == .stopLoss || self == .trailingStop }
}

/// One protective exit that closed (part of) a position, for the report's `risk` section.
public struct ProtectiveExitRecord: Sendable, Hashable, Codable {
    /// Fill time (Unix ms).
    public var time: Int64
    public var symbol: String
    public var reason: ExitReason
    /// The exit order.
    public var clientOrderId: String
    public var side: OrderSide
    public var quantity: Quantity
    /// The stop or take-profit level (nil for a time stop).
    public var triggerPrice: Price?
    /// Average fill price of the exit.
    public var fillPrice: Price
    /// True when the stop had been moved to break-even.
    public var breakEven: Bool
    /// True when the kernel emulated the exit (market order after the trigger) rather than the venue holding it.
    public var emulated: Bool

    public init(time: Int64, symbol: String, reason: ExitReason, clientOrderId: String, side: OrderSide,
                quantity: Quantity, triggerPrice: Price?, fillPrice: Price, breakEven: Bool, emulated: Bool) {
        self.time = time
        self.symbol = symbol
        self.reason = reason
        self.clientOrderId = clientOrderId
        self.side = side
        self.quantity = quantity
        self.triggerPrice = triggerPrice
        self.fillPrice = fillPrice
        self.breakEven = breakEven
        self.emulated = emulated
    }
}
