/// Serialises access to a SQLite file's connections so that a transaction never interleaves with another
/// caller's statements (actor reentrancy alone would allow that across `await`s).
actor ConnectionGate {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Waits for exclusive use; ownership passes directly from the releasing caller to the next waiter.
    func acquire() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Ends exclusive use.
    func release() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
