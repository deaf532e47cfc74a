import TradingModel

/// The ledger: cash, positions, marks and fees, all in exact fixed point.
///
/// One quote currency per portfolio (every instrument must be quoted in it). Long positions are bought with
/// cash; short positions (where the instrument allows them) credit the sale proceeds to cash and owe the
/// asset back, so equity = cash + Σ quantity × mark in both cases.
public struct Portfolio: Sendable {
    public let instruments: [Instrument]
    public let quoteCurrency: String
    public let initialCash: Money
    public private(set) var cash: Money
    public private(set) var positions: [Position]
    /// Last known price of each instrument.
    public private(set) var marks: [Price]
    public private(set) var feesPaid: Money
    public private(set) var realizedPnl: Money

    /// - Precondition: every instrument is quoted in the same currency.
    public init(instruments: [Instrument], cash: Money) {
        self.instruments = instruments
        self.quoteCurrency = instruments.first?.quote ?? "USDT"
        self.initialCash = cash
        self.cash = cash
        self.positions = instruments.map { Position(symbol: $0.symbol) }
        self.marks = Array(repeating: .zero, count: instruments.count)
        self.feesPaid = .zero
        self.realizedPnl = .zero
    }

    /// Sets the mark price of an instrument from market data.
    public mutating func mark(_ instrument: Int, price: Double) {
        marks[instrument] = Fixed(price)
    }

    /// Net quantity held (negative when short).
    @inlinable public func quantity(_ instrument: Int) -> Quantity { positions[instrument].quantity }

    /// Market value of one position at its mark (negative when short).
    @inlinable public func positionValue(_ instrument: Int) -> Money { positions[instrument].quantity * marks[instrument] }

    /// Cash plus the marked value of every position.
    /// - Complexity: O(number of instruments).
    @inlinable public var equity: Money {
        var total = cash
        for i in positions.indices where !positions[i].quantity.isZero {
            total += positions[i].quantity * marks[i]
        }
        return total
    }

    /// Σ |position value|.
    public var grossExposure: Money {
        var total = Money.zero
        for i in positions.indices { total += positionValue(i).magnitude }
        return total
    }

    /// Number of non-flat positions.
    public var openPositionCount: Int { positions.reduce(0) { $0 + ($1.isFlat ? 0 : 1) } }

    /// Applies a fill of `instrument` to cash and position; returns the realized profit (before fees).
    @discardableResult
    public mutating func apply(_ fill: Fill, instrument: Int) -> Money {
        let notional = fill.price * fill.quantity
        if fill.side == .buy { cash -= notional } else { cash += notional }
        cash -= fill.fee
        feesPaid += fill.fee
        let pnl = positions[instrument].apply(side: fill.side, quantity: fill.quantity, price: fill.price, time: fill.time)
        realizedPnl += pnl
        if marks[instrument].isZero { marks[instrument] = fill.price }
        return pnl
    }
}
