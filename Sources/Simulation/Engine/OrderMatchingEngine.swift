import TradingModel

/// The matching engine of one instrument: validates orders, keeps the working ones, and matches them
/// against each completed bar, reporting everything as `ExecutionEvent`s appended to a caller-owned buffer.
///
/// Backtests drive it with stored bars on a virtual clock, paper trading with live bars on the wall clock;
/// the rules are the same. The engine holds no balances (the kernel's ledger and risk engine do) and ignores
/// `reduceOnly` for the same reason.
///
/// ## Timing
/// Feed bar `t` to ``process(_:events:)`` before the strategy sees bar `t`; orders the strategy then
/// submits first meet the market at the open of bar `t + 1` (``FillMode/nextOpen``) or at the close of
/// bar `t` (``FillMode/close``). Within a bar, every working order first meets the open, then the range
/// (high and low), in submission order.
///
/// ## Fill rules (L = limit price, S = stop or take-profit price)
/// - Market: fills at the open (or at the last close on arrival in close mode), taker.
/// - Limit buy: if the open is `<= L` it fills at the open — taker when the order is just arriving (it was
///   marketable), maker (no slippage, open rounded up onto the tick, never above L) when it was already
///   resting and the market gapped through; else if `low <= L` (`low < L` with
///   ``MatchingConfig/limitFillRequiresTradeThrough``, which also applies to a resting order at the open)
///   it fills at exactly L, maker. Sell symmetric (`>=`, high).
/// - Stop-market buy: if the open is `>= S` it fills at the open (gap through the stop), else if
///   `high >= S` it fills at S; taker, `.triggered` first. Sell: open `<= S`, then `low <= S`.
/// - Take-profit sell (closes a long): open `>= T` fills at the open, else `high >= T` fills at T; taker,
///   `.triggered` first. Buy (closes a short): open `<= T`, then `low <= T`.
/// - Stop-limit: triggers like a stop (`.triggered`), then is a limit at L that arrives at the trigger
///   price. Triggered at the open: the limit meets the open (taker if marketable there) and, if still
///   working, the rest of the bar's range (which surely came after the open). Triggered inside the bar at S:
///   if L is marketable at S it fills at S as taker (capped at L); otherwise — conservatively, since the
///   order of the high and the low inside a bar is unknown — it fills on that bar only if the bar's close
///   reaches L (the close surely came after the trigger), at L, maker; else it rests from the next bar on.
/// - A triggered stop-market or take-profit that could not fill (no volume left) is a market order from
///   the next open on.
///
/// ## Prices, fees, quantities
/// - Taker fills move adversely by ``SlippageModel`` and round onto the tick adversely (buys up, sells
///   down); a marketable limit never fills beyond its limit. Maker fills are exactly the limit price.
/// - Fee = price × quantity × (maker or taker rate), in quote currency, exact `Fixed` arithmetic.
/// - With ``MatchingConfig/maxVolumeParticipation`` p, at most `floor_to_lot(p × bar.volume)` fills per
///   bar across all this instrument's orders, in submission order (open fills first); a zero-volume bar
///   fills nothing. GTC remainders keep working (a market remainder fills at the next open).
/// - Quote-quantity market buys spend at most `quoteQuantity` including the taker fee; the quantity is
///   the largest lot multiple that fits at the slipped price (and within `quantity` when that is positive).
///   The order is complete when the rest cannot buy one more lot; if even the first lot is unaffordable
///   the order is canceled.
///
/// ## Time in force
/// IOC and FOK get only their arrival: the open of their first bar (next-open mode), the last close (close
/// mode), or for stop and take-profit orders the moment the trigger fires. IOC fills what it can there and
/// the remainder is `.canceled`; FOK fills completely there or is `.expired` without any fill.
///
/// ## Event times and ids
/// Accept, reject and cancel events carry the `time` passed in. Fills and triggers at an open or inside a
/// bar's range carry `bar.time` (a bar cannot tell when inside it a price traded); fills at a close (close
/// mode) carry `bar.time + timeframe`. Venue ids are `sim-1`, `sim-2`, ...; trade ids `sim-t-1`, ...;
/// both deterministic.
///
/// - Complexity: ``process(_:events:)`` is O(1) with no working order (a few comparisons) and O(n) in the
///   working orders otherwise; it allocates only to build ids and reasons of events it emits.
public struct OrderMatchingEngine: Sendable {
    /// The market this engine matches.
    public let instrument: Instrument
    /// The bar duration, for the time of close fills.
    public let timeframe: Timeframe
    /// Matching rules.
    public let config: MatchingConfig
    /// The last bar passed to ``process(_:events:)``; close mode fills new orders at its close.
    public internal(set) var lastBar: Bar?

    /// Matching state of the working orders, parallel to `orders`.
    var working: [WorkingOrder] = []
    /// The working orders as the kernel sees them, parallel to `working`.
    var orders: [Order] = []
    /// Every client order id ever accepted, with its latest status (duplicate and cancel checks).
    var knownOrders: [String: OrderStatus] = [:]
    /// Set when an order finished and ``removeFinished()`` has not run yet.
    var needsCompaction = false
    /// Quantity filled on `lastBar` so far, counted against the participation cap.
    var volumeUsed: Quantity = .zero
    /// Ids of this engine when used alone (a ``SimulatedExchange`` passes its shared sequence instead).
    var ids = IdSequence()

    /// Creates an engine with no working orders.
    public init(instrument: Instrument, timeframe: Timeframe, config: MatchingConfig = MatchingConfig()) {
        self.instrument = instrument
        self.timeframe = timeframe
        self.config = config
    }

    /// The working orders (accepted or partially filled), in submission order.
    public var openOrders: [Order] { orders }

    /// Whether any order is working.
    public var hasOpenOrders: Bool { !working.isEmpty }

    /// Whether `clientOrderId` was ever accepted here (working or finished).
    func knowsOrder(_ clientOrderId: String) -> Bool { knownOrders[clientOrderId] != nil }
}
