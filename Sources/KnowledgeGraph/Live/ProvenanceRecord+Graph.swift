import TradingModel

extension ProvenanceRecord {
    /// Appends the nodes and relationships of this record; `runId` goes on signals, orders and positions.
    public func append(to batch: inout GraphBatch, runId: String) {
        switch self {
        case .signal(let signal):
            var properties: [String: GraphValue] = [
                "strategy": .string(signal.strategy), "symbol": .string(signal.symbol), "tag": .string(signal.tag),
                "time": .int(signal.time), "run_id": .string(runId),
            ]
            if let side = signal.side { properties["side"] = .string(side.rawValue) }
            for (name, value) in signal.indicators where value.isFinite { properties["ind_\(name)"] = .double(value) }
            if let bar = signal.bar {
                properties["bar_time"] = .int(bar.time)
                for (name, value) in [("open", bar.open), ("high", bar.high), ("low", bar.low), ("close", bar.close),
                                      ("volume", bar.volume)] where value.isFinite {
                    properties["bar_\(name)"] = .double(value)
                }
            }
            let node = GraphNode(label: GraphSchema.signal, id: signal.id, properties: properties)
            batch.nodes.append(GraphNode(label: GraphSchema.strategy, id: signal.strategy,
                                         properties: ["name": .string(signal.strategy)]))
            batch.nodes.append(node)
            batch.relationships.append(GraphRelationship(
                type: GraphSchema.generated, from: GraphNodeRef(label: GraphSchema.strategy, id: signal.strategy), to: node.ref))

        case .agentDecision(let decision):
            var properties: [String: GraphValue] = [
                "agent": .string(decision.agent), "action": .string(decision.action),
                "rationale": .string(decision.rationale), "time": .int(decision.time),
            ]
            if decision.confidence.isFinite { properties["confidence"] = .double(decision.confidence) }
            let node = GraphNode(label: GraphSchema.agentDecision, id: decision.id, properties: properties)
            batch.nodes.append(node)
            batch.relationships.append(GraphRelationship(
                type: GraphSchema.basedOn, from: GraphNodeRef(label: GraphSchema.signal, id: decision.signalId), to: node.ref))

        case .riskCheck(let check):
            var properties: [String: GraphValue] = ["passed": .bool(check.passed), "time": .int(check.time)]
            if let code = check.code { properties["code"] = .string(code) }
            if let reason = check.reason { properties["reason"] = .string(reason) }
            if let decidedAt = check.decidedAt { properties["decided_at"] = .int(decidedAt) }
            let node = GraphNode(label: GraphSchema.riskCheck, id: check.signalId, properties: properties)
            batch.nodes.append(node)
            batch.relationships.append(GraphRelationship(
                type: check.passed ? GraphSchema.approvedBy : GraphSchema.rejectedBy,
                from: GraphNodeRef(label: GraphSchema.signal, id: check.signalId), to: node.ref))

        case .order(let record):
            let order = record.order, request = order.request
            var properties: [String: GraphValue] = [
                "symbol": .string(request.symbol), "side": .string(request.side.rawValue),
                "type": .string(request.type.rawValue), "quantity": .string(request.quantity.description),
                "status": .string(order.status.rawValue), "tag": .string(request.tag), "time": .int(order.createdAt),
                "updated_at": .int(order.updatedAt), "run_id": .string(runId),
                "filled_quantity": .string(order.filledQuantity.description), "fees": .string(order.fees.description),
                "time_in_force": .string(request.timeInForce.rawValue), "reduce_only": .bool(request.reduceOnly),
            ]
            if !order.venueOrderId.isEmpty { properties["venue_order_id"] = .string(order.venueOrderId) }
            if let price = request.limitPrice { properties["limit_price"] = .string(price.description) }
            if let price = request.stopPrice { properties["stop_price"] = .string(price.description) }
            if let average = order.averageFillPrice { properties["average_price"] = .string(average.description) }
            let node = GraphNode(label: GraphSchema.order, id: request.clientOrderId, properties: properties)
            let strategy = GraphNodeRef(label: GraphSchema.strategy, id: record.strategy)
            batch.nodes.append(node)
            batch.relationships.append(GraphRelationship(type: GraphSchema.placed, from: strategy, to: node.ref))
            batch.relationships.append(GraphRelationship(
                type: GraphSchema.basedOn, from: node.ref, to: GraphNodeRef(label: GraphSchema.signal, id: record.signalId)))

        case .fill(let fill):
            let node = GraphNode(label: GraphSchema.fill, id: "\(fill.clientOrderId)/\(fill.tradeId)", properties: [
                "price": .string(fill.price.description), "quantity": .string(fill.quantity.description),
                "fee": .string(fill.fee.description), "time": .int(fill.time), "symbol": .string(fill.symbol),
                "side": .string(fill.side.rawValue), "liquidity": .string(fill.liquidity.rawValue),
                "trade_id": .string(fill.tradeId),
            ])
            batch.nodes.append(node)
            batch.relationships.append(GraphRelationship(
                type: GraphSchema.filledBy, from: GraphNodeRef(label: GraphSchema.order, id: fill.clientOrderId), to: node.ref))

        case .position(let record):
            let position = record.position
            let node = GraphNode(label: GraphSchema.position, id: record.id, properties: [
                "symbol": .string(position.symbol), "quantity": .string(position.quantity.description),
                "average_entry_price": .string(position.averageEntryPrice.description),
                "realized_pnl": .string(position.realizedPnl.description), "opened_at": .int(position.openedAt),
                "status": .string(position.isFlat ? "closed" : "open"), "time": .int(record.time),
                "run_id": .string(runId),
            ])
            batch.nodes.append(node)
            if let fillId = record.fillId {
                batch.relationships.append(GraphRelationship(
                    type: GraphSchema.updated, from: GraphNodeRef(label: GraphSchema.fill, id: fillId), to: node.ref))
            }
            if let orderId = record.orderId {
                batch.relationships.append(GraphRelationship(
                    type: position.isFlat ? GraphSchema.closedBy : GraphSchema.openedBy, from: node.ref,
                    to: GraphNodeRef(label: GraphSchema.order, id: orderId), properties: ["time": .int(record.time)]))
            }
        }
    }
}
