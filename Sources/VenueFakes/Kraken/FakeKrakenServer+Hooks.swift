import Foundation
import TradingModel

extension FakeKrakenServer {
    /// Sets the market price of a pair (any Kraken name or `BTC/USD`) and executes the resting orders it
    /// triggers or crosses.
    public func setPrice(_ price: Fixed, pair name: String) {
        state.withLock { s in
            guard let pair = s.venue.pair(named: name) else { preconditionFailure("fake kraken lists no pair \(name)") }
            s.venue.setPrice(price, pair: pair, now: Double(s.nowNanos()) / 1e9)
            s.flush()
        }
    }

    /// Turns partial fills on (`slices` > 1) or off (1, the default). With `slices` n, an order executes as n
    /// trades of a lot-rounded n-th of its volume (the last takes the remainder), each with its own trade id and
    /// fee, listed in `TradesHistory` under the order's `ordertxid` and pushed on `executions` as `exec_type`
    /// trade with `last_qty`/`cum_qty` (`order_status` partially_filled until the last, then a `filled` update).
    /// A taker order executes all n at once; a resting limit order one per ``setPrice(_:pair:)`` that crosses it,
    /// staying `open` with a growing `vol_exec` in between.
    public func setFillSlices(_ slices: Int) {
        precondition(slices >= 1, "fake kraken: fill slices must be at least 1, got \(slices)")
        state.withLock { $0.venue.fillSlices = slices }
    }

    /// Sets the balance of a Kraken asset code (`ZUSD`, `XXBT`, `SOL`).
    public func setBalance(_ amount: Fixed, asset: String) {
        state.withLock { $0.venue.balances[asset] = amount }
    }

    /// The balance of a Kraken asset code.
    public func balance(asset: String) -> Fixed { state.withLock { $0.venue.balances[asset] ?? .zero } }

    /// Makes the next `times` calls of `method` fail with `error` (e.g. `EService:Unavailable`). Private
    /// methods by name (`AddOrder`), public ones as `public/<Method>` (`public/OHLC`).
    public func injectError(_ error: String, method: String, times: Int = 1) {
        state.withLock { $0.venue.injected[method, default: []] += Array(repeating: error, count: times) }
    }

    /// The next AddOrder is executed, but its answer is cut off mid-body (the client cannot know the outcome).
    public func dropNextOrderResponse() { state.withLock { $0.dropNextOrderResponse = true } }

    /// The next AddOrder is executed, but its answer is held for `seconds` (longer than the client's timeout).
    public func delayNextOrderResponse(seconds: Double) { state.withLock { $0.delayNextOrderResponse = seconds } }

    /// Lets `trades` more `trade` executions reach the `executions` subscribers, then holds every later
    /// `executions` push back (the venue executed, the client hears nothing): a client killed meanwhile learns
    /// of the later executions only through REST. ``releaseExecutions()`` sends what was held.
    public func holdExecutions(afterTrades trades: Int) {
        state.withLock { $0.executionTradesBeforeHold = max(0, trades) }
    }

    /// Stops holding `executions` pushes and sends the held ones.
    public func releaseExecutions() {
        state.withLock { s in
            s.executionTradesBeforeHold = nil
            s.venue.outbox.insert(contentsOf: s.heldExecutions, at: 0)
            s.heldExecutions = []
            s.flush()
        }
    }

    /// Closes every WebSocket connection (clients see a drop and should reconnect).
    public func forceDisconnect() {
        state.withLock { s in
            for connection in s.connections.values { connection.outbound.finish() }
            s.connections.removeAll()
        }
    }

    /// Stops (true) or resumes (false) heartbeats and pongs on every WebSocket, so clients see a silent,
    /// half-dead connection.
    public func setSilent(_ silent: Bool) { state.withLock { $0.silent = silent } }

    /// WebSocket connections accepted since the start.
    public var webSocketsOpened: Int { state.withLock { $0.webSocketsOpened } }

    /// Number of open WebSocket connections.
    public var webSocketConnections: Int { state.withLock { $0.connections.count } }

    /// Number of open WebSocket connections subscribed to `channel`.
    public func subscribers(channel: String) -> Int {
        state.withLock { s in s.connections.values.filter { c in c.subscriptions.contains { $0.hasPrefix(channel + "|") } }.count }
    }

    /// Fixes "now" (Unix ms) for OHLC windows and timestamps; nil returns to the wall clock.
    public func setNow(millis: Int64?) { state.withLock { $0.nowOverride = millis.map { $0 * 1_000_000 } } }

    /// Appends public trades of a pair and pushes `trade` and `ohlc` updates to subscribers.
    public func recordPublicTrades(_ trades: [FakeKrakenPublicTrade], pair name: String) {
        state.withLock { s in
            guard let pair = s.venue.pair(named: name) else { preconditionFailure("fake kraken lists no pair \(name)") }
            s.venue.recordPublicTrades(trades.map { (price: $0.price, volume: $0.volume, timeNanos: $0.timeNanos, side: $0.side) }, pair: pair)
            s.flush()
        }
    }

    /// The public trades of a pair, oldest first.
    public func publicTrades(pair name: String) -> [FakeKrakenPublicTrade] {
        state.withLock { s in s.venue.pair(named: name).map { s.venue.publicTrades[$0.altname] ?? [] } ?? [] }
    }

    /// Every private method called so far, in order.
    public var privateCalls: [String] { state.withLock { $0.venue.calls } }

    /// How many calls were refused for rate limits / invalid nonces.
    public var rateLimitRejections: Int { state.withLock { $0.venue.rateLimitRejections } }
    public var nonceRejections: Int { state.withLock { $0.venue.nonceRejections } }

    /// The highest nonce accepted.
    public var lastNonce: UInt64 { state.withLock { $0.venue.lastNonce } }

    /// All orders, oldest first.
    public var orders: [FakeKrakenOrder] { state.withLock { s in s.venue.orderSequence.compactMap { s.venue.orders[$0] } } }

    /// All account trades, oldest first.
    public var accountTrades: [FakeKrakenTrade] { state.withLock { $0.venue.trades } }
}
