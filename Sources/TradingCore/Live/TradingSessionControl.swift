import TradingModel

/// What the HTTP API and the service see of a running session, independent of its strategy type.
public protocol TradingSessionControl: Sendable {
    /// The session id.
    var sessionId: String { get }
    /// A consistent snapshot.
    func snapshot() async -> SessionSnapshot
    /// Places an operator's order through the same risk checks as the strategy's; returns its client order id.
    func place(_ request: OrderRequest) async throws(SessionError) -> String
    /// Requests a cancel of a working order.
    func cancel(clientOrderId: String) async throws(SessionError)
    /// Operator kill switch: cancels working orders and refuses everything but reduce-only orders.
    func halt(reason: String) async
    /// Lifts an operator halt.
    func resume(reason: String) async
    /// Lets bars reach the strategy again.
    func startStrategy() async
    /// Stops the strategy from trading (bars still mark the ledger and risk still runs).
    func stopStrategy() async
    /// Changes strategy parameters (validated against the strategy's space; the new instance is warmed up on
    /// recent bars). Returns the parameters now in force.
    func updateParameters(_ values: [String: ParameterValue]) async throws(SessionError) -> ParameterValues
    /// Feeds correlations from outside (the knowledge graph) to the session's risk engine; false when the session
    /// has no risk engine yet or none to update.
    func updateCorrelations(symbols: [String], matrix: [[Double]], asOf: Int64) async throws(CorrelationInputError) -> Bool
    /// Replaces the risk limits while running (validated; on error nothing changes). Returns the changed keys.
    func updateRiskLimits(_ limits: RiskLimits) async throws(SessionError) -> [String]
    /// Updates pushed from now on; the stream ends when the session ends.
    func updates() async -> AsyncStream<SessionUpdate>
    /// Ends the session gracefully (orders canceled or kept per configuration).
    func stop() async
}

/// Why a session command was refused, with what to do.
public enum SessionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The risk layer refused the order.
    case rejected(RiskRejection)
    /// No bar has arrived yet, so the ledger has no prices.
    case notReady(String)
    /// The order is not known or not working.
    case unknownOrder(String)
    /// Bad parameters.
    case invalidParameters(String)
    /// The session is halted or stopping.
    case unavailable(String)
    /// The journal or the venue failed.
    case failed(String)

    public var description: String {
        switch self {
        case let .rejected(rejection): return "order refused: \(rejection.code): \(rejection.message)"
        case let .notReady(message), let .unknownOrder(message), let .invalidParameters(message),
             let .unavailable(message), let .failed(message):
            return message
        }
    }
}

/// The lifecycle calls of a session, for the drivers (`graphwiz trade`, `graphwiz serve`).
public protocol TradingSessionLifecycle: TradingSessionControl {
    /// Looks up instruments and reconciles the journal with the venue; call once before ``run()``.
    func start() async throws(SessionError) -> ReconciliationReport
    /// Runs until stopped (or the feed ended, when configured).
    func run() async throws(SessionError)
    /// Flushes the journal.
    func flush() async throws
}
