import Foundation
import Logging
import TradingModel

extension TradingSession {
    /// Handles one input of the merged stream; returns a feed failure that ends the session.
    func handle(_ input: SessionInput) async -> String? {
        switch input {
        case let .bar(bar, instrument):
            queuedBars.append((bar, instrument))
            await drainBars()
        case let .event(event):
            streamEvents += 1
            // Events a bar-fed venue handed over directly (see drainBars) come by the stream too: apply each once.
            if streamEvents > eventsSeen {
                eventsSeen = streamEvents
                await apply(event)
                if stopping { checkStopped() }
            }
            if let waiting = waitingBar, eventsSeen >= waiting.needed {
                waitingBar = nil
                await runBar(waiting.bar, instrument: waiting.instrument)
                await drainBars()
            }
        case let .feedEnded(instrument, error):
            feedsOpen -= 1
            if let error {
                logger.error("market data failed, stopping the session", metadata: ["error": "\(error)"])
                await beginStop()
                return error
            }
            logger.info("market data ended", metadata: ["symbol": "\(configuration.symbols[instrument])"])
            if feedsOpen == 0 && configuration.stopWhenFeedEnds { stopAfterLastBar = true }
        case .reconnected:
            alert(.warning, "reconnected", "\(exchange.name) streams are back; reconciling")
            _ = try? await reconcile(applyToKernel: true)
        case let .disconnected(reason):
            alert(.critical, "disconnected", "\(exchange.name) streams dropped: \(reason)")
        case .stop:
            await beginStop()
            return nil
        case .stopDeadline:
            if stopping && !finished {
                logger.warning("stop grace period over with orders still working; asking the venue",
                               metadata: ["working": "\(workingOrderIds().count)"])
                // The venue's answers did not arrive in time (a loaded machine, a slow stream): ask it directly, so
                // the journal ends with what the venue knows rather than with unanswered intents.
                _ = try? await reconcile(applyToKernel: true)
                finished = true
            }
            return nil
        }
        // A replay that ended stops once its last bar has been through the kernel.
        if stopAfterLastBar && waitingBar == nil && queuedBars.isEmpty { await beginStop() }
        return nil
    }

    /// Runs queued bars in order; a bar-fed venue matches each first and the session waits for its events.
    func drainBars() async {
        while waitingBar == nil && !queuedBars.isEmpty && !finished {
            let (bar, instrument) = queuedBars.removeFirst()
            if let feed = barFeed {
                do {
                    let emitted = try await feed.process(bar, symbol: instruments[instrument].symbol)
                    if emitted > eventsSeen {
                        // The venue's events so far (this bar's fills among them) go first; taken from the venue
                        // when it still holds them, else awaited on its stream.
                        guard let missing = feed.emittedEvents(after: eventsSeen), missing.count == emitted - eventsSeen else {
                            waitingBar = (bar, instrument, emitted)
                            return
                        }
                        for event in missing {
                            eventsSeen += 1
                            await apply(event)
                        }
                    }
                } catch {
                    alert(.critical, "venue_bar_failed", "\(exchange.name) could not match bar \(bar.time): \(error)")
                }
            }
            await runBar(bar, instrument: instrument)
        }
    }

    /// Feeds one bar to the kernel (built on the first bar) and carries its commands out.
    func runBar(_ bar: Bar, instrument: Int) async {
        if slot == nil { await buildKernel(firstBar: bar, instrument: instrument) }
        guard slot != nil else { return }
        eventArrival = .now
        defer { eventArrival = nil }
        lastBarTime = bar.time
        barsSeen += 1
        history[instrument].append(bar)
        // Mutated in place in its slot: a copy (`var k = slot!.kernel; ...; slot!.kernel = k`) would share every
        // buffer of the kernel (marks, positions, orders, the strategy's state) with the stored one, so the first
        // write to each would copy it whole, on every bar.
        slot!.kernel.onBar(bar, instrument: instrument, barIndex: barIndex[instrument], commands: &commands)
        barIndex[instrument] += 1
        publishRefusals()
        await dispatchCommands()
        guard let equity = slot?.kernel.portfolio.equity else { return }
        if equityCurve.count >= 100_000 { equityCurve.removeFirst(50_000) }
        equityCurve.append(SessionEquityPoint(time: bar.time, value: equity))
        if !subscribers.isEmpty { publish(.equity(time: bar.time, value: equity)) }
        reportRiskEvents()
    }

