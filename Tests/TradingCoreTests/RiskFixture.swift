import TradingCore
import TradingModel

/// Portfolios, orders and contexts for risk tests. Instruments trade at 100 with lot 0.001, tick 0.01,
/// minimum notional 5; equity starts at 10,000.
enum RiskFixture {
    static let t0: Int64 = 1_704_067_200_000  // 2024-01-01T00:00:00Z
    static let day: Int64 = 86_400_000

    static func instrument(_ symbol: String) -> Instrument {
        Instrument(symbol: symbol, tickSize: Fixed("0.01")!, lotSize: Fixed("0.001")!, minNotional: Fixed(5))
    }

    /// A portfolio of `symbols` marked at `price`, holding `holdings[i]` units of instrument i bought at `price`.
    static func portfolio(_ symbols: [String] = ["AAA/USDT"], price: Double = 100, holdings: [Double] = [],
                          cash: Money = Fixed(10_000)) -> Portfolio {
        var portfolio = Portfolio(instruments: symbols.map(instrument), cash: cash)
        for i in symbols.indices {
            portfolio.mark(i, price: price)
            if i < holdings.count, holdings[i] != 0 {
                let q = holdings[i]
                portfolio.apply(Fill(tradeId: "t\(i)", clientOrderId: "seed\(i)", venueOrderId: "v\(i)", symbol: symbols[i],
                                     side: q > 0 ? .buy : .sell, price: Fixed(price), quantity: Fixed(abs(q)), fee: .zero,
                                     liquidity: .taker, time: t0), instrument: i)
            }
        }
        return portfolio
    }

    static func buy(_ quantity: String, symbol: String = "AAA/USDT", limit: String? = nil, id: String = "o1") -> OrderRequest {
        OrderRequest(clientOrderId: id, symbol: symbol, side: .buy, type: limit == nil ? .market : .limit,
                     quantity: Fixed(quantity)!, limitPrice: limit.map { Fixed($0)! })
    }

    static func sell(_ quantity: String, symbol: String = "AAA/USDT", limit: String? = nil, id: String = "o1",
                     reduceOnly: Bool = false, tag: String = "") -> OrderRequest {
        OrderRequest(clientOrderId: id, symbol: symbol, side: .sell, type: limit == nil ? .market : .limit,
                     quantity: Fixed(quantity)!, limitPrice: limit.map { Fixed($0)! }, reduceOnly: reduceOnly, tag: tag)
    }

    static func context(_ portfolio: Portfolio, instrument: Int = 0, time: Int64 = t0) -> RiskCheckContext {
        RiskCheckContext(portfolio: portfolio, instrument: instrument, time: time,
                         workingOrders: Array(repeating: [], count: portfolio.instruments.count))
    }

    static func bar(_ portfolio: Portfolio, instrument: Int = 0, time: Int64 = t0) -> RiskBarContext {
        RiskBarContext(portfolio: portfolio, instrument: instrument, time: time,
                       workingOrders: Array(repeating: [], count: portfolio.instruments.count))
    }

    static func limits(_ change: (inout RiskLimits) -> Void = { _ in }) -> RiskLimits {
        var limits = RiskLimits()
        change(&limits)
        return limits
    }

    static func engine(_ change: (inout RiskLimits) -> Void = { _ in }, state: TradingState = .active) -> RiskEngine {
        try! RiskEngine(limits: limits(change), allowShort: false, state: state)
    }

    /// Runs one check and returns the rejection code (nil when approved) and the possibly adjusted request.
    static func code(_ engine: inout RiskEngine, _ request: OrderRequest, _ context: RiskCheckContext) -> (String?, OrderRequest) {
        var request = request
        let rejection = engine.check(&request, context: context)
        return (rejection?.code, request)
    }
}
