/// Deterministic venue order ids (`sim-1`, `sim-2`, ...) and trade ids (`sim-t-1`, ...), shared by all
/// instruments of one simulated account. Strings are built only when an order is accepted or fills.
struct IdSequence: Sendable, Hashable {
    private(set) var lastOrderNumber = 0
    private(set) var lastTradeNumber = 0

    mutating func nextOrderId() -> String {
        lastOrderNumber += 1
        return "sim-\(lastOrderNumber)"
    }

    mutating func nextTradeId() -> String {
        lastTradeNumber += 1
        return "sim-t-\(lastTradeNumber)"
    }
}
