import TradingModel

/// Why the risk layer refused an order: a machine-readable code and a human sentence.
public struct RiskRejection: Sendable, Hashable, Codable, Error, CustomStringConvertible {
    public var code: String
    public var message: String
    public var clientOrderId: String
    public var symbol: String
    public var time: Int64

    public init(code: String, message: String, clientOrderId: String, symbol: String, time: Int64) {
        self.code = code
        self.message = message
        self.clientOrderId = clientOrderId
        self.symbol = symbol
        self.time = time
    }

    public var description: String { "\(code): \(message)" }
}

/// Everything a pre-trade check may look at.
public struct RiskCheckContext: Sendable {
    public var portfolio: Portfolio
    public var instrument: Int
    public var time: Int64
    /// Orders still working at the venue for every instrument (their funds are committed).
    public var workingOrders: [[Order]]

    public init(portfolio: Portfolio, instrument: Int, time: Int64, workingOrders: [[Order]]) {
        self.portfolio = portfolio
        self.instrument = instrument
        self.time = time
        self.workingOrders = workingOrders
    }
}

/// The pre-trade gate every order passes through in the kernel, in backtest, paper and live alike. It may
/// adjust the request (rounding to the lot grid) or refuse it.
public protocol RiskHook: Sendable {
    /// Returns nil to approve (possibly after adjusting `request`), or the reason to refuse.
    mutating func check(_ request: inout OrderRequest, context: RiskCheckContext) -> RiskRejection?
}
