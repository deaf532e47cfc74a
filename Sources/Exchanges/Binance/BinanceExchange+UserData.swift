import TradingCore
import TradingModel

extension BinanceExchange {
    /// Feeds one user data stream message into ``events`` (and ``balanceUpdates``).
    public func handleUserData(_ text: String) throws {
        guard let event = BinanceUserDataEvent.parse(text) else { return }
        switch event {
        case let .execution(report): try handle(report)
        case let .accountPosition(position):
            let balances = try position.B.map {
                Balance(asset: $0.a, free: try BinanceMapping.decimal($0.f, field: "B.f"),
                        locked: try BinanceMapping.decimal($0.l, field: "B.l"))
            }
            balanceContinuation.yield(balances)
        case .listenKeyExpired, .other: break
        }
    }

    func handle(_ report: BinanceUserDataEvent.ExecutionReport) throws {
        let id = report.originalClientOrderId
        let symbol = unified(report.s)
        state.withLock { $0.clientIdByOrderId[report.i] = id }
        switch report.x {
        case "NEW":
            emit(.accepted(clientOrderId: id, venueOrderId: String(report.i), time: report.T))
        case "TRADE":
            emit(.accepted(clientOrderId: id, venueOrderId: String(report.i), time: report.T))
            emit(.filled(try BinanceMapping.fill(report, symbol: symbol)))
        case "CANCELED":
            emit(.canceled(clientOrderId: id, reason: "canceled at binance", time: report.T))
        case "REJECTED":
            emit(.rejected(clientOrderId: id, reason: "binance rejected the order: \(report.r)", time: report.T))
        case "EXPIRED", "TRADE_PREVENTION":
            emit(.expired(clientOrderId: id, reason: "binance expired the order (\(report.x))", time: report.T))
        default:
            break
        }
    }

    /// Runs the user data stream until cancelled: creates a listen key, keeps it alive every
    /// `listenKeyKeepAlive`, connects to `<ws>/ws/<listenKey>` and reconnects with backoff (a fresh key after
    /// `listenKeyExpired`, or a reconnect with a fresh key after a failed keep-alive). `onReconnect` runs after every reconnect so the caller can
    /// reconcile what happened while disconnected.
    public func runUserDataStream(backoff: Backoff = Backoff(),
                                  onReconnect: @escaping @Sendable () async -> Void = {}) async {
        let key = Locked<String?>(nil)
        let rest = self.rest
        let configuration = rest.configuration
        let control = WebSocketControl()
        let socket = ReconnectingWebSocket(name: "binance user data", backoff: backoff,
                                           maxConnectionAge: configuration.maxConnectionAge, logger: logger)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    do { try await Task.sleep(for: configuration.listenKeyKeepAlive) } catch { return }
                    guard let current = key.value else { continue }
                    do { try await rest.keepAliveListenKey(current) } catch {
                        // A dead key: the stream on it will never deliver again. Reconnect with a new one.
                        key.withLock { $0 = nil }
                        await control.reconnect(reason: "listen key keep-alive failed")
                    }
                }
            }
            group.addTask { [self] in
                await socket.run(url: {
                    let current: String
                    if let existing = key.value { current = existing } else {
                        current = try await rest.createListenKey()
                        key.withLock { $0 = current }
                    }
                    return configuration.webSocketBaseURL + "/ws/" + current
                }, onConnect: { connection, _ in
                    if connection > 0 { await onReconnect() }
                }, onMessage: { text in
                    if case .listenKeyExpired = BinanceUserDataEvent.parse(text) { key.withLock { $0 = nil } }
                    do { try self.handleUserData(text) } catch {
                        self.logger.error("binance user data: unreadable event: \(error)")
                    }
                }, control: control)
            }
            await group.next()
            group.cancelAll()
        }
    }
}
