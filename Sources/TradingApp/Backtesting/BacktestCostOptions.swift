import ArgumentParser
import Backtest
import Simulation
import TradingCore
import TradingModel

/// Fees, slippage, fills, sizing and cash: how a backtest or sweep trades.
struct BacktestCostOptions: ParsableArguments {
    @Option(help: "Taker fee rate (0.001 = 0.1%).")
    var fee = "0.001"

    @Option(help: "Maker fee rate (default: same as --fee).")
    var makerFee: String?

    @Flag(help: "Charge a buy's fee in the base asset it delivers, like Binance (default: every fee in quote).")
    var buyFeeInBase = false

    @Option(help: "Fixed adverse slippage on taker fills, in basis points.")
    var slippageBps = 0.0

    @Option(help: "Extra adverse slippage per unit of bar-volume participation (e.g. 0.1).")
    var volumeImpact = 0.0

    @Option(help: "At most this share of a bar's volume fills per bar (partial fills), e.g. 0.1.")
    var maxParticipation: Double?

    @Option(help: "Fill model: next-open (orders decided on bar t fill at bar t+1's open) or close.")
    var fill = "next-open"

    @Option(help: "Position sizing: all-in, fraction:X (0<X<=1 of equity), fixed:Q (base quantity), vol-target:X:atr|stdev:N, half-kelly:CAP or risk-per-trade:R:STOP.")
    var sizing = "all-in"

    @Flag(help: "Allow short positions.")
    var allowShort = false

    @Option(help: "Starting cash in quote currency.")
    var cash = "10000"

    /// The matching configuration, validated with messages naming the option.
    func matching() throws -> MatchingConfig {
        guard let taker = Fixed(fee), !taker.isNegative, taker < Fixed(1) else {
            throw ValidationError("--fee must be a rate in [0, 1), e.g. 0.001 for 0.1%; got '\(fee)'")
        }
        let makerText = makerFee ?? fee
        guard let maker = Fixed(makerText), maker < Fixed(1), maker > Fixed(-1) else {
            throw ValidationError("--maker-fee must be a rate in (-1, 1), got '\(makerText)'")
        }
        guard let mode = FillMode(rawValue: fill) else {
            throw ValidationError("--fill must be next-open or close, got '\(fill)'")
        }
        guard slippageBps >= 0, slippageBps.isFinite else { throw ValidationError("--slippage-bps must be >= 0, got \(slippageBps)") }
        guard volumeImpact >= 0, volumeImpact.isFinite else { throw ValidationError("--volume-impact must be >= 0, got \(volumeImpact)") }
        if let p = maxParticipation, !(p > 0 && p <= 1) {
            throw ValidationError("--max-participation must be in (0, 1], got \(p)")
        }
        let config = MatchingConfig(fillMode: mode, fees: FeeModel(makerRate: maker, takerRate: taker, buyFeeInBase: buyFeeInBase),
                                    slippage: SlippageModel(fixedBps: slippageBps, volumeImpact: volumeImpact),
                                    maxVolumeParticipation: maxParticipation)
        do { try config.validate() } catch { throw ValidationError("\(error)") }
        return config
    }

    func positionSizing() throws -> PositionSizing {
        guard let value = PositionSizing(sizing) else {
            throw ValidationError("--sizing must be \(PositionSizing.syntax); got '\(sizing)'")
        }
        return value
    }

    func initialCash() throws -> Money {
        guard let value = Fixed(cash), value.isPositive else { throw ValidationError("--cash must be a positive amount, got '\(cash)'") }
        return value
    }
}
