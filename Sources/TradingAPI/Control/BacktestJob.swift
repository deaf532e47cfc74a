/// What a client asks to backtest.
public struct BacktestRequest: Sendable, Hashable, Codable {
    /// Strategy registry name, e.g. `sma_cross`.
    public var strategy: String
    /// Symbol to test on, e.g. `BTC/USDT`.
    public var symbol: String
    /// Parameter values; missing ones take the strategy's defaults.
    public var parameters: [String: Double]
    /// Generated bars to run on (1...1,000,000).
    public var bars: Int

    /// A request.
    public init(strategy: String, symbol: String, parameters: [String: Double] = [:], bars: Int = 1000) {
        self.strategy = strategy
        self.symbol = symbol
        self.parameters = parameters
        self.bars = bars
    }

    enum CodingKeys: String, CodingKey { case strategy, symbol, parameters, bars }

    /// Decodes a request; `parameters` and `bars` are optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        strategy = try c.decode(String.self, forKey: .strategy)
        symbol = try c.decode(String.self, forKey: .symbol)
        parameters = try c.decodeIfPresent([String: Double].self, forKey: .parameters) ?? [:]
        bars = try c.decodeIfPresent(Int.self, forKey: .bars) ?? 1000
    }
}

/// A submitted backtest and, once finished, its report.
public struct BacktestJob: Sendable, Hashable, Codable {
    /// Where the job is.
    public enum Status: String, Sendable, Hashable, Codable { case queued, running, completed, failed }

    /// Stable id, e.g. `bt-3`.
    public var id: String
    /// What was asked.
    public var request: BacktestRequest
    /// Where the job is.
    public var status: Status
    /// Unix ms of submission.
    public var submittedAt: Int64
    /// Unix ms of completion or failure.
    public var finishedAt: Int64?
    /// Performance figures by name (`total_return`, `sharpe`, `max_drawdown`, `trades`, ...), once completed.
    public var metrics: [String: Double]?
    /// Why it failed, when it did.
    public var error: String?

    /// A queued job.
    public init(id: String, request: BacktestRequest, submittedAt: Int64) {
        self.id = id
        self.request = request
        self.status = .queued
        self.submittedAt = submittedAt
    }
}
