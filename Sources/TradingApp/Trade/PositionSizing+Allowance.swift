import TradingCore
import TradingModel

extension PositionSizing {
    /// The sizing that commits `fraction` (0...1) of what this one would: the promotion gate's capital
    /// allowance applied to a live session. `all-in` becomes `fraction:<fraction>`.
    func scaled(by fraction: Double) -> PositionSizing {
        switch self {
        case .allIn: return .fraction(fraction)
        case let .fraction(x): return .fraction(x * fraction)
        case let .fixed(quantity): return .fixed(quantity * (Fixed(fraction.description) ?? .zero))
        case let .volatilityTarget(target, measure, period): return .volatilityTarget(target * fraction, measure: measure, period: period)
        case let .halfKelly(cap): return .halfKelly(cap: cap * fraction)
        case let .riskPerTrade(risk, stop): return .riskPerTrade(risk * fraction, stop: stop)
        }
    }
}
