import Foundation
import MarketData
import TradingCore
import TradingModel

/// The machine-readable backtest report: `metrics`, `trades`, `open_position(s)`, `equity`, `orders`,
/// `risk` and the full `configuration`, so any run can be reproduced exactly. Times are ISO-8601 UTC,
/// returns and drawdowns are fractions, money is exact decimal.
public struct JSONReport: Encodable, Sendable {
    public struct Trade: Encodable, Sendable {
        var symbol: String
        var side: String
        var entryTime: String
        var exitTime: String
        var entryPrice: Fixed
        var exitPrice: Fixed
        var quantity: Fixed
        var pnl: Fixed
        var fee: Fixed
        var returnFraction: Double
        var bars: Int
        var entryOrderId: String
        var exitOrderId: String
        /// `stop_loss`, `take_profit`, `trailing_stop` or `time_stop` when a protective exit closed it, else null.
        var exitReason: String?

        enum CodingKeys: String, CodingKey {
            case symbol, side, entryTime = "entry_time", exitTime = "exit_time", entryPrice = "entry_price"
            case exitPrice = "exit_price", quantity, pnl, fee, returnFraction = "return", bars
            case entryOrderId = "entry_order_id", exitOrderId = "exit_order_id", exitReason = "exit_reason"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(symbol, forKey: .symbol)
            try c.encode(side, forKey: .side)
            try c.encode(entryTime, forKey: .entryTime)
            try c.encode(exitTime, forKey: .exitTime)
            try c.encode(entryPrice, forKey: .entryPrice)
            try c.encode(exitPrice, forKey: .exitPrice)
            try c.encode(quantity, forKey: .quantity)
            try c.encode(pnl, forKey: .pnl)
            try c.encode(fee, forKey: .fee)
            try c.encode(returnFraction, forKey: .returnFraction)
            try c.encode(bars, forKey: .bars)
            try c.encode(entryOrderId, forKey: .entryOrderId)
            try c.encode(exitOrderId, forKey: .exitOrderId)
            if let exitReason { try c.encode(exitReason, forKey: .exitReason) } else { try c.encodeNil(forKey: .exitReason) }
        }
    }

    public struct OpenPosition: Encodable, Sendable {
        var symbol: String
        var side: String
        var entryTime: String
        var entryPrice: Fixed
        var quantity: Fixed
        var markPrice: Fixed
        var unrealizedPnl: Fixed
        var fee: Fixed
        var entryOrderId: String

        enum CodingKeys: String, CodingKey {
            case symbol, side, entryTime = "entry_time", entryPrice = "entry_price", quantity
            case markPrice = "mark_price", unrealizedPnl = "unrealized_pnl", fee, entryOrderId = "entry_order_id"
        }
    }

    public struct Point: Encodable, Sendable {
        var time: String
        var value: Double
    }

    public struct OrderRow: Encodable, Sendable {
        var clientOrderId: String
        var venueOrderId: String
        var symbol: String
        var side: String
        var type: String
        var timeInForce: String
        var quantity: Fixed
        var quoteQuantity: Fixed?
        var limitPrice: Fixed?
        var stopPrice: Fixed?
        var status: String
        var filledQuantity: Fixed
        var averagePrice: Fixed?
        var fees: Fixed
        var createdAt: String
        var tag: String

        enum CodingKeys: String, CodingKey {
            case clientOrderId = "client_order_id", venueOrderId = "venue_order_id", symbol, side, type
            case timeInForce = "time_in_force", quantity, quoteQuantity = "quote_quantity"
            case limitPrice = "limit_price", stopPrice = "stop_price", status
            case filledQuantity = "filled_quantity", averagePrice = "average_price", fees
            case createdAt = "created_at", tag
        }
    }

    public struct Rejection: Encodable, Sendable {
        var time: String
        var symbol: String
        var clientOrderId: String
        var code: String
        var message: String
        enum CodingKeys: String, CodingKey { case time, symbol, clientOrderId = "client_order_id", code, message }
    }

