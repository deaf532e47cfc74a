import ServiceLifecycle

/// Tells systemd how the service is doing: READY=1 once every trading session has reconciled and started,
/// WATCHDOG=1 at half of WATCHDOG_USEC, STATUS= lines, and STOPPING=1 when shutdown begins. Last in the
/// group, so it hears of shutdown first.
struct NotifyService: Service {
    let notifier: SystemdNotifier
    let readiness: ServeReadiness
    let sessions: Int

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await readiness.wait(for: sessions)
            notifier.send("READY=1\nSTATUS=trading: \(sessions) session(s) running")
            guard let interval = notifier.watchdogInterval else {
                while !Task.isCancelled { try? await Task.sleep(nanoseconds: 1_000_000_000) }
                return
            }
            while !Task.isCancelled {
                notifier.send("WATCHDOG=1")
                try? await Task.sleep(nanoseconds: interval)
            }
        }
        notifier.send("STOPPING=1\nSTATUS=stopping: canceling orders, flushing the journal")
    }
}

/// Counts sessions that finished starting (reconciliation done).
actor ServeReadiness {
    private var ready = 0

    func markReady() { ready += 1 }

    /// Returns once `count` sessions are ready (or the task is cancelled).
    func wait(for count: Int) async {
        while ready < count && !Task.isCancelled { try? await Task.sleep(nanoseconds: 20_000_000) }
    }
}
