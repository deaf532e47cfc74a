/// The alert rules. The raw value is the alert name, identical to the `alert:` names in
/// `deploy/prometheus/alerts.yml`, so notifications from the service and from Alertmanager agree.
public enum AlertRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Drawdown from the equity peak reached `max_drawdown`.
    case drawdown = "GraphwizDrawdownHigh"
    /// Loss since the start of the day reached `max_daily_loss`.
    case dailyLoss = "GraphwizDailyLossHigh"
    /// Gross exposure reached `max_gross_exposure`.
    case exposure = "GraphwizExposureHigh"
    /// A venue connection has been down for at least `exchange_disconnected_s` seconds.
    case exchangeDisconnected = "GraphwizExchangeDisconnected"
    /// More than `max_rejections` order rejections in the rejection window.
    case orderRejections = "GraphwizOrderRejections"

    /// The severity every notification of this rule carries.
    public var severity: AlertSeverity {
        switch self {
        case .drawdown, .dailyLoss, .exchangeDisconnected: .critical
        case .exposure, .orderRejections: .warning
        }
    }
}
