import TradingCore
import TradingModel

/// One step of a live or paper trading decision, as the trader hands it to the ``ProvenanceWriter``.
///
/// Ids follow the backtest decision graph: a signal, its risk check and the order it became share the client
/// order id; a fill is `<client order id>/<trade id>`.
public enum ProvenanceRecord: Sendable, Hashable {
    /// A strategy signal with the indicator values behind it: `(Strategy)-[:GENERATED]->(Signal)`.
    case signal(SignalRecord)
    /// An agent's view on a signal: `(Signal)-[:BASED_ON]->(AgentDecision)`.
    case agentDecision(AgentDecisionRecord)
    /// The risk engine's answer: `(Signal)-[:APPROVED_BY|REJECTED_BY]->(RiskCheck)`.
    case riskCheck(RiskCheckRecord)
    /// An order (new or updated): `(Strategy)-[:PLACED]->(Order)-[:BASED_ON]->(Signal)`.
    case order(OrderRecord)
    /// An execution: `(Order)-[:FILLED_BY]->(Fill)`.
    case fill(Fill)
    /// The position after a fill: `(Fill)-[:UPDATED]->(Position)`, `(Position)-[:OPENED_BY|CLOSED_BY]->(Order)`.
    case position(PositionRecord)
}

/// A strategy signal.
public struct SignalRecord: Sendable, Hashable {
    /// The client order id the signal leads to (or would have).
    public var id: String
    /// The strategy that generated it.
    public var strategy: String
    /// The market symbol.
    public var symbol: String
    /// The order side it asks for (nil when unknown).
    public var side: OrderSide?
    /// The strategy's reason tag (`golden_cross`, `exit`).
    public var tag: String
    /// Unix ms.
    public var time: Int64
    /// Indicator values at the signal, stored as `ind_<name>` properties (non-finite values are left out).
    public var indicators: [String: Double]
    /// The market data the signal was generated on: the symbol's last closed bar, stored as `bar_time`,
    /// `bar_open`, `bar_high`, `bar_low`, `bar_close` and `bar_volume` (nil: none known).
    public var bar: Bar?

    /// A signal record.
    public init(id: String, strategy: String, symbol: String, side: OrderSide?, tag: String, time: Int64,
                indicators: [String: Double] = [:], bar: Bar? = nil) {
        self.id = id
        self.strategy = strategy
        self.symbol = symbol
        self.side = side
        self.tag = tag
        self.time = time
        self.indicators = indicators
        self.bar = bar
    }
}

/// An agent's decision about a signal.
public struct AgentDecisionRecord: Sendable, Hashable {
    /// Unique id of the decision (e.g. `<signal id>/<agent>`).
    public var id: String
    /// The signal the decision is about.
    public var signalId: String
    /// The agent name (e.g. `technical`, `risk`).
    public var agent: String
    /// `buy`, `sell`, `hold`, `approve`, `veto` or the agent's own word.
    public var action: String
    /// Why, in the agent's words.
    public var rationale: String
    /// 0 to 1.
    public var confidence: Double
    /// Unix ms.
    public var time: Int64

    /// An agent decision record.
    public init(id: String, signalId: String, agent: String, action: String, rationale: String, confidence: Double,
                time: Int64) {
        self.id = id
        self.signalId = signalId
        self.agent = agent
        self.action = action
        self.rationale = rationale
        self.confidence = confidence
        self.time = time
    }
}

/// The risk engine's answer to a signal.
public struct RiskCheckRecord: Sendable, Hashable {
    /// The signal checked.
    public var signalId: String
    /// True when the risk engine approved it.
    public var passed: Bool
    /// Rejection code and message (nil when passed).
    public var code: String?
    /// Rejection message.
    public var reason: String?
    /// Unix ms.
    public var time: Int64
    /// Unix ms by the trader's clock when that differs from `time` (a session stores the bar time as `time`),
    /// stored as `decided_at`; nil: not stored.
    public var decidedAt: Int64?

    /// A risk check record.
    public init(signalId: String, passed: Bool, code: String? = nil, reason: String? = nil, time: Int64,
                decidedAt: Int64? = nil) {
        self.signalId = signalId
        self.passed = passed
        self.code = code
        self.reason = reason
        self.time = time
        self.decidedAt = decidedAt
    }

    /// A refusal from the risk layer.
    public init(rejection: RiskRejection) {
        self.init(signalId: rejection.clientOrderId, passed: false, code: rejection.code, reason: rejection.message,
                  time: rejection.time)
    }
}

/// An order and the strategy that placed it.
public struct OrderRecord: Sendable, Hashable {
    /// The order as it is now (write it again on every update).
    public var order: Order
    /// The strategy that placed it.
    public var strategy: String
    /// The signal it is based on (default: the client order id).
    public var signalId: String

    /// An order record.
    public init(order: Order, strategy: String, signalId: String? = nil) {
        self.order = order
        self.strategy = strategy
        self.signalId = signalId ?? order.request.clientOrderId
    }
}

/// A position after a fill.
public struct PositionRecord: Sendable, Hashable {
    /// Stable for one open-to-flat life of the position: see ``id(runId:symbol:openedAt:)``.
    public var id: String
    /// The position after the update.
    public var position: Position
    /// Unix ms of the update.
    public var time: Int64
    /// The fill that changed it, as `<client order id>/<trade id>`, if any.
    public var fillId: String?
    /// The order that opened it (first fill) or closed it (now flat).
    public var orderId: String?

    /// A position record.
    public init(id: String, position: Position, time: Int64, fillId: String? = nil, orderId: String? = nil) {
        self.id = id
        self.position = position
        self.time = time
        self.fillId = fillId
        self.orderId = orderId
    }

    /// `<run id>/<symbol>/<opened at>`.
    public static func id(runId: String, symbol: String, openedAt: Int64) -> String { "\(runId)/\(symbol)/\(openedAt)" }
}
