import TradingModel

extension RiskEngine {
    /// Tracks equity peak and start-of-day equity, feeds the correlation window, and applies the daily loss
    /// limit (ACTIVE -> REDUCING until the next UTC day) and the max drawdown (-> HALTED, cancel all and,
    /// with `flatten_on_halt`, flatten).
    public mutating func evaluate(_ context: RiskBarContext, actions: inout [RiskAction]) {
        let portfolio = context.portfolio
        if correlation == nil {
            correlation = RollingCorrelation(instruments: portfolio.instruments.count, window: limits.correlationWindow)
        }
        correlation!.record(context.instrument, price: portfolio.marks[context.instrument].doubleValue)
        noteBarTime(context.time)
        let equity = portfolio.equity
        if !startedFlag {
            startedFlag = true
            previousEquity = portfolio.initialCash
            peakEquity = portfolio.initialCash
        }
        let day = Self.utcDay(context.time)
        if day != currentEquityDay {
            currentEquityDay = day
            // The equity at the previous close is the equity at the start of this day.
            dayStartEquity = previousEquity
            if state == .reducing {
                transition(to: .active, code: "new_day", reason: "a new UTC day started; the daily loss limit is reset",
                           time: context.time)
            }
        }
        previousEquity = equity
        if equity > peakEquity { peakEquity = equity }
        guard state != .halted else { return }
        if peakEquity.isPositive, peakEquity - equity >= Fixed(limits.maxDrawdown) * peakEquity {
            let reason = "equity \(equity) is \(fraction(peakEquity - equity, of: peakEquity)) below the peak \(peakEquity), reaching the max drawdown \(limits.maxDrawdown)"
            transition(to: .halted, code: "max_drawdown", reason: reason, time: context.time)
            record(.cancelAll, code: "max_drawdown", reason: "emergency shutdown: every working order is canceled", time: context.time)
            actions.append(.cancelAll(reason: reason))
            if limits.flattenOnHalt {
                record(.flatten, code: "max_drawdown", reason: "emergency shutdown: every open position is closed at market", time: context.time)
                actions.append(.flatten(reason: reason))
            }
            return
        }
        if state == .active, dayStartEquity.isPositive,
           dayStartEquity - equity >= Fixed(limits.dailyLossLimit) * dayStartEquity {
            let reason = "equity \(equity) is \(fraction(dayStartEquity - equity, of: dayStartEquity)) below the start-of-day equity \(dayStartEquity), reaching the daily loss limit \(limits.dailyLossLimit); only exposure-reducing orders until the next UTC day"
            transition(to: .reducing, code: "daily_loss", reason: reason, time: context.time)
        }
    }

    /// Raises the equity peak when a fill (or its fee) moved equity.
    public mutating func onFill(_ fill: Fill, instrument: Int, portfolio: Portfolio) {
        let equity = portfolio.equity
        if startedFlag && equity > peakEquity { peakEquity = equity }
    }

    private mutating func record(_ kind: RiskEvent.Kind, code: String, reason: String, time: Int64) {
        events.append(RiskEvent(time: time, kind: kind, from: state, to: state, code: code, reason: reason))
    }

    private func fraction(_ part: Money, of whole: Money) -> String {
        "\((part.doubleValue / whole.doubleValue * 10_000).rounded() / 100)%"
    }
}
