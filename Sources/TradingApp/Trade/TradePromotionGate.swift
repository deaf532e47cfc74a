import ArgumentParser
import Foundation
import GraphwizConfig
import Logging
import TradingCore

/// The paper-to-live promotion gate as `trade --mode live` and `serve --mode live` ask it: the strategy's allowed capital fraction
/// scales the session's sizing, a strategy still on paper is refused with the gate's reason, and
/// `--skip-promotion-gate` (testnets) trades full size with a loud warning.
struct TradePromotionGate {
    /// `--skip-promotion-gate`.
    var skip: Bool
    /// The database whose `promotion-state.json` sits beside it.
    var databasePath: String
    /// `--config` (its `risk.promotion` criteria), nil for the built-in criteria.
    var config: String?
    /// The process environment (config interpolation).
    var environment: [String: String]
    /// Criteria already loaded (`serve` passes its configuration's `risk.promotion`); when nil they come from
    /// `config`, or the built-in ones.
    var criteria: PromotionCriteria? = nil

    /// The sizing allowed for `strategy`: `sizing` scaled by the allowed fraction.
    /// - Throws: `ValidationError` with the gate's reason when the strategy may not trade live.
    func sizing(strategy: String, _ sizing: PositionSizing, announce: (String) -> Void) throws -> PositionSizing {
        if skip {
            let warning = "WARNING: --skip-promotion-gate: \(strategy) trades live at FULL size without a promotion record "
                + "(meant for testnets and fake venues only)"
            announce(warning)
            Logger(label: "graphwiz.trade").critical("\(warning)")
            return sizing
        }
        let criteria: PromotionCriteria
        if let loaded = self.criteria {
            criteria = loaded
        } else if let config {
            do {
                criteria = try ConfigLoader(environment: ConfigLoader.environment(process: environment)).load(file: config).risk.promotion
            } catch {
                throw ValidationError("--config: " + error.report(source: config).joined(separator: "\n"))
            }
        } else {
            criteria = PromotionCriteria()
        }
        switch try PromotionStore(databasePath: databasePath).allowedCapital(strategy: strategy, criteria: criteria) {
        case let .refused(reason):
            throw ValidationError("promotion gate refused live trading: \(reason); nothing was sent "
                + "(--skip-promotion-gate bypasses it on testnets)")
        case let .allowed(fraction):
            announce("promotion gate: \(strategy) may commit \(fraction) of its capital; sizing \(sizing) becomes "
                + "\(sizing.scaled(by: fraction))")
            return sizing.scaled(by: fraction)
        }
    }
}
