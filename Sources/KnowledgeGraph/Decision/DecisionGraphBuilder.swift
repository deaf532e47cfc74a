import TradingCore
import TradingModel

/// Turns orders, refusals and trades into nodes and relationships (pure; no I/O).
///
/// Ids: Strategy by name; Signal, RiskCheck and Order by client order id (unique per run: the run id is its
/// prefix); Fill `<order id>/fill` (one per filled order, at the average price: the backtest result keeps
/// orders, not individual executions); Trade `<run id>/trade-<n>`. Money and quantities are exact decimal strings.
struct DecisionGraphBuilder {
    let input: DecisionGraphInput
    let strategyRef: GraphNodeRef
    /// Client order ids of placed orders (venue refusals of these are recorded on the order itself).
    let orderIds: Set<String>
    let venueRejections: [String: RiskRejection]
    let parameterProperties: [String: GraphValue]

    init(input: DecisionGraphInput) {
        self.input = input
        strategyRef = GraphNodeRef(label: GraphSchema.strategy, id: input.strategy)
        orderIds = Set(input.orders.map(\.request.clientOrderId))
        var venue: [String: RiskRejection] = [:]
        for rejection in input.rejections where orderIds.contains(rejection.clientOrderId) {
            venue[rejection.clientOrderId] = rejection
        }
        venueRejections = venue
        var parameters: [String: GraphValue] = [:]
        for (name, value) in input.parameters.values {
            switch value {
            case .int(let number): parameters["param_\(name)"] = .int(Int64(number))
            case .double(let number): parameters["param_\(name)"] = .double(number)
            case .string(let text): parameters["param_\(name)"] = .string(text)
            }
        }
        parameterProperties = parameters
    }

    var strategyNode: GraphNode {
        GraphNode(label: GraphSchema.strategy, id: input.strategy, properties: ["name": .string(input.strategy)])
    }

    func signalNode(id: String, tag: String, symbol: String, side: String?, time: Int64) -> GraphNode {
        var properties = parameterProperties
        properties["tag"] = .string(tag)
        properties["symbol"] = .string(symbol)
        properties["time"] = .int(time)
        properties["strategy"] = .string(input.strategy)
        properties["run_id"] = .string(input.runId)
        if let side { properties["side"] = .string(side) }
        return GraphNode(label: GraphSchema.signal, id: id, properties: properties)
    }

    /// Signal, passed RiskCheck, Order and (when filled) Fill, with their relationships.
    func appendChain(of order: Order, to batch: inout GraphBatch) {
        let request = order.request
        let id = request.clientOrderId
        let signal = signalNode(id: id, tag: request.tag, symbol: request.symbol, side: request.side.rawValue,
                                time: order.createdAt)
        let risk = GraphNode(label: GraphSchema.riskCheck, id: id,
                             properties: ["passed": true, "time": .int(order.createdAt)])
        var properties: [String: GraphValue] = [
            "symbol": .string(request.symbol), "side": .string(request.side.rawValue),
            "type": .string(request.type.rawValue), "quantity": .string(request.quantity.description),
            "status": .string(order.status.rawValue), "tag": .string(request.tag), "time": .int(order.createdAt),
            "updated_at": .int(order.updatedAt), "run_id": .string(input.runId),
            "filled_quantity": .string(order.filledQuantity.description), "fees": .string(order.fees.description),
            "time_in_force": .string(request.timeInForce.rawValue), "reduce_only": .bool(request.reduceOnly),
        ]
        if let price = request.limitPrice { properties["limit_price"] = .string(price.description) }
        if let price = request.stopPrice { properties["stop_price"] = .string(price.description) }
        if let quote = request.quoteQuantity { properties["quote_quantity"] = .string(quote.description) }
        if let average = order.averageFillPrice { properties["average_price"] = .string(average.description) }
        if let refusal = venueRejections[id] {
            properties["rejection_code"] = .string(refusal.code)
            properties["rejection_reason"] = .string(refusal.message)
        }
        let orderNode = GraphNode(label: GraphSchema.order, id: id, properties: properties)
        batch.nodes.append(signal)
        batch.nodes.append(risk)
        batch.nodes.append(orderNode)
        batch.relationships.append(GraphRelationship(type: GraphSchema.generated, from: strategyRef, to: signal.ref))
        batch.relationships.append(GraphRelationship(type: GraphSchema.approvedBy, from: signal.ref, to: risk.ref))
        batch.relationships.append(GraphRelationship(type: GraphSchema.basedOn, from: orderNode.ref, to: signal.ref))
        batch.relationships.append(GraphRelationship(type: GraphSchema.placed, from: strategyRef, to: orderNode.ref))
        if let average = order.averageFillPrice {
            let fill = GraphNode(label: GraphSchema.fill, id: "\(id)/fill", properties: [
                "price": .string(average.description), "quantity": .string(order.filledQuantity.description),
                "fee": .string(order.fees.description), "time": .int(order.updatedAt),
                "symbol": .string(request.symbol), "side": .string(request.side.rawValue),
            ])
            batch.nodes.append(fill)
            batch.relationships.append(GraphRelationship(type: GraphSchema.filledBy, from: orderNode.ref, to: fill.ref))
        }
    }

    /// A signal the risk layer refused before any order left: Signal and rejected RiskCheck.
    func appendRejection(_ rejection: RiskRejection, to batch: inout GraphBatch) {
        let id = rejection.clientOrderId
        let signal = signalNode(id: id, tag: rejection.tag ?? "", symbol: rejection.symbol, side: rejection.side?.rawValue,
                                time: rejection.time)
        let risk = GraphNode(label: GraphSchema.riskCheck, id: id, properties: [
            "passed": false, "code": .string(rejection.code), "reason": .string(rejection.message),
            "time": .int(rejection.time),
        ])
        batch.nodes.append(signal)
        batch.nodes.append(risk)
        batch.relationships.append(GraphRelationship(type: GraphSchema.generated, from: strategyRef, to: signal.ref))
        batch.relationships.append(GraphRelationship(type: GraphSchema.rejectedBy, from: signal.ref, to: risk.ref))
    }

    /// A closed round trip and the orders that opened and closed it.
    func appendTrade(_ trade: ClosedTrade, index: Int, to batch: inout GraphBatch) {
        let node = GraphNode(label: GraphSchema.trade, id: "\(input.runId)/trade-\(index + 1)", properties: [
            "symbol": .string(trade.symbol), "side": .string(trade.side.rawValue),
            "entry_time": .int(trade.entryTime), "exit_time": .int(trade.exitTime), "time": .int(trade.exitTime),
            "entry_price": .string(trade.entryPrice.description), "exit_price": .string(trade.exitPrice.description),
            "quantity": .string(trade.quantity.description), "pnl": .string(trade.pnl.description),
            "fee": .string(trade.fee.description), "return": .double(trade.returnFraction),
            "bars": .int(Int64(trade.bars)), "run_id": .string(input.runId),
        ])
        batch.nodes.append(node)
        batch.relationships.append(GraphRelationship(
            type: GraphSchema.openedBy, from: node.ref, to: GraphNodeRef(label: GraphSchema.order, id: trade.entryOrderId)))
        batch.relationships.append(GraphRelationship(
            type: GraphSchema.closedBy, from: node.ref, to: GraphNodeRef(label: GraphSchema.order, id: trade.exitOrderId)))
    }
}
