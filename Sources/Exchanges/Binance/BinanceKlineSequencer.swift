import TradingModel

/// One symbol's closed bars out of Binance kline events: in time order, without gaps or duplicates. A bar that
/// skips ahead of the last one delivered, or a reconnect after which a bar may have closed unseen, is preceded by
/// the missing bars from the REST klines endpoint.
///
/// Calls must not overlap (one stream's messages are handled one at a time).
struct BinanceKlineSequencer: Sendable {
    let symbol: String
    let timeframe: Timeframe
    let history: BinanceHistoricalBars
    let deliver: @Sendable (Bar) -> Void
    private let tracker: Locked<KlineGapTracker>

    /// A sequencer handing `symbol`'s bars to `deliver`.
    init(symbol: String, timeframe: Timeframe, exchange: BinanceExchange, deliver: @escaping @Sendable (Bar) -> Void) {
        self.symbol = symbol
        self.timeframe = timeframe
        self.history = BinanceHistoricalBars(exchange: exchange)
        self.deliver = deliver
        self.tracker = Locked(KlineGapTracker(step: timeframe.milliseconds))
    }

    /// A closed bar from the stream: delivered after any gap before it was backfilled; dropped when already seen.
    func receive(_ bar: Bar) async {
        switch tracker.value.decide(bar.time) {
        case .duplicate: return
        case let .backfill(from, to): await backfill(from: from, to: to)
        case .deliver: break
        }
        deliverOnce(bar)
    }

    /// After a reconnect: fetches the bars that closed while the stream was down. `now` (Unix ms) lets a symbol
    /// whose next bar cannot have closed yet skip the request (a later gap is still caught by ``receive(_:)``).
    func reconnected(now: Int64?) async {
        guard let last = tracker.value.lastTime else { return }
        let step = timeframe.milliseconds
        if let now, now < last + 2 * step { return }
        await backfill(from: last + step, to: Int64.max / 2)
    }

    private func backfill(from: Int64, to: Int64) async {
        var start = from
        while start <= to {
            guard let page = try? await history.bars(symbol: symbol, timeframe: timeframe, from: start, to: to,
                                                     limit: history.maxBarsPerRequest), !page.isEmpty else { return }
            for bar in page { deliverOnce(bar) }
            start = page[page.count - 1].time + timeframe.milliseconds
        }
    }

    private func deliverOnce(_ bar: Bar) {
        let fresh = tracker.withLock { tracker -> Bool in
            guard tracker.decide(bar.time) != .duplicate else { return false }
            tracker.delivered(bar.time)
            return true
        }
        if fresh { deliver(bar) }
    }
}
