extension RollingCorrelation {
    /// The same tracker over a `window` of a different length: the newest returns that fit are kept (all of
    /// them when the window grows), in order, and the last prices stay, so the next price still yields a return.
    /// - Precondition: `window >= 1`.
    public func resized(window newWindow: Int) -> RollingCorrelation {
        precondition(newWindow >= 1, "a correlation window holds at least one return")
        let instruments = lastPrice.count
        var resized = RollingCorrelation(instruments: instruments, window: newWindow)
        for instrument in 0..<instruments {
            let kept = Swift.min(count[instrument], newWindow)
            // Oldest kept first, so the ring's head ends one past the newest.
            for k in stride(from: kept, through: 1, by: -1) {
                resized.returns[instrument * newWindow + (kept - k)] =
                    returns[instrument * window + (head[instrument] - k + window) % window]
            }
            resized.count[instrument] = kept
            resized.head[instrument] = kept % newWindow
            resized.lastPrice[instrument] = lastPrice[instrument]
        }
        return resized
    }
}
