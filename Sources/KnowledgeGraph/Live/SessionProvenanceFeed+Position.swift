import TradingModel

extension SessionProvenanceFeed {
    /// A position the feed has seen open.
    struct OpenPosition: Sendable {
        /// Its `opened_at` (Unix ms), part of its node's id.
        var openedAt: Int64
        /// The ledger's realized P&L of the symbol before it opened (the ledger's figure is the symbol's total).
        var realizedBefore: Money
    }

    /// The `Position` records of one fill, from `position`: the symbol's position in the session's ledger right
    /// after the fill.
    ///
    /// A position's node lives from open to flat under one id, ``PositionRecord/id(runId:symbol:openedAt:)`` with
    /// its `opened_at`, and every fill that changes it `UPDATED` it. The fill that opens it is its `OPENED_BY`
    /// order, the fill that closes it its `CLOSED_BY` order. Its `realized_pnl` is what was realized (before fees)
    /// since it opened. A fill that flips the position closes the old one (quantity 0) and opens the new one.
    /// A position opened before the feed started (an earlier run, a position reconciled at start) is known from
    /// its first fill here on, with all of the ledger's realized P&L of the symbol; if that fill closes it, its
    /// opening time is unknown and the closed node is keyed by the fill's time.
    public func positionRecords(_ position: Position, after fill: Fill) -> [PositionRecord] {
        let runId = writer.runId, fillId = "\(fill.clientOrderId)/\(fill.tradeId)", symbol = position.symbol
        let (previous, current) = openPositions.withLock { open -> (OpenPosition?, OpenPosition?) in
            let previous = open[symbol]
            var current: OpenPosition?
            if !position.isFlat {
                // Opened (or flipped) by this fill: it realized nothing for the new position yet. Seen first
                // while open since earlier: all of the ledger's realized P&L counts (nothing to tell it apart).
                let before = position.openedAt == fill.time ? position.realizedPnl : .zero
                current = previous?.openedAt == position.openedAt
                    ? previous : OpenPosition(openedAt: position.openedAt, realizedBefore: before)
            }
            open[symbol] = current
            return (previous, current)
        }
        var records: [PositionRecord] = []
        if position.isFlat || (previous != nil && previous?.openedAt != position.openedAt) {
            // The position held before this fill ended here: closed, or flipped into a new one.
            var closed = Position(symbol: symbol)
            closed.realizedPnl = position.realizedPnl - (previous?.realizedBefore ?? .zero)
            closed.openedAt = previous?.openedAt ?? fill.time
            records.append(PositionRecord(id: PositionRecord.id(runId: runId, symbol: symbol, openedAt: closed.openedAt),
                                          position: closed, time: fill.time, fillId: fillId, orderId: fill.clientOrderId))
        }
        if let current {
            var open = position
            open.realizedPnl = position.realizedPnl - current.realizedBefore
            let openedHere = previous?.openedAt != position.openedAt && position.openedAt == fill.time
            records.append(PositionRecord(id: PositionRecord.id(runId: runId, symbol: symbol, openedAt: position.openedAt),
                                          position: open, time: fill.time, fillId: fillId,
                                          orderId: openedHere ? fill.clientOrderId : nil))
        }
        return records
    }
}
