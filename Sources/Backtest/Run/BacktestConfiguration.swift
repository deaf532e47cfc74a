import TradingCore
import TradingModel
import Simulation

/// Where a series came from, so a run can be reproduced exactly.
public struct DataSourceDescription: Sendable, Hashable, Codable {
    /// `file`, `store` or `generated`.
    public var kind: String
    /// File path (file), or empty.
    public var path: String?
    public var symbol: String
    public var timeframe: Timeframe
    /// Generator seed and bar count (generated).
    public var seed: UInt64?
    public var bars: Int?
    /// First and last bar time used (Unix ms).
    public var from: Int64?
    public var to: Int64?

    public init(kind: String, path: String? = nil, symbol: String, timeframe: Timeframe, seed: UInt64? = nil,
                bars: Int? = nil, from: Int64? = nil, to: Int64? = nil) {
        self.kind = kind
        self.path = path
        self.symbol = symbol
        self.timeframe = timeframe
        self.seed = seed
        self.bars = bars
        self.from = from
        self.to = to
    }
}

/// Everything that defines a backtest run. Stored in every report and in the run store.
public struct BacktestConfiguration: Sendable, Hashable, Codable {
    public var strategy: String
    public var parameters: ParameterValues
    public var instruments: [Instrument]
    public var timeframe: Timeframe
    public var data: [DataSourceDescription]
    public var initialCash: Money
    public var matching: MatchingConfig
    public var sizing: PositionSizing
    public var allowShort: Bool
    /// Limits of the full risk engine, or nil for the basic checks only (instrument rules, balance).
    public var risk: RiskLimits?
    /// Protective exits of every position (stop-loss, take-profit, trailing, time stop, break-even), or nil.
    public var protectiveExits: ProtectiveExitPolicy?
    /// True: the kernel emulates the exits; nil or false: the simulated venue holds them as stop / take-profit
    /// orders in one OCO group.
    public var emulateExits: Bool?

    public init(strategy: String, parameters: ParameterValues, instruments: [Instrument], timeframe: Timeframe,
                data: [DataSourceDescription], initialCash: Money = Fixed(10_000),
                matching: MatchingConfig = MatchingConfig(), sizing: PositionSizing = .allIn, allowShort: Bool = false,
                risk: RiskLimits? = nil, protectiveExits: ProtectiveExitPolicy? = nil, emulateExits: Bool? = nil) {
        self.strategy = strategy
        self.parameters = parameters
        self.instruments = instruments
        self.timeframe = timeframe
        self.data = data
        self.initialCash = initialCash
        self.matching = matching
        self.sizing = sizing
        self.allowShort = allowShort
        self.risk = risk
        self.protectiveExits = protectiveExits
        self.emulateExits = emulateExits
    }

    enum CodingKeys: String, CodingKey {
        case strategy, parameters, instruments, timeframe, data
        case initialCash = "initial_cash", matching, sizing
        case allowShort = "allow_short", risk
        case protectiveExits = "protective_exits", emulateExits = "emulate_exits"
    }
}
