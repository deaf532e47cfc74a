import TradingModel

/// A round trip: from flat to a position and back to flat (a flip closes one trade and opens the next).
public struct ClosedTrade: Sendable, Hashable, Codable {
    public var symbol: String
    /// `buy` for a long round trip, `sell` for a short one.
    public var side: OrderSide
    public var entryTime: Int64
    public var exitTime: Int64
    /// Volume-weighted entry price of the opening fills.
    public var entryPrice: Price
    /// Volume-weighted exit price of the closing fills.
    public var exitPrice: Price
    /// Largest absolute quantity held during the trade.
    public var quantity: Quantity
    /// Realized profit after all fees of the trade.
    public var pnl: Money
    /// Fees of the opening and closing fills.
    public var fee: Money
    public var entryOrderId: String
    public var exitOrderId: String
    /// Return on the entry notional, net of fees (0.05 = +5%).
    public var returnFraction: Double
    public var bars: Int
}

/// An open round trip, marked to market.
public struct OpenTrade: Sendable, Hashable, Codable {
    public var symbol: String
    public var side: OrderSide
    public var entryTime: Int64
    public var entryPrice: Price
    public var quantity: Quantity
    public var markPrice: Price
    public var unrealizedPnl: Money
    public var fee: Money
    public var entryOrderId: String
}

/// Builds closed round trips from fills, per instrument.
public struct TradeTracker: Sendable {
    private struct Open: Sendable {
        var side: OrderSide
        var entryTime: Int64
        var entryNotional: Money = .zero
        var entryQuantity: Quantity = .zero
        var exitNotional: Money = .zero
        var exitQuantity: Quantity = .zero
        var maxQuantity: Quantity = .zero
        var realized: Money = .zero
        var fee: Money = .zero
        var entryOrderId: String
        var exitOrderId: String = ""
        /// Price of the first entry / exit fill and whether it was the only one (then it is the exact average).
        var firstEntryPrice: Price = .zero
        var entryFills = 0
        var firstExitPrice: Price = .zero
        var exitFills = 0

        /// Volume-weighted entry price (exact when there was one fill).
        var entryPrice: Price {
            entryFills == 1 ? firstEntryPrice : (entryQuantity.isZero ? .zero : entryNotional / entryQuantity)
        }

        /// Volume-weighted exit price (exact when there was one fill).
        var exitPrice: Price {
            exitFills == 1 ? firstExitPrice : (exitQuantity.isZero ? .zero : exitNotional / exitQuantity)
        }
    }

    private var open: [Open?]
    public private(set) var closed: [ClosedTrade] = []
    private let symbols: [String]

    public init(symbols: [String]) {
        self.symbols = symbols
        self.open = Array(repeating: nil, count: symbols.count)
    }

    /// Records a fill, given the position quantity before it and the realized pnl the ledger computed.
    /// `positionAfter` is the ledger's quantity after the fill when known: a base-asset fee makes it smaller than
    /// before ± the fill, and the trade's quantity is what was really held.
    public mutating func record(_ fill: Fill, instrument: Int, positionBefore: Quantity, realized: Money, barIndex: Int,
                                positionAfter: Quantity? = nil) {
        let signed = fill.side == .buy ? fill.quantity : -fill.quantity
        var remaining = fill.quantity
        if !positionBefore.isZero && positionBefore.signum != signed.signum, var trade = open[instrument] {
            // Reducing: part (or all) of the fill closes.
            let closing = Fixed.min(remaining, positionBefore.magnitude)
            let feeShare = fill.quantity.isZero ? Money.zero : fill.fee * closing / fill.quantity
            trade.exitNotional += fill.price * closing
            trade.exitQuantity += closing
            if trade.exitFills == 0 { trade.firstExitPrice = fill.price }
            trade.exitFills += 1
            trade.realized += realized
            trade.fee += feeShare
            trade.exitOrderId = fill.clientOrderId
            remaining -= closing
            if closing == positionBefore.magnitude {
                finish(trade, instrument: instrument, exitTime: fill.time, barIndex: barIndex)
                open[instrument] = nil
            } else {
                open[instrument] = trade
            }
            if remaining.isZero { return }
            // A flip: the rest opens a new trade below, with the rest of the fee.
            let openFee = fill.fee - feeShare
            var next = Open(side: fill.side, entryTime: fill.time, entryOrderId: fill.clientOrderId)
            next.entryNotional = fill.price * remaining
            next.entryQuantity = remaining
            next.firstEntryPrice = fill.price
            next.entryFills = 1
            next.maxQuantity = positionAfter?.magnitude ?? remaining
            next.fee = openFee
            open[instrument] = next
            openBars[instrument] = barIndex
            return
        }
        // Opening or adding.
        var trade = open[instrument] ?? Open(side: fill.side, entryTime: fill.time, entryOrderId: fill.clientOrderId)
        if open[instrument] == nil { openBars[instrument] = barIndex }
        trade.entryNotional += fill.price * remaining
        trade.entryQuantity += remaining
        if trade.entryFills == 0 { trade.firstEntryPrice = fill.price }
        trade.entryFills += 1
        trade.fee += fill.fee
        let held = positionAfter?.magnitude ?? positionBefore.magnitude + remaining
        trade.maxQuantity = Fixed.max(trade.maxQuantity, held)
        open[instrument] = trade
    }

    private var openBars: [Int: Int] = [:]

    private mutating func finish(_ trade: Open, instrument: Int, exitTime: Int64, barIndex: Int) {
        let entryPrice = trade.entryPrice
        let exitPrice = trade.exitPrice
        let pnl = trade.realized - trade.fee
        let basis = trade.entryNotional.doubleValue
        closed.append(ClosedTrade(
            symbol: symbols[instrument], side: trade.side, entryTime: trade.entryTime, exitTime: exitTime,
            entryPrice: entryPrice, exitPrice: exitPrice, quantity: trade.maxQuantity, pnl: pnl, fee: trade.fee,
            entryOrderId: trade.entryOrderId, exitOrderId: trade.exitOrderId,
            returnFraction: basis > 0 ? pnl.doubleValue / basis : 0,
            bars: barIndex - (openBars[instrument] ?? barIndex)))
    }

    /// The open trade of an instrument marked at `mark`, if any.
    public func openTrade(_ instrument: Int, position: Position, mark: Price) -> OpenTrade? {
        guard let trade = open[instrument], !position.isFlat else { return nil }
        return OpenTrade(symbol: symbols[instrument], side: trade.side, entryTime: trade.entryTime,
                         entryPrice: position.averageEntryPrice, quantity: position.quantity.magnitude,
                         markPrice: mark, unrealizedPnl: position.unrealizedPnl(at: mark), fee: trade.fee,
                         entryOrderId: trade.entryOrderId)
    }
}
