extension InMemoryTradingControl {
    /// A new subscription to this account's updates.
    public nonisolated func updates() -> AsyncStream<ControlUpdate> { broadcaster.subscribe() }

    /// Subscribers currently attached.
    public nonisolated var subscriberCount: Int { broadcaster.subscriberCount }

    func publish(_ update: ControlUpdate) { broadcaster.publish(update) }
}
