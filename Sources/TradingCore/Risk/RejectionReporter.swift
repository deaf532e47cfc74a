import Logging
import Metrics

/// Logs and counts every refused order: one log line with code, symbol and client order id, and
/// `graphwiz_trading_rejections_total{reason=<code>}` incremented. Only the rare rejection path pays for it.
public struct RejectionReporter: Sendable {
    /// The counter's label.
    public static let counterLabel = "graphwiz_trading_rejections_total"
    /// Metrics backend; nil uses the process-wide `MetricsSystem` factory.
    public let factory: (any MetricsFactory)?
    /// Where the lines go.
    public let logger: Logger
    /// Level of the lines (`debug` in backtests, where rejections are in the report anyway).
    public let level: Logger.Level

    /// A reporter to `logger` at `level`, counting with `factory` (nil: the bootstrapped factory).
    public init(factory: (any MetricsFactory)? = nil, logger: Logger = Logger(label: "graphwiz.risk"),
                level: Logger.Level = .warning) {
        self.factory = factory
        self.logger = logger
        self.level = level
    }

    /// Logs and counts one rejection.
    public func report(_ rejection: RiskRejection) {
        logger.log(level: level, "order rejected: \(rejection.message)", metadata: [
            "code": .string(rejection.code), "symbol": .string(rejection.symbol),
            "client_order_id": .string(rejection.clientOrderId),
        ])
        let dimensions = [("reason", rejection.code)]
        if let factory {
            Counter(label: Self.counterLabel, dimensions: dimensions, factory: factory).increment()
        } else {
            Counter(label: Self.counterLabel, dimensions: dimensions).increment()
        }
    }
}
