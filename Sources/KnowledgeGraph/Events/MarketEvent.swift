/// A news item or custom event and the assets or markets it affects.
public struct MarketEvent: Sendable, Hashable, Codable {
    /// How an event bears on one asset or market.
    public struct Impact: Sendable, Hashable, Codable {
        /// `(:Asset {id: code})`, or `(:Market {id: "<exchange>:<symbol>"})` when the target contains `:`.
        public var target: GraphNodeRef
        /// `up`, `down` or `neutral`.
        public var direction: String
        /// Strength from 0 to 1.
        public var magnitude: Double

        /// An impact on `target`.
        public init(target: GraphNodeRef, direction: String, magnitude: Double) {
            self.target = target
            self.direction = direction
            self.magnitude = magnitude
        }
    }

    /// Unique id; importing an event again updates it.
    public var id: String
    /// Unix ms.
    public var time: Int64
    /// E.g. `news`, `macro`, `listing`, `custom`.
    public var kind: String
    /// Headline or description.
    public var title: String
    /// The assets and markets it bears on.
    public var impacts: [Impact]

    /// An event with its impacts.
    public init(id: String, time: Int64, kind: String, title: String, impacts: [Impact]) {
        self.id = id
        self.time = time
        self.kind = kind
        self.title = title
        self.impacts = impacts
    }

    /// The allowed ``Impact/direction`` values.
    public static let directions: Set<String> = ["up", "down", "neutral"]

    /// The node an event target names: an asset code, or a market id `<exchange>:<symbol>`.
    public static func target(_ text: String) -> GraphNodeRef {
        GraphNodeRef(label: text.contains(":") ? GraphSchema.market : GraphSchema.asset, id: text)
    }

    /// `(Event {kind, title, time})-[:IMPACTS {direction, magnitude}]->(Asset|Market)` for each event.
    public static func graph(_ events: [MarketEvent]) -> GraphBatch {
        var batch = GraphBatch()
        for event in events {
            let node = GraphNode(label: GraphSchema.event, id: event.id, properties: [
                "kind": .string(event.kind), "title": .string(event.title), "time": .int(event.time),
            ])
            batch.nodes.append(node)
            for impact in event.impacts {
                batch.relationships.append(GraphRelationship(type: GraphSchema.impacts, from: node.ref, to: impact.target,
                                                             properties: ["direction": .string(impact.direction),
                                                                          "magnitude": .double(impact.magnitude)]))
            }
        }
        return batch
    }
}
