import Metrics
import TradingModel

/// Publishes the risk gauges the service samples periodically (never per bar in backtests):
/// `graphwiz_risk_state` (0 ACTIVE, 1 REDUCING, 2 HALTED), `graphwiz_risk_exposure_ratio` (gross exposure /
/// equity), and `graphwiz_risk_var_ratio{method,confidence}` / `graphwiz_risk_cvar_ratio{method,confidence}`
/// (one-period loss fractions).
public struct RiskMetricsPublisher: Sendable {
    /// Metrics backend; nil uses the process-wide `MetricsSystem` factory.
    public let factory: (any MetricsFactory)?

    /// A publisher to `factory` (nil: the bootstrapped factory).
    public init(factory: (any MetricsFactory)? = nil) { self.factory = factory }

    /// The gauge value of a state.
    public static func value(of state: TradingState) -> Double {
        switch state {
        case .active: return 0
        case .reducing: return 1
        case .halted: return 2
        }
    }

    /// Sets every gauge from explicit figures.
    public func publish(state: TradingState, exposureRatio: Double, measures: [RiskMeasure]) {
        gauge("graphwiz_risk_state").record(Self.value(of: state))
        gauge("graphwiz_risk_exposure_ratio").record(exposureRatio.isFinite ? exposureRatio : 0)
        for m in measures {
            let dimensions = [("method", m.method.rawValue), ("confidence", Self.confidenceLabel(m.confidence))]
            gauge("graphwiz_risk_var_ratio", dimensions).record(m.valueAtRisk)
            gauge("graphwiz_risk_cvar_ratio", dimensions).record(m.expectedShortfall)
        }
    }

    /// Sets every gauge from the engine's state, the portfolio's gross exposure over equity, and VaR / CVaR
    /// of `equityCurve` (every method at 95% and 99%; none with fewer than three points).
    public func publish(state: TradingState, portfolio: Portfolio, equityCurve: [Double]) {
        let equity = portfolio.equity
        let ratio = equity.isPositive ? portfolio.grossExposure.doubleValue / equity.doubleValue : 0
        let returns = ValueAtRisk.returns(equityCurve)
        let measures = returns.count >= 2 ? ValueAtRisk.all(returns) : []
        publish(state: state, exposureRatio: ratio, measures: measures)
    }

    /// `0.95` -> `0.95`: the confidence rounded to hundredths, as Prometheus label text.
    static func confidenceLabel(_ c: Double) -> String { "\((c * 100).rounded() / 100)" }

    private func gauge(_ label: String, _ dimensions: [(String, String)] = []) -> Gauge {
        if let factory { return Gauge(label: label, dimensions: dimensions, factory: factory) }
        return Gauge(label: label, dimensions: dimensions)
    }
}
