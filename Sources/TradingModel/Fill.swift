/// Whether a fill added liquidity (resting order) or took it.
public enum Liquidity: String, Sendable, Hashable, Codable { case maker, taker }

/// One execution of (part of) an order.
///
/// Venues charge the commission in different assets: Binance takes a buy's commission in the base asset it
/// delivers (or in BNB when its fee discount is on) and a sell's in the quote asset; Kraken takes it in the quote
/// currency by default. A fill therefore carries the commission as charged (``feeAmount`` of ``feeAsset``), which
/// the ledger books against what the account really holds, and its value in quote currency (``fee``), which every
/// profit figure uses.
///
/// Valuation of ``fee``: a quote-asset commission is its own value; a base-asset one is worth amount × fill price;
/// a commission in a third asset (BNB) is valued by the ledger at its latest mark of `<asset>/<quote>` when it
/// trades that pair (``Portfolio``), else by whoever created the fill when it knows a price. Until then the fill
/// is *unvalued* (``feeValued`` false, ``fee`` zero): profit figures exclude that commission and the ledger
/// reports it separately rather than inventing a price.
public struct Fill: Sendable, Hashable {
    public var tradeId: String
    public var clientOrderId: String
    public var venueOrderId: String
    public var symbol: String
    public var side: OrderSide
    public var price: Price
    public var quantity: Quantity
    /// Fee charged, valued in quote currency (zero while ``feeValued`` is false). Used for profit and loss.
    public var fee: Money
    /// The asset the venue charged the fee in (the instrument's quote unless the venue said otherwise).
    public var feeAsset: String
    /// The fee as charged, in ``feeAsset``.
    public var feeAmount: Money
    /// Whether ``fee`` holds the quote value of the charge; false for a third-asset fee without a known price.
    public var feeValued: Bool
    public var liquidity: Liquidity
    /// Unix ms of the execution.
    public var time: Int64
    /// The venue's word on whether this execution completed its order: true when the venue reported the order
    /// filled with it, false when it reported the order still working, nil when the source does not say (trade
    /// lists such as Binance `myTrades` or Kraken `TradesHistory`). A quote-quantity order (whose base quantity
    /// is not known in advance) is complete only on a fill that says so; a quantity order is complete when
    /// its fills add up, whatever this says.
    public var orderComplete: Bool?

    /// A fill whose fee was charged in quote currency (the backtest and paper venues, Kraken's default).
    public init(tradeId: String, clientOrderId: String, venueOrderId: String, symbol: String, side: OrderSide,
                price: Price, quantity: Quantity, fee: Money, liquidity: Liquidity, time: Int64) {
        self.tradeId = tradeId
        self.clientOrderId = clientOrderId
        self.venueOrderId = venueOrderId
        self.symbol = symbol
        self.side = side
        self.price = price
        self.quantity = quantity
        self.fee = fee
        self.feeAsset = Fill.quoteAsset(of: symbol)
        self.feeAmount = fee
        self.feeValued = true
        self.liquidity = liquidity
        self.time = time
        self.orderComplete = nil
    }

    /// A fill whose fee the venue charged as `feeAmount` of `feeAsset`. The quote value is computed for the
    /// symbol's quote (as is) and base (× `price`) assets; for any other asset it is `feeQuoteValue` when the
    /// caller knows a price, else the fill is unvalued (see the type's documentation). An empty `feeAsset` means
    /// the quote asset.
    public init(tradeId: String, clientOrderId: String, venueOrderId: String, symbol: String, side: OrderSide,
                price: Price, quantity: Quantity, feeAmount: Money, feeAsset: String, feeQuoteValue: Money? = nil,
                liquidity: Liquidity, time: Int64) {
        self.init(tradeId: tradeId, clientOrderId: clientOrderId, venueOrderId: venueOrderId, symbol: symbol,
                  side: side, price: price, quantity: quantity, fee: .zero, liquidity: liquidity, time: time)
        self.feeAmount = feeAmount
        if feeAsset.isEmpty || feeAsset == self.feeAsset || feeAmount.isZero {
            fee = feeAmount
            if !feeAsset.isEmpty { self.feeAsset = feeAsset }
        } else if feeAsset == Fill.baseAsset(of: symbol) {
            self.feeAsset = feeAsset
            fee = feeAmount * price
        } else {
            self.feeAsset = feeAsset
            fee = feeQuoteValue ?? .zero
            feeValued = feeQuoteValue != nil
        }
    }

    /// This fill with ``orderComplete`` set to `complete`.
    public func completing(_ complete: Bool?) -> Fill {
        var fill = self
        fill.orderComplete = complete
        return fill
    }

    /// Price x quantity.
    public var notional: Money { price * quantity }

    /// Values a third-asset fee at `markOfFeeAsset` (its price in quote currency); a no-op for a valued fill.
    public mutating func valueFee(at markOfFeeAsset: Price) {
        guard !feeValued, markOfFeeAsset.isPositive else { return }
        fee = feeAmount * markOfFeeAsset
        feeValued = true
    }

    /// The quote asset of a unified `BASE/QUOTE` symbol (`USDT` when it has no slash, like ``Instrument``).
    /// Allocation free for asset codes of up to 15 bytes (Swift's small strings).
    public static func quoteAsset(of symbol: String) -> String {
        guard let slash = symbol.firstIndex(of: "/") else { return "USDT" }
        return String(symbol[symbol.index(after: slash)...])
    }

    /// The base asset of a unified `BASE/QUOTE` symbol (the whole symbol when it has no slash).
    public static func baseAsset(of symbol: String) -> String {
        guard let slash = symbol.firstIndex(of: "/") else { return symbol }
        return String(symbol[..<slash])
    }
}

extension Fill: Codable {
    enum CodingKeys: String, CodingKey {
        case tradeId, clientOrderId, venueOrderId, symbol, side, price, quantity, fee, feeAsset, feeAmount, feeValued
        case liquidity, time, orderComplete
    }

    /// Decodes a fill; fills written before fee assets existed (no `feeAsset`) were charged in quote currency.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(tradeId: try c.decode(String.self, forKey: .tradeId),
                  clientOrderId: try c.decode(String.self, forKey: .clientOrderId),
                  venueOrderId: try c.decode(String.self, forKey: .venueOrderId),
                  symbol: try c.decode(String.self, forKey: .symbol), side: try c.decode(OrderSide.self, forKey: .side),
                  price: try c.decode(Price.self, forKey: .price), quantity: try c.decode(Quantity.self, forKey: .quantity),
                  fee: try c.decode(Money.self, forKey: .fee), liquidity: try c.decode(Liquidity.self, forKey: .liquidity),
                  time: try c.decode(Int64.self, forKey: .time))
        if let asset = try c.decodeIfPresent(String.self, forKey: .feeAsset) { feeAsset = asset }
        if let amount = try c.decodeIfPresent(Money.self, forKey: .feeAmount) { feeAmount = amount }
        if let valued = try c.decodeIfPresent(Bool.self, forKey: .feeValued) { feeValued = valued }
        orderComplete = try c.decodeIfPresent(Bool.self, forKey: .orderComplete)
    }
}
