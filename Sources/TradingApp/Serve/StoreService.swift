import Logging
import Persistence
import ServiceLifecycle

/// Owns the SQL store: first in the group, so it closes last, after every session flushed its journal.
struct StoreService: Service {
    let store: SQLStore
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        try await store.close()
        logger.info("store closed", metadata: ["path": "\(store.path)"])
    }
}