    /// Applies a venue event to the journal and the kernel.
    func apply(_ event: ExecutionEvent) async {
        eventArrival = .now
        defer { eventArrival = nil }
        do {
            try await journal.record(event)
        } catch {
            logger.error("journal write failed for a venue event", metadata: ["event": "\(event)", "error": "\(error)"])
            alert(.critical, "journal_failed", "could not journal \(event.clientOrderId): \(error)")
        }
        guard slot != nil, feedKernel(event) else { return }
        warnIfFeeUnvalued(event)
        publishRefusals()
        if let order = slot!.kernel.execution.orders[event.clientOrderId] {
            if case let .filled(fill) = event {
                publish(.fill(fill))
                publishPosition(after: fill)
            }
            publish(.order(order))
        }
        if case let .rejected(id, reason, _) = event {
            alert(.warning, "order_rejected", "\(exchange.name) rejected \(id): \(reason)")
        }
        if !commands.isEmpty { await dispatchCommands() }
    }

    /// Hands a venue event to the kernel (in place, see ``runBar(_:instrument:)``), a fill once: a fill already
    /// applied (the stream and a reconciliation both delivered it) moves nothing again and only completes its
    /// order when it carries the venue's word that the order is complete. Returns false when the event was not
    /// applied.
    func feedKernel(_ event: ExecutionEvent) -> Bool {
        if case let .filled(fill) = event, !appliedFills.insert(fill) {
            logger.debug("fill already applied", metadata: ["order": "\(fill.clientOrderId)", "trade": "\(fill.tradeId)"])
            if fill.orderComplete == true, slot!.kernel.completeOrder(clientOrderId: fill.clientOrderId, time: fill.time),
               let order = slot!.kernel.execution.orders[fill.clientOrderId] {
                publish(.order(order))
            }
            return false
        }
        slot!.kernel.on(event, commands: &commands)
        return true
    }

    /// Journals and sends the kernel's pending commands (and whatever their local rejections produce).
    func dispatchCommands() async {
        while !commands.isEmpty {
            let pending = commands
            commands.removeAll(keepingCapacity: true)
            for command in pending {
                switch command {
                case let .submit(request): await send(request)
                case let .cancel(id, symbol): await sendCancel(id, symbol: symbol)
                }
            }
        }
    }

    /// Write-ahead: the intent is durable before the request leaves. Unknown outcomes are reconciled.
    func send(_ request: OrderRequest) async {
        if let refusal = localRefusal(request) {
            let rejection = RiskRejection(code: "session_refused", message: refusal, clientOrderId: request.clientOrderId,
                                          symbol: request.symbol, time: clock.now(), side: request.side, tag: request.tag)
            localRejections.append(rejection)
            publishDecision(request, refusal: rejection)
            feedLocal(.rejected(clientOrderId: request.clientOrderId, reason: refusal, time: clock.now()))
            return
        }
        publishDecision(request, refusal: nil)
        let strategyLabel = request.tag.hasPrefix("manual") ? "manual" : strategyName
        do {
            try await journal.recordIntent(request, strategy: strategyLabel, session: sessionId, time: clock.now())
        } catch {
            let reason = "not sent: the order journal could not make the intent durable: \(error)"
            alert(.critical, "journal_failed", "\(request.clientOrderId) \(reason)")
            feedLocal(.rejected(clientOrderId: request.clientOrderId, reason: reason, time: clock.now()))
            return
        }
        recordEventToOrder()
        do {
            try await exchange.submit(request)
        } catch let error as ExchangeError where error.outcomeUnknown {
            logger.warning("submit outcome unknown, reconciling instead of resubmitting",
                           metadata: ["clientOrderId": "\(request.clientOrderId)", "error": "\(error)"])
            _ = try? await reconcile(applyToKernel: true)
        } catch {
            let reason = "\(exchange.name) refused the submit: \(error)"
            try? await journal.close(clientOrderId: request.clientOrderId, as: .failed, reason: reason, time: clock.now())
            feedLocal(.rejected(clientOrderId: request.clientOrderId, reason: reason, time: clock.now()))
        }
    }