    /// A risk state change or protective action.
    public struct RiskEventRow: Encodable, Sendable {
        var time: String
        var kind: String
        var from: String
        var to: String
        var code: String
        var reason: String
    }

    /// A protective exit that closed a position.
    public struct ExitRow: Encodable, Sendable {
        var time: String
        var symbol: String
        var reason: String
        var clientOrderId: String
        var side: String
        var quantity: Fixed
        var triggerPrice: Fixed?
        var fillPrice: Fixed
        var breakEven: Bool
        var emulated: Bool
        enum CodingKeys: String, CodingKey {
            case time, symbol, reason, clientOrderId = "client_order_id", side, quantity, triggerPrice = "trigger_price"
            case fillPrice = "fill_price", breakEven = "break_even", emulated
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(time, forKey: .time)
            try c.encode(symbol, forKey: .symbol)
            try c.encode(reason, forKey: .reason)
            try c.encode(clientOrderId, forKey: .clientOrderId)
            try c.encode(side, forKey: .side)
            try c.encode(quantity, forKey: .quantity)
            if let triggerPrice { try c.encode(triggerPrice, forKey: .triggerPrice) } else { try c.encodeNil(forKey: .triggerPrice) }
            try c.encode(fillPrice, forKey: .fillPrice)
            try c.encode(breakEven, forKey: .breakEven)
            try c.encode(emulated, forKey: .emulated)
        }
    }

    /// `engine` is `basic` or `risk_engine`; `final_state` is null with the basic checks; `protective_exits`
    /// lists every stop-loss, take-profit, trailing-stop and time-stop exit with its reason.
    public struct Risk: Encodable, Sendable {
        var engine: String
        var finalState: String?
        var rejections: [Rejection]
        var events: [RiskEventRow]
        var protectiveExits: [ExitRow]
        enum CodingKeys: String, CodingKey {
            case engine, finalState = "final_state", rejections, events, protectiveExits = "protective_exits"
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(engine, forKey: .engine)
            if let finalState { try c.encode(finalState, forKey: .finalState) } else { try c.encodeNil(forKey: .finalState) }
            try c.encode(rejections, forKey: .rejections)
            try c.encode(events, forKey: .events)
            try c.encode(protectiveExits, forKey: .protectiveExits)
        }
    }

    public struct Performance: Encodable, Sendable {
        var elapsedSeconds: Double
        var barsPerSecond: Double
        enum CodingKeys: String, CodingKey { case elapsedSeconds = "elapsed_seconds", barsPerSecond = "bars_per_second" }
    }

    var id: String
    var generatedBy: String
    var configuration: BacktestConfiguration
    var metrics: PerformanceMetrics
    var symbols: [String: SymbolMetrics]
    var trades: [Trade]
    var openPosition: OpenPosition?
    var openPositions: [OpenPosition]
    var equity: [Point]
    var equitySampling: Int
    var orders: [OrderRow]
    var risk: Risk
    var performance: Performance

    enum CodingKeys: String, CodingKey {
        case id, generatedBy = "generated_by", configuration, metrics, symbols, trades
        case openPosition = "open_position", openPositions = "open_positions", equity
        case equitySampling = "equity_sampling_every", orders, risk, performance
    }

