import TradingModel

extension TradingSession {
    /// Publishes the kernel's refusals since the last call as ``SessionDecision``s (signal plus failed risk check).
    /// - Complexity: O(1) when nothing was refused; no allocation when nobody subscribes.
    func publishRefusals() {
        guard let count = slot?.kernel.rejections.count, count > lastRejectionCount else { return }
        let first = lastRejectionCount
        lastRejectionCount = count
        guard !subscribers.isEmpty, let slot else { return }
        for rejection in slot.kernel.rejections[first..<count] {
            publish(.decision(decision(clientOrderId: rejection.clientOrderId, symbol: rejection.symbol,
                                       side: rejection.side, tag: rejection.tag ?? "", refusal: rejection)))
        }
    }

    /// Publishes the decision behind a request the kernel approved: passed, or refused by the session itself
    /// (halt, stopped strategy, stopping). Nothing happens when nobody subscribes.
    func publishDecision(_ request: OrderRequest, refusal: RiskRejection?) {
        guard !subscribers.isEmpty else { return }
        publish(.decision(decision(clientOrderId: request.clientOrderId, symbol: request.symbol, side: request.side,
                                   tag: request.tag, refusal: refusal)))
    }

    /// The decision for one request: the symbol's last bar, the strategy's indicator values and the verdict.
    private func decision(clientOrderId: String, symbol: String, side: OrderSide?, tag: String,
                          refusal: RiskRejection?) -> SessionDecision {
        let instrument = instruments.firstIndex { $0.symbol == symbol }
        let manual = tag.hasPrefix("manual")
        var indicators: [String: Double] = [:]
        if !manual, let instrument, let reporting = slot?.kernel.strategy as? any IndicatorReporting {
            indicators = reporting.indicatorValues(instrument: instrument)
        }
        return SessionDecision(
            clientOrderId: clientOrderId, strategy: manual ? "manual" : strategyName, symbol: symbol, side: side,
            tag: tag, bar: instrument.flatMap { history.indices.contains($0) ? history[$0].last : nil },
            indicators: indicators, passed: refusal == nil, code: refusal?.code, reason: refusal?.message,
            time: clock.now())
    }
}
