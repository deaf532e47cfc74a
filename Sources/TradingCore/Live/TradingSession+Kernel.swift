import Logging
import TradingModel

extension TradingSession {
    /// Builds the kernel on the first bar: the ledger starts from the venue's balances (quote cash, base
    /// holdings valued at the first bar's close for its instrument) and adopts the orders still open.
    func buildKernel(firstBar: Bar, instrument first: Int) async {
        var balances: [Balance] = []
        do { balances = try await exchange.balances() } catch {
            alert(.warning, "balances_failed", "\(exchange.name): balances unavailable, starting from zero: \(error)")
        }
        let quote = instruments.first?.quote ?? "USDT"
        let cash = balances.first { $0.asset == quote }?.total ?? .zero
        var holdings: [(Int, Quantity, Price)] = []
        for (index, instrument) in instruments.enumerated() {
            guard let held = balances.first(where: { $0.asset == instrument.base })?.total, held.isPositive else { continue }
            holdings.append((index, held, index == first ? Fixed(firstBar.close) : .zero))
        }
        let heldValue = holdings.reduce(Money.zero) { $0 + $1.1 * $1.2 }
        var portfolio = Portfolio(instruments: instruments, cash: cash + heldValue)
        for (index, quantity, price) in holdings {
            portfolio.apply(Fill(tradeId: "opening-balance", clientOrderId: "", venueOrderId: "",
                                 symbol: instruments[index].symbol, side: .buy, price: price, quantity: quantity,
                                 fee: .zero, liquidity: .taker, time: firstBar.time), instrument: index)
        }
        var risk: (any RiskHook)?
        if let limits = configuration.riskLimits {
            do { risk = try RiskEngine(limits: limits, allowShort: configuration.allowShort) } catch {
                alert(.critical, "risk_limits_invalid", "\(error); running the basic checks only")
            }
        }
        var built = TradingKernel(strategy: strategy, portfolio: portfolio, sizing: configuration.sizing,
                                  allowShort: configuration.allowShort, risk: risk, idPrefix: configuration.idPrefix,
                                  exits: configuration.exits, venue: exchange.capabilities)
        for order in adoptedOrders { built.adopt(order) }
        adoptedOrders.removeAll()
        slot = KernelSlot(built)
        logger.info("session started", metadata: [
            "session": "\(sessionId)", "venue": "\(exchange.name)", "strategy": "\(strategyName)",
            "cash": "\(cash) \(quote)", "parameters": "\(parameters.summary)",
        ])
    }

    /// The journal's orders with these ids, as the execution engine tracks them (their fills count as applied).
    func journaledOrders(_ ids: [String]) async throws(SessionError) -> [Order] {
        var orders: [Order] = []
        for id in ids {
            do {
                if let entry = try await journal.order(clientOrderId: id) {
                    orders.append(entry.order)
                    // The adopted order carries these fills already; the stream must not apply them again.
                    for fill in entry.fills { _ = appliedFills.insert(fill) }
                }
            } catch {
                throw .failed("reading journaled order \(id) failed: \(error)")
            }
        }
        return orders
    }

    /// Logs an alert and pushes it to subscribers.
    func alert(_ severity: SessionAlert.Severity, _ code: String, _ message: String) {
        let alert = SessionAlert(severity: severity, code: code, message: message, time: clock.now())
        switch severity {
        case .info: logger.info("\(alert.description)")
        case .warning: logger.warning("\(alert.description)")
        case .critical: logger.error("\(alert.description)")
        }
        publish(.alert(alert))
    }

    /// Pushes an update to every subscriber.
    func publish(_ update: SessionUpdate) {
        for subscriber in subscribers.values { subscriber.yield(update) }
    }

    /// Turns new risk-engine events into alerts.
    func reportRiskEvents() {
        guard let count = slot?.kernel.risk.events.count, count > lastRiskEventCount, let events = slot?.kernel.risk.events else { return }
        for event in events[lastRiskEventCount...] {
            alert(event.to == .halted ? .critical : .warning, "risk_\(event.kind.rawValue)", event.description)
        }
        lastRiskEventCount = events.count
    }
}