    /// Builds the report. Equity curves longer than `maxEquityPoints` keep every k-th point (and the last);
    /// `equity_sampling_every` says k.
    public init(_ result: BacktestResult, maxEquityPoints: Int = 100_000) {
        id = result.id
        generatedBy = "graphwiz"
        configuration = result.configuration
        metrics = result.metrics
        symbols = result.symbolMetrics
        let reasons = result.exitReasons
        trades = result.trades.map {
            Trade(symbol: $0.symbol, side: $0.side == .buy ? "long" : "short", entryTime: UTCTimestamp.iso8601($0.entryTime),
                  exitTime: UTCTimestamp.iso8601($0.exitTime), entryPrice: $0.entryPrice, exitPrice: $0.exitPrice,
                  quantity: $0.quantity, pnl: $0.pnl, fee: $0.fee, returnFraction: $0.returnFraction, bars: $0.bars,
                  entryOrderId: $0.entryOrderId, exitOrderId: $0.exitOrderId, exitReason: reasons[$0.exitOrderId]?.rawValue)
        }
        openPositions = result.openPositions.map {
            OpenPosition(symbol: $0.symbol, side: $0.side == .buy ? "long" : "short",
                         entryTime: UTCTimestamp.iso8601($0.entryTime), entryPrice: $0.entryPrice, quantity: $0.quantity,
                         markPrice: $0.markPrice, unrealizedPnl: $0.unrealizedPnl, fee: $0.fee,
                         entryOrderId: $0.entryOrderId)
        }
        openPosition = openPositions.first
        let every = Swift.max(1, (result.equity.count + maxEquityPoints - 1) / maxEquityPoints)
        equitySampling = every
        var points: [Point] = []
        points.reserveCapacity(result.equity.count / every + 1)
        for (i, p) in result.equity.enumerated() where i % every == 0 || i == result.equity.count - 1 {
            points.append(Point(time: UTCTimestamp.iso8601(p.time), value: p.value))
        }
        equity = points
        orders = result.orders.map {
            OrderRow(clientOrderId: $0.request.clientOrderId, venueOrderId: $0.venueOrderId, symbol: $0.request.symbol,
                     side: $0.request.side.rawValue, type: $0.request.type.rawValue,
                     timeInForce: $0.request.timeInForce.rawValue, quantity: $0.request.quantity,
                     quoteQuantity: $0.request.quoteQuantity, limitPrice: $0.request.limitPrice,
                     stopPrice: $0.request.stopPrice, status: $0.status.rawValue, filledQuantity: $0.filledQuantity,
                     averagePrice: $0.averageFillPrice, fees: $0.fees, createdAt: UTCTimestamp.iso8601($0.createdAt),
                     tag: $0.request.tag)
        }
        risk = Risk(
            engine: result.configuration.risk == nil ? "basic" : "risk_engine",
            finalState: result.riskState?.rawValue,
            rejections: result.rejections.map {
                Rejection(time: UTCTimestamp.iso8601($0.time), symbol: $0.symbol, clientOrderId: $0.clientOrderId,
                          code: $0.code, message: $0.message)
            },
            events: result.riskEvents.map {
                RiskEventRow(time: UTCTimestamp.iso8601($0.time), kind: $0.kind.rawValue, from: $0.from.rawValue,
                             to: $0.to.rawValue, code: $0.code, reason: $0.reason)
            },
            protectiveExits: result.protectiveExits.map {
                ExitRow(time: UTCTimestamp.iso8601($0.time), symbol: $0.symbol, reason: $0.reason.rawValue,
                        clientOrderId: $0.clientOrderId, side: $0.side.rawValue, quantity: $0.quantity,
                        triggerPrice: $0.triggerPrice, fillPrice: $0.fillPrice, breakEven: $0.breakEven, emulated: $0.emulated)
            })
        performance = Performance(elapsedSeconds: result.elapsedSeconds, barsPerSecond: result.barsPerSecond)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(generatedBy, forKey: .generatedBy)
        try c.encode(configuration, forKey: .configuration)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(symbols, forKey: .symbols)
        try c.encode(trades, forKey: .trades)
        // Always present: null when the run ended flat.
        if let openPosition { try c.encode(openPosition, forKey: .openPosition) } else { try c.encodeNil(forKey: .openPosition) }
        try c.encode(openPositions, forKey: .openPositions)
        try c.encode(equity, forKey: .equity)
        try c.encode(equitySampling, forKey: .equitySampling)
        try c.encode(orders, forKey: .orders)
        try c.encode(risk, forKey: .risk)
        try c.encode(performance, forKey: .performance)
    }

    /// Pretty, key-sorted JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }
}
