import TradingModel

/// What a trading session pushes to its subscribers (the API's WebSocket): fills and the positions they leave,
/// order changes, equity after every bar, alerts, reconciliation reports and the decisions (signal and risk
/// verdict) behind order requests.
public enum SessionUpdate: Sendable, Hashable, Codable {
    /// A fill applied to the ledger.
    case fill(Fill)
    /// The ledger's position of the fill's symbol right after `fill` was applied (quantity, average entry,
    /// realized P&L, fees in the base asset deducted); published right after that fill's ``fill(_:)``.
    case position(Position, fill: Fill)
    /// An order's new state.
    case order(Order)
    /// Equity after a bar (Unix ms, quote currency).
    case equity(time: Int64, value: Money)
    /// Something an operator should see.
    case alert(SessionAlert)
    /// The result of a reconciliation (start, reconnect).
    case reconciliation(ReconciliationReport)
    /// A signal and the risk layer's verdict on it, published before the approved order's own updates.
    case decision(SessionDecision)
}

/// An operator-facing message of a session.
public struct SessionAlert: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How urgent.
    public enum Severity: String, Sendable, Hashable, Codable { case info, warning, critical }
    public var severity: Severity
    /// Stable machine code, e.g. `order_rejected`, `halted`, `reconnected`.
    public var code: String
    public var message: String
    public var time: Int64

    public init(severity: Severity, code: String, message: String, time: Int64) {
        self.severity = severity
        self.code = code
        self.message = message
        self.time = time
    }

    public var description: String { "[\(severity.rawValue)] \(code): \(message)" }
}
