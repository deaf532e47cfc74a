import Logging
import Persistence
import ServiceLifecycle
import TradingCore
import TradingModel

/// One trading session as a service: reconciles and starts, runs until graceful shutdown, then stops (orders
/// canceled or kept per configuration), flushes the journal and stores paper/simulation sessions as runs.
struct SessionService: Service {
    let session: any TradingSessionLifecycle
    let symbols: [String]
    let timeframe: Timeframe
    let initialEquity: Money
    let storeRun: Bool
    let store: SQLStore
    let readiness: ServeReadiness
    let logger: Logger

    func run() async throws {
        let report = try await session.start()
        logger.info("\(report.description)")
        await readiness.markReady()
        let session = self.session
        try await withGracefulShutdownHandler {
            try await session.run()
        } onGracefulShutdown: {
            Task { await session.stop() }
        }
        try await session.flush()
        let snapshot = await session.snapshot()
        logger.info("session stopped, journal flushed", metadata: [
            "session": "\(snapshot.sessionId)", "fills": "\(snapshot.fills)", "equity": "\(snapshot.equity)",
        ])
        if storeRun {
            let id = try await PaperRunRecorder.save(snapshot, symbols: symbols, timeframe: timeframe,
                                                     initialEquity: initialEquity, store: store)
            logger.info("session stored as run \(id)")
        }
    }
}
