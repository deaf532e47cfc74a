import KnowledgeGraph
import Logging
import ServiceLifecycle
import TradingCore

/// After every knowledge-graph refresh, reads the CORRELATED_WITH matrix of each session's symbols from the graph
/// and hands it to the session's risk engine (`RiskEngine.updateCorrelations`), so the correlation limit uses the
/// graph's long-window correlations instead of only the kernel's rolling window.
struct CorrelationFeedService: Service {
    /// One element per finished refresh (from the updater's `onRefresh`).
    let refreshes: AsyncStream<Void>
    let source: GraphCorrelationSource
    let entries: [SessionTradingControl.Entry]
    let logger: Logger

    /// A feed and the callback the updater calls after each refresh.
    static func make(source: GraphCorrelationSource, entries: [SessionTradingControl.Entry], logger: Logger)
        -> (service: CorrelationFeedService, onRefresh: @Sendable (Result<GraphUpdateReport, any Error>) -> Void) {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let service = CorrelationFeedService(refreshes: stream, source: source, entries: entries, logger: logger)
        return (service, { result in if case .success = result { continuation.yield() } })
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            for await _ in refreshes {
                await feed()
            }
        }
    }

    /// Reads the graph once and updates every session whose symbols have at least one correlation.
    func feed() async {
        for entry in entries where entry.symbols.count > 1 {
            do {
                let matrix = try await source.matrix(symbols: entry.symbols)
                guard let asOf = matrix.asOf else { continue }
                let updated = try await entry.session.updateCorrelations(symbols: matrix.symbols, matrix: matrix.rho, asOf: asOf)
                if updated {
                    logger.info("risk engine correlations updated from the graph",
                                metadata: ["strategy": "\(entry.strategy)", "symbols": "\(entry.symbols.joined(separator: ","))",
                                           "missing_pairs": "\(matrix.missing.count)"])
                }
            } catch {
                logger.warning("correlations from the graph were not applied",
                               metadata: ["strategy": "\(entry.strategy)", "error": "\(error)"])
            }
        }
    }
}
