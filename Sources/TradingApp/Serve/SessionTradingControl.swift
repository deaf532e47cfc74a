import Foundation
import TradingAPI
import TradingCore
import TradingModel

/// The real ``TradingControl`` of `graphwiz serve`: every call reads or commands the running trading sessions.
///
/// Reads aggregate the sessions' snapshots (cash, equity, positions, orders in quote currency); orders are routed
/// to the session trading their symbol and pass its risk engine; strategies are the sessions (id = session id);
/// the kill switch halts every session. Fills arrive through ``pump()``, which forwards every session update to
/// the API's WebSocket subscribers. Backtests are queued and run one at a time like
/// ``InMemoryTradingControl`` does (it is reused for the queue).
public actor SessionTradingControl: TradingControl {
    /// One session as the API sees it.
    public struct Entry: Sendable {
        /// The session.
        public var session: any TradingSessionControl
        /// Registry name of its strategy.
        public var strategy: String
        /// Symbols it trades.
        public var symbols: [String]
        /// Its strategy's declared parameters (for ranges and types).
        public var space: ParameterSpace

        /// An entry.
        public init(session: any TradingSessionControl, strategy: String, symbols: [String], space: ParameterSpace) {
            self.session = session
            self.strategy = strategy
            self.symbols = symbols
            self.space = space
        }
    }

    /// Extra component health (store, graph, alerts) reported next to the sessions' own.
    public typealias HealthProbe = @Sendable () async -> [ComponentHealth]

    let entries: [Entry]
    var limits: [String: Double]
    var configurationYAML: String
    let probe: HealthProbe
    let now: @Sendable () -> Int64
    let backtestQueue: InMemoryTradingControl
    let broadcaster: UpdateBroadcaster
    var recentFills: [Fill] = []
    var stateChangedAt: Int64
    var haltReason = "started"
    var operatorHalt = false
    var pumpsRunning = 0
    var sessionStreams: [AsyncStream<SessionUpdate>]?
    var latestEquity: [Money]
    var equityPeak = Money.zero

    /// Fills kept for ``trades(limit:)``.
    public static let fillMemory = 2_000

    /// A control over `entries`.
    /// - Parameters:
    ///   - limits: risk limits shown by ``riskStatus()`` by name.
    ///   - configurationYAML: what ``redactedConfiguration()`` returns (already redacted).
    ///   - health: extra components' health.
    ///   - backtestRunner: runs submitted backtests (one at a time).
    ///   - updateBuffer: undelivered updates each subscriber keeps before the oldest are dropped (slow clients).
    public init(entries: [Entry], limits: [String: Double], configurationYAML: String,
                health: @escaping HealthProbe = { [] }, updateBuffer: Int = 256,
                now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) },
                backtestRunner: @escaping InMemoryTradingControl.BacktestRunner) {
        self.entries = entries
        self.broadcaster = UpdateBroadcaster(buffer: updateBuffer)
        self.limits = limits
        self.configurationYAML = configurationYAML
        self.probe = health
        self.now = now
        self.stateChangedAt = now()
        self.latestEquity = Array(repeating: .zero, count: entries.count)
        var symbols: [String] = []
        for entry in entries { for symbol in entry.symbols where !symbols.contains(symbol) { symbols.append(symbol) } }
        let statuses = entries.map { Self.status(of: $0, parameters: $0.space.defaults, running: true) }
        self.backtestQueue = InMemoryTradingControl(
            cash: .zero, instruments: symbols.map { (Instrument(symbol: $0), Fixed(1)) }, strategies: statuses,
            configurationYAML: configurationYAML, now: now, backtestRunner: backtestRunner)
    }

    /// Every session's snapshot, in entry order.
    func snapshots() async -> [SessionSnapshot] {
        var result: [SessionSnapshot] = []
        result.reserveCapacity(entries.count)
        for entry in entries { result.append(await entry.session.snapshot()) }
        return result
    }

    /// Publishes an alert (from the alert center) to the WebSocket subscribers.
    public nonisolated func publish(alert: AlertMessage) { broadcaster.publish(.alert(alert)) }

    public nonisolated func updates() -> AsyncStream<ControlUpdate> { broadcaster.subscribe() }

    public func decisions(limit: Int) -> [AgentDecision] {
        // The sessions run rule-based strategies only; no agent decides anything yet.
        []
    }

    public func redactedConfiguration() -> RedactedConfiguration { RedactedConfiguration(yaml: configurationYAML) }

    /// The limits ``riskStatus()`` shows, by config key.
    public static func shownLimits(_ risk: RiskLimits) -> [String: Double] {
        ["max_drawdown": risk.maxDrawdown, "max_position_fraction": risk.maxPositionFraction,
         "daily_loss_limit": risk.dailyLossLimit, "max_gross_exposure": risk.maxGrossExposure]
    }

    /// After a config reload: the risk status shows the new limits and the config endpoint the new (redacted) file.
    public func reloaded(limits risk: RiskLimits, configurationYAML: String) {
        limits = Self.shownLimits(risk)
        self.configurationYAML = configurationYAML
    }
}
