/// Provenance queries over any ``GraphStore``, built from neighbour lookups so both backends answer alike.
public enum ProvenanceQuery {
    /// The chain behind `orderId` (a placed order, or a signal refused before it became one).
    ///
    /// - Throws: ``GraphError/notFound(label:id:)`` when neither an Order nor a Signal has that id.
    /// - Complexity: six indexed neighbour lookups plus one per fill.
    public static func why(orderId: String, in store: any GraphStore) async throws -> OrderProvenance {
        var provenance = OrderProvenance(orderId: orderId)
        let orderRef = GraphNodeRef(label: GraphSchema.order, id: orderId)
        var signalRef = GraphNodeRef(label: GraphSchema.signal, id: orderId)
        if let order = try await store.node(orderRef) {
            provenance.order = order
            let outgoing = try await store.neighbours(of: orderRef, type: nil, direction: .outgoing)
            if let signal = outgoing.first(where: { $0.relationship.type == GraphSchema.basedOn })?.node {
                signalRef = signal.ref
            }
            provenance.fills = outgoing.filter { $0.relationship.type == GraphSchema.filledBy }.map(\.node)
            var positions: [String: GraphNode] = [:]
            for fill in provenance.fills {
                for position in try await store.neighbours(of: fill.ref, type: GraphSchema.updated, direction: .outgoing) {
                    positions[position.node.id] = position.node
                }
            }
            provenance.positions = positions.keys.sorted().map { positions[$0]! }
            provenance.trades = try await store.neighbours(of: orderRef, type: nil, direction: .incoming)
                .filter { $0.node.label == GraphSchema.trade }
        }
        provenance.signal = try await store.node(signalRef)
        guard provenance.signal != nil || provenance.order != nil else {
            throw GraphError.notFound(label: "\(GraphSchema.order) or \(GraphSchema.signal)", id: orderId)
        }
        if provenance.signal != nil {
            for neighbour in try await store.neighbours(of: signalRef, type: nil, direction: .both) {
                switch neighbour.relationship.type {
                case GraphSchema.generated where neighbour.node.label == GraphSchema.strategy:
                    provenance.strategy = neighbour.node
                case GraphSchema.basedOn where neighbour.node.label == GraphSchema.agentDecision:
                    provenance.agentDecisions.append(neighbour.node)
                case GraphSchema.approvedBy, GraphSchema.rejectedBy:
                    provenance.riskCheck = neighbour.node
                    provenance.riskVerdict = neighbour.relationship.type
                default: break
                }
            }
        }
        return provenance
    }
}
