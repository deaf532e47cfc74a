import Logging

/// The authenticated `executions` channel of one account, resubscribed with a fresh token on every connection.
struct KrakenExecutionStreamer: Sendable {
    let session: KrakenWebSocketSession
    let rest: KrakenRESTClient
    let router: KrakenExecutionRouter

    /// Runs until the calling task is cancelled; after each reconnect: backfill, then `onReconnect`.
    func run(onReconnect: @escaping @Sendable () async -> Void) async {
        let rest = self.rest
        let router = self.router
        await session.run(subscriptions: {
            let token = try await rest.webSocketsToken()
            return [#"{"method":"subscribe","params":{"channel":"executions","token":"\#(token)","snap_orders":true,"snap_trades":false},"req_id":7}"#]
        }, onConnect: { number in
            guard number > 1 else { return }
            await router.backfillFills()
            await onReconnect()
        }, onMessage: { json in
            await router.handleExecutions(json)
        })
    }
}
