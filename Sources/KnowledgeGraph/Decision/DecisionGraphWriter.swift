import TradingCore
import TradingModel

/// Writes the provenance of every order of a run: which strategy generated which signal, how the risk check
/// answered, the order placed, its fill and the trades it opened or closed (see ``GraphSchema``).
///
/// Orders are written in batches of about ``batchSize`` nodes plus relationships, each batch holding whole
/// order chains, so a backtest of 100,000 orders is a few dozen store round trips.
public struct DecisionGraphWriter: Sendable {
    /// Target nodes plus relationships per ``GraphStore/write(_:)``.
    public var batchSize: Int

    public init(batchSize: Int = 20_000) {
        self.batchSize = max(1, batchSize)
    }

    /// Writes the decision graph of `input` and returns what was written.
    /// - Complexity: O(orders + rejections + trades) graph elements in ⌈elements / batchSize⌉ writes.
    @discardableResult
    public func write(_ input: DecisionGraphInput, to store: any GraphStore) async throws -> GraphStats {
        var written = GraphStats()
        var pending = GraphBatch()
        func flush() async throws {
            guard !pending.isEmpty else { return }
            for node in pending.nodes { written.nodesByLabel[node.label, default: 0] += 1 }
            for relationship in pending.relationships { written.relationshipsByType[relationship.type, default: 0] += 1 }
            try await store.write(pending)
            pending = GraphBatch()
        }
        let builder = DecisionGraphBuilder(input: input)
        pending.nodes.append(builder.strategyNode)
        for order in input.orders {
            builder.appendChain(of: order, to: &pending)
            if pending.count >= batchSize { try await flush() }
        }
        for rejection in input.rejections where !builder.orderIds.contains(rejection.clientOrderId) {
            builder.appendRejection(rejection, to: &pending)
            if pending.count >= batchSize { try await flush() }
        }
        for (index, trade) in input.trades.enumerated() {
            builder.appendTrade(trade, index: index, to: &pending)
            if pending.count >= batchSize { try await flush() }
        }
        try await flush()
        return written
    }

    /// The whole decision graph of `input` as one batch (tests, small runs).
    public static func graph(for input: DecisionGraphInput) -> GraphBatch {
        let builder = DecisionGraphBuilder(input: input)
        var batch = GraphBatch(nodes: [builder.strategyNode])
        for order in input.orders { builder.appendChain(of: order, to: &batch) }
        for rejection in input.rejections where !builder.orderIds.contains(rejection.clientOrderId) {
            builder.appendRejection(rejection, to: &batch)
        }
        for (index, trade) in input.trades.enumerated() { builder.appendTrade(trade, index: index, to: &batch) }
        return batch
    }
}
