import TradingModel

/// The ledger: cash, positions, marks and fees, all in exact fixed point.
///
/// One quote currency per portfolio (every instrument must be quoted in it). Long positions are bought with
/// cash; short positions (where the instrument allows them) credit the sale proceeds to cash and owe the
/// asset back, so equity = cash + Σ quantity × mark in both cases.
///
/// Fees are booked where the venue took them (see ``Fill``): a quote-asset fee reduces cash, a base-asset fee
/// reduces the position (the account really holds less, and closing sells what is held), a fee in a third asset
/// (BNB) is spent from a balance this ledger does not hold and is accumulated in ``otherAssetFees``. Every fee's
/// quote value counts in ``feesPaid`` and in the trade's costs; a third-asset fee is valued at the latest mark of
/// `<asset>/<quote>` when the ledger trades that pair, otherwise it stays unvalued and is listed in
/// ``unvaluedFees`` (profit figures then exclude it: the ledger does not guess a price).
public struct Portfolio: Sendable {
    public let instruments: [Instrument]
    public let quoteCurrency: String
    public let initialCash: Money
    public private(set) var cash: Money
    public private(set) var positions: [Position]
    /// Last known price of each instrument.
    public private(set) var marks: [Price]
    /// Quote value of every fee paid (unvalued third-asset fees excluded, see ``unvaluedFees``).
    public private(set) var feesPaid: Money
    public private(set) var realizedPnl: Money
    /// Fees paid in assets that are neither the quote nor the traded instrument's base (BNB), per asset, as charged.
    /// They were taken from balances outside this ledger.
    public private(set) var otherAssetFees: [String: Money] = [:]
    /// The part of ``otherAssetFees`` that had no price when it was charged, per asset: not in ``feesPaid`` nor in
    /// any profit figure.
    public private(set) var unvaluedFees: [String: Money] = [:]
    /// Each position's marked value (quantity × mark, rounded like ``positionValue(_:)``), kept current by every
    /// mark and fill so ``equity`` is O(1): their sum is ``positionsValue``, exactly (fixed-point sums are exact).
    private var values: [Money]
    /// Σ quantity × mark over every position.
    public private(set) var positionsValue: Money = .zero

    /// - Precondition: every instrument is quoted in the same currency.
    public init(instruments: [Instrument], cash: Money) {
        self.instruments = instruments
        self.quoteCurrency = instruments.first?.quote ?? "USDT"
        self.initialCash = cash
        self.cash = cash
        self.positions = instruments.map { Position(symbol: $0.symbol) }
        self.marks = Array(repeating: .zero, count: instruments.count)
        self.values = Array(repeating: .zero, count: instruments.count)
        self.feesPaid = .zero
        self.realizedPnl = .zero
    }

    /// Sets the mark price of an instrument from market data.
    /// - Complexity: O(1): one product when a position is open.
    public mutating func mark(_ instrument: Int, price: Double) {
        marks[instrument] = Fixed(price)
        revalue(instrument)
    }

    /// Brings the cached value of one position (and their total) up to date after its quantity or mark changed.
    @inline(__always) private mutating func revalue(_ instrument: Int) {
        let quantity = positions[instrument].quantity
        let value = quantity.isZero ? Money.zero : quantity * marks[instrument]
        positionsValue += value - values[instrument]
        values[instrument] = value
    }

    /// Net quantity held (negative when short).
    @inlinable public func quantity(_ instrument: Int) -> Quantity { positions[instrument].quantity }

    /// Market value of one position at its mark (negative when short).
    @inlinable public func positionValue(_ instrument: Int) -> Money { positions[instrument].quantity * marks[instrument] }

    /// Cash plus the marked value of every position.
    /// - Complexity: O(1) (see ``positionsValue``).
    public var equity: Money { cash + positionsValue }

    /// Σ |position value|.
    public var grossExposure: Money {
        var total = Money.zero
        for i in positions.indices { total += positionValue(i).magnitude }
        return total
    }

    /// Number of non-flat positions.
    public var openPositionCount: Int { positions.reduce(0) { $0 + ($1.isFlat ? 0 : 1) } }

    /// `fill` with a third-asset fee valued at the ledger's mark of `<feeAsset>/<quote>` when it trades that pair
    /// and has a price for it; unchanged otherwise (already valued, or no price: it stays unvalued).
    public func valuingFee(_ fill: Fill) -> Fill {
        guard !fill.feeValued else { return fill }
        let pair = "\(fill.feeAsset)/\(quoteCurrency)"
        guard let index = instruments.firstIndex(where: { $0.symbol == pair }), marks[index].isPositive else { return fill }
        var valued = fill
        valued.valueFee(at: marks[index])
        return valued
    }

    /// Applies a fill of `instrument` to cash and position, and books its fee where the venue took it (see the
    /// type's documentation); returns the realized profit (before fees).
    @discardableResult
    public mutating func apply(_ fill: Fill, instrument: Int) -> Money {
        let notional = fill.price * fill.quantity
        if fill.side == .buy { cash -= notional } else { cash += notional }
        let pnl = positions[instrument].apply(side: fill.side, quantity: fill.quantity, price: fill.price, time: fill.time)
        realizedPnl += pnl
        if fill.feeAsset == instruments[instrument].quote {
            cash -= fill.feeAmount
            feesPaid += fill.fee
        } else if fill.feeAsset == instruments[instrument].base {
            positions[instrument].deductFee(fill.feeAmount, price: fill.price, time: fill.time)
            feesPaid += fill.fee
        } else if !fill.feeAmount.isZero {
            let valued = valuingFee(fill)
            otherAssetFees[fill.feeAsset, default: .zero] += fill.feeAmount
            if valued.feeValued { feesPaid += valued.fee } else { unvaluedFees[fill.feeAsset, default: .zero] += fill.feeAmount }
        }
        if marks[instrument].isZero { marks[instrument] = fill.price }
        revalue(instrument)
        return pnl
    }
}
