import TradingModel

/// One live update pushed to WebSocket clients as `{"type": ..., "data": ...}`.
public enum ControlUpdate: Sendable, Hashable {
    /// A fill happened.
    case fill(Fill)
    /// An order changed state.
    case order(Order)
    /// A new equity sample.
    case equity(EquityPoint)
    /// An alert fired.
    case alert(AlertMessage)
    /// The risk state changed (halt, resume, limit tripped).
    case risk(RiskStatus)

    /// The `type` field of the wire message.
    public var type: String {
        switch self {
        case .fill: "fill"
        case .order: "order"
        case .equity: "equity"
        case .alert: "alert"
        case .risk: "risk"
        }
    }
}

extension ControlUpdate: Encodable {
    enum CodingKeys: String, CodingKey { case type, data }

    /// `{"type": "fill", "data": {...}}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        switch self {
        case .fill(let fill): try c.encode(fill, forKey: .data)
        case .order(let order): try c.encode(order, forKey: .data)
        case .equity(let point): try c.encode(point, forKey: .data)
        case .alert(let alert): try c.encode(alert, forKey: .data)
        case .risk(let status): try c.encode(status, forKey: .data)
        }
    }
}

/// An alert as pushed to the dashboard.
public struct AlertMessage: Sendable, Hashable, Codable {
    /// Unix ms.
    public var time: Int64
    /// `info`, `warning` or `critical`.
    public var severity: String
    /// Rule name, e.g. `drawdown`.
    public var rule: String
    /// Human text.
    public var message: String

    /// An alert.
    public init(time: Int64, severity: String, rule: String, message: String) {
        self.time = time
        self.severity = severity
        self.rule = rule
        self.message = message
    }
}
