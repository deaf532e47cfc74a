import Metrics

extension TradingSession {
    /// Name of the histogram of the time from a bar or venue event arriving to a resulting command being handed
    /// to the venue, in seconds.
    public static var eventToOrderMetric: String { "graphwiz_kernel_event_to_order_seconds" }

    /// Records the time since the current bar/event arrived, when a command is handed to the venue because of
    /// one (operator commands between events are not recorded).
    func recordEventToOrder() {
        guard let arrival = eventArrival else { return }
        let elapsed = arrival.duration(to: .now).components
        eventToOrder.recordNanoseconds(elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
    }
}
