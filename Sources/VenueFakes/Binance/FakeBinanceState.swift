import Crypto
import Foundation
import TradingModel

/// The fake Binance venue's state and logic: markets, one account, orders, trades, klines, rate limits,
/// signature and timestamp checks, and the test hooks. The HTTP and WebSocket layer is ``FakeBinanceServer``.
public actor FakeBinanceState {
    let apiKey: String
    let apiSecret: String
    var markets: [String: FakeBinanceMarket] = [:]
    var balances: [String: (free: Money, locked: Money)] = [:]
    var orders: [Int64: FakeBinanceOrder] = [:]
    var orderIdByClientId: [String: Int64] = [:]
    var trades: [FakeBinanceTrade] = []
    var klines: [String: [Bar]] = [:]
    var limits: FakeBinanceLimits
    var nextOrderId: Int64 = 1000
    var nextTradeId: Int64 = 5000
    /// Added to the wall clock to give the venue's time (test hook for clock skew).
    var clockSkew: Int64 = 0
    /// Commission rate on every fill.
    var commissionRate: Fixed = Fixed("0.001")!
    /// "Use BNB to pay for fees": when set, commissions are charged in BNB at this price (in the quote asset, unless
    /// the venue lists a `BNB<quote>` market, whose price wins), less ``bnbFeeDiscount``, while the account holds
    /// enough BNB; otherwise the usual asset is charged, like the real venue.
    var bnbFeePrice: Price?
    /// Discount on commissions paid in BNB (Binance: 25%).
    var bnbFeeDiscount: Fixed = Fixed("0.25")!
    /// Executions per order: 1 fills every order whole; n > 1 splits it into n trades (see ``setFillSlices(_:)``).
    var fillSlices = 1
    var faults: [FakeBinanceFault] = []
    var nextOrderAnswer: FakeOrderAnswer = .normal
    var listenKeys: Set<String> = []
    var subscribers: [Int: Subscriber] = [:]
    var nextSubscriberId = 0
    // Rate-limit windows.
    var weightWindowStart: Int64 = -1
    var weightUsed = 0
    var orders10sWindowStart: Int64 = -1
    var orders10sUsed = 0
    var ordersDayWindowStart: Int64 = -1
    var ordersDayUsed = 0
    var violationsInWindow = 0
    var bannedUntil: Int64 = 0
    /// Set once the server is stopping: held answers end, no new WebSocket connections are accepted.
    var stopping = false
    /// Every request received, in order: `METHOD path` (for tests).
    public internal(set) var requestLog: [String] = []

    struct Subscriber {
        var listenKey: String?
        var streams: Set<String>
        var continuation: AsyncStream<String>.Continuation
    }

    /// Creates a venue with the given credentials, markets and balances.
    public init(apiKey: String, apiSecret: String, markets: [FakeBinanceMarket] = [.btcusdt, .ethusdt],
                balances: [String: Money] = ["USDT": 100_000, "BTC": 1, "ETH": 10], limits: FakeBinanceLimits = FakeBinanceLimits()) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        for market in markets { self.markets[market.symbol] = market }
        for (asset, amount) in balances { self.balances[asset] = (amount, .zero) }
        self.limits = limits
    }

    /// The venue's clock in Unix ms.
    public func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) + clockSkew }

    // MARK: Test hooks

    /// Moves a market's price and matches resting and stop orders against it.
    public func setPrice(_ symbol: String, _ price: Price) {
        guard markets[symbol] != nil else { return }
        markets[symbol]!.price = price
        pushBookTicker(symbol)
        matchResting(symbol)
    }

    /// The current price of a market.
    public func price(_ symbol: String) -> Price? { markets[symbol]?.price }

    /// Queues an error answer for the next matching request.
    public func inject(_ fault: FakeBinanceFault) { faults.append(fault) }

    /// Sets what happens to the answer of the next new order (after it is recorded).
    public func setNextOrderAnswer(_ answer: FakeOrderAnswer) { nextOrderAnswer = answer }

    /// Shifts the venue clock by `milliseconds` relative to the wall clock.
    public func setClockSkew(_ milliseconds: Int64) { clockSkew = milliseconds }

    /// Replaces the rate limits (published in exchangeInfo and enforced).
    public func setLimits(_ limits: FakeBinanceLimits) { self.limits = limits }

    /// The request weight used in the current one-minute window (what `X-MBX-USED-WEIGHT-1M` last said).
    public var usedWeight: Int { weightUsed }

    /// Turns BNB fee payment on (`price`: BNB's price in the quote asset when no `BNB<quote>` market is listed)
    /// or off (nil). With it on, a fill's commission is charged in BNB when the BNB balance covers it.
    public func setBNBFees(price: Price?, discount: Fixed = Fixed("0.25")!) {
        bnbFeePrice = price
        bnbFeeDiscount = discount
    }

    /// Turns partial fills on (`slices` > 1) or off (1, the default). With `slices` n, an order executes as n
    /// trades of a lot-rounded n-th of its quantity (the last takes the remainder), each with its own trade id,
    /// commission and `executionReport` (`x` TRADE, `X` PARTIALLY_FILLED then FILLED): a taker order (market,
    /// crossing limit, triggered stop) executes all n at once; a resting limit order executes one per price
    /// update that crosses it (``setPrice(_:_:)``), and stays PARTIALLY_FILLED in between.
    public func setFillSlices(_ slices: Int) {
        precondition(slices >= 1, "fake binance: fill slices must be at least 1, got \(slices)")
        fillSlices = slices
    }

    /// Sets the commission rate of every fill (0.001 = 0.1%).
    public func setCommissionRate(_ rate: Fixed) { commissionRate = rate }

    /// Sets an asset balance (free, nothing locked).
    public func setBalance(_ asset: String, _ free: Money) { balances[asset] = (free, balances[asset]?.locked ?? .zero) }

    /// Free and locked balance of an asset.
    public func balance(_ asset: String) -> (free: Money, locked: Money) { balances[asset] ?? (.zero, .zero) }

    /// Replaces the kline history of a symbol and interval (bars sorted by time).
    public func setKlines(_ symbol: String, interval: String, bars: [Bar]) {
        klines["\(symbol)|\(interval)"] = bars.sorted { $0.time < $1.time }
    }

    /// Appends (or replaces) one kline and pushes it to `<symbol>@kline_<interval>` subscribers; only closed
    /// klines are added to the REST history.
    public func pushKline(_ symbol: String, interval: String, bar: Bar, closed: Bool) {
        if closed {
            var list = klines["\(symbol)|\(interval)"] ?? []
            if let last = list.last, last.time == bar.time { list[list.count - 1] = bar } else { list.append(bar) }
            klines["\(symbol)|\(interval)"] = list
        }
        let stream = "\(symbol.lowercased())@kline_\(interval)"
        let data = FakeJSON.obj([
            ("e", .string("kline")), ("E", .int(now())), ("s", .string(symbol)),
            ("k", .obj([
                ("t", .int(bar.time)), ("T", .int(bar.time + 59_999)), ("s", .string(symbol)), ("i", .string(interval)),
                ("o", .string(String(bar.open))), ("c", .string(String(bar.close))), ("h", .string(String(bar.high))),
                ("l", .string(String(bar.low))), ("v", .string(String(bar.volume))), ("x", .bool(closed)),
            ])),
        ])
        publish(stream: stream, data: data)
    }

    /// Adds a kline to the REST history only (as if it closed while a client was disconnected).
    public func recordKline(_ symbol: String, interval: String, bar: Bar) {
        var list = klines["\(symbol)|\(interval)"] ?? []
        list.append(bar)
        klines["\(symbol)|\(interval)"] = list.sorted { $0.time < $1.time }
    }

    /// Closes every WebSocket connection (clients must reconnect).
    public func disconnectAll() {
        for (_, subscriber) in subscribers { subscriber.continuation.finish() }
        subscribers = [:]
    }

    /// Expires every listen key and tells user data subscribers with `listenKeyExpired`.
    public func expireListenKeys() {
        for (id, subscriber) in subscribers where subscriber.listenKey != nil {
            subscriber.continuation.yield(FakeJSON.obj([("e", .string("listenKeyExpired")), ("E", .int(now()))]).text)
            subscriber.continuation.finish()
            subscribers[id] = nil
        }
        listenKeys = []
    }

    /// Forgets every listen key without telling anyone (keep-alives then fail with -1125); open user data
    /// connections stay open but receive nothing more.
    public func revokeListenKeys() {
        listenKeys = []
        for (id, subscriber) in subscribers where subscriber.listenKey != nil { subscribers[id]?.listenKey = "" }
    }

    /// All orders, by order id.
    public func allOrders() -> [FakeBinanceOrder] { orders.values.sorted { $0.orderId < $1.orderId } }

    /// All trades.
    public func allTrades() -> [FakeBinanceTrade] { trades }

    /// Number of WebSocket connections open.
    public func connectionCount() -> Int { subscribers.count }

    // MARK: Subscribers

    func register(listenKey: String?, streams: Set<String>, continuation: AsyncStream<String>.Continuation) -> Int {
        nextSubscriberId += 1
        if stopping {
            continuation.finish()
            return nextSubscriberId
        }
        subscribers[nextSubscriberId] = Subscriber(listenKey: listenKey, streams: streams, continuation: continuation)
        return nextSubscriberId
    }

    func unregister(_ id: Int) {
        subscribers[id]?.continuation.finish()
        subscribers[id] = nil
    }

    func isListenKey(_ key: String) -> Bool { !stopping && listenKeys.contains(key) }

    /// Marks the server as stopping and closes every WebSocket connection.
    func beginStopping() {
        stopping = true
        disconnectAll()
    }

    /// True once the server is stopping.
    func isStopping() -> Bool { stopping }

    func publish(stream: String, data: FakeJSON) {
        let text = FakeJSON.obj([("stream", .string(stream)), ("data", data)]).text
        for (_, subscriber) in subscribers where subscriber.streams.contains(stream) {
            subscriber.continuation.yield(text)
        }
    }

    func publishUserData(_ data: FakeJSON) {
        let text = data.text
        for (_, subscriber) in subscribers {
            guard let key = subscriber.listenKey, listenKeys.contains(key) else { continue }
            subscriber.continuation.yield(text)
        }
    }

    func pushBookTicker(_ symbol: String) {
        guard let market = markets[symbol] else { return }
        publish(stream: "\(symbol.lowercased())@bookTicker", data: .obj([
            ("u", .int(now())), ("s", .string(symbol)), ("b", .decimal(market.price - market.tickSize)),
            ("B", .decimal(1)), ("a", .decimal(market.price + market.tickSize)), ("A", .decimal(1)),
        ]))
    }
}