    /// Sends a cancel; a failure is reported (the order keeps working, reconciliation settles it).
    func sendCancel(_ id: String, symbol: String) async {
        recordEventToOrder()
        do {
            try await exchange.cancel(clientOrderId: id, symbol: symbol)
        } catch {
            alert(.warning, "cancel_failed", "cancel of \(id) on \(exchange.name) failed: \(error)")
        }
    }

    /// Why the session itself refuses an order (halt, stopped strategy, stopping), or nil.
    func localRefusal(_ request: OrderRequest) -> String? {
        if request.reduceOnly { return nil }
        if stopping { return "session \(sessionId) is stopping" }
        if halted { return "session \(sessionId) is halted by the operator: \(haltReason)" }
        if !strategyRunning && !request.tag.hasPrefix("manual") { return "strategy \(strategyName) is stopped" }
        return nil
    }

    /// Applies a locally generated event (the order never left) to the kernel without journaling it.
    func feedLocal(_ event: ExecutionEvent) {
        guard slot != nil else { return }
        slot!.kernel.on(event, commands: &commands)
        warnIfFeeUnvalued(event)
        publishRefusals()
    }

    /// Publishes the ledger's position of `fill`'s symbol as the fill left it (nothing without subscribers).
    func publishPosition(after fill: Fill) {
        // Reads the one position in place: holding the array would make the kernel's next write copy it.
        guard !subscribers.isEmpty, let instrument = configuration.symbols.firstIndex(of: fill.symbol),
              slot?.kernel.portfolio.positions.indices.contains(instrument) == true,
              let position = slot?.kernel.portfolio.positions[instrument] else { return }
        publish(.position(position, fill: fill))
    }

    /// A fill whose fee was charged in an asset the ledger has no price for is excluded from fees and P&L: say so.
    func warnIfFeeUnvalued(_ event: ExecutionEvent) {
        guard case let .filled(fill) = event, let portfolio = slot?.kernel.portfolio, !portfolio.valuingFee(fill).feeValued else { return }
        alert(.warning, "fee_unvalued", "\(fill.clientOrderId): fee \(fill.feeAmount) \(fill.feeAsset) of trade \(fill.tradeId) "
              + "has no price (no \(fill.feeAsset)/\(portfolio.quoteCurrency) mark): excluded from fees and P&L, listed as unvalued")
    }

    /// Reconciles the journal with the venue; on a running kernel the recorded events are applied to it.
    @discardableResult
    func reconcile(applyToKernel: Bool) async throws(SessionError) -> ReconciliationReport {
        let report: ReconciliationReport
        do {
            report = try await Reconciler(journal: journal, exchange: exchange, clock: clock).reconcile(session: sessionId)
        } catch {
            alert(.critical, "reconciliation_failed", "\(exchange.name): \(error)")
            throw .failed("reconciliation with \(exchange.name) failed: \(error)")
        }
        reconciliations.append(report)
        logger.info("\(report.description)")
        publish(.reconciliation(report))
        if applyToKernel, slot != nil {
            for event in report.events { _ = feedKernel(event) }
            await dispatchCommands()
        }
        return report
    }

    /// Starts stopping: cancels working orders (per configuration) and arms the grace-period timer.
    func beginStop() async {
        guard !stopping else { return }
        stopping = true
        let working = workingOrderIds()
        guard configuration.cancelOrdersOnStop, !working.isEmpty else {
            if !working.isEmpty { logger.info("keeping working orders at the venue", metadata: ["orders": "\(working)"]) }
            finished = true
            return
        }
        for (id, symbol) in working { await sendCancel(id, symbol: symbol) }
        let grace = configuration.stopGraceSeconds
        let continuation = self.continuation
        Task {
            try? await Task.sleep(nanoseconds: UInt64(max(grace, 0) * 1e9))
            continuation?.yield(.stopDeadline)
        }
        checkStopped()
    }

    /// Finishes a stop once no order works any more.
    func checkStopped() {
        if stopping && workingOrderIds().isEmpty { finished = true }
    }

    /// Working orders (client order id, symbol), including adopted ones.
    func workingOrderIds() -> [(String, String)] {
        guard let slot else { return adoptedOrders.map { ($0.request.clientOrderId, $0.request.symbol) } }
        return slot.kernel.context.workingOrders.flatMap { $0 }.map { ($0.request.clientOrderId, $0.request.symbol) }
    }
}
