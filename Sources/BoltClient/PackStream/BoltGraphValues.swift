/// A snapshot of a node (Bolt structure tag `0x4E`).
public struct BoltNode: Sendable, Hashable {
    /// Legacy numeric id (deprecated by Neo4j in favour of ``elementID``).
    public var id: Int64
    /// The node's labels, in server order.
    public var labels: [String]
    /// The node's properties.
    public var properties: [String: BoltValue]
    /// Element id (Bolt 5.0+); for 4.x servers the decimal string of ``id``.
    public var elementID: String

    /// Creates a node snapshot.
    public init(id: Int64, labels: [String], properties: [String: BoltValue], elementID: String? = nil) {
        self.id = id
        self.labels = labels
        self.properties = properties
        self.elementID = elementID ?? String(id)
    }
}

/// A snapshot of a relationship with its end points (Bolt structure tag `0x52`).
public struct BoltRelationship: Sendable, Hashable {
    /// Legacy numeric id.
    public var id: Int64
    /// Legacy numeric id of the start node.
    public var startNodeID: Int64
    /// Legacy numeric id of the end node.
    public var endNodeID: Int64
    /// The relationship type.
    public var type: String
    /// The relationship's properties.
    public var properties: [String: BoltValue]
    /// Element id (Bolt 5.0+); for 4.x servers the decimal string of ``id``.
    public var elementID: String
    /// Element id of the start node.
    public var startNodeElementID: String
    /// Element id of the end node.
    public var endNodeElementID: String

    /// Creates a relationship snapshot; missing element ids default to the decimal legacy ids.
    public init(
        id: Int64, startNodeID: Int64, endNodeID: Int64, type: String, properties: [String: BoltValue],
        elementID: String? = nil, startNodeElementID: String? = nil, endNodeElementID: String? = nil
    ) {
        self.id = id
        self.startNodeID = startNodeID
        self.endNodeID = endNodeID
        self.type = type
        self.properties = properties
        self.elementID = elementID ?? String(id)
        self.startNodeElementID = startNodeElementID ?? String(startNodeID)
        self.endNodeElementID = endNodeElementID ?? String(endNodeID)
    }
}

/// A relationship without end points, as found inside a ``BoltPath`` (Bolt structure tag `0x72`).
public struct BoltUnboundRelationship: Sendable, Hashable {
    /// Legacy numeric id.
    public var id: Int64
    /// The relationship type.
    public var type: String
    /// The relationship's properties.
    public var properties: [String: BoltValue]
    /// Element id (Bolt 5.0+); for 4.x servers the decimal string of ``id``.
    public var elementID: String

    /// Creates an unbound relationship.
    public init(id: Int64, type: String, properties: [String: BoltValue], elementID: String? = nil) {
        self.id = id
        self.type = type
        self.properties = properties
        self.elementID = elementID ?? String(id)
    }
}

/// An alternating sequence of nodes and relationships (Bolt structure tag `0x50`), in the wire form:
/// distinct nodes, distinct relationships and an index list that walks them.
public struct BoltPath: Sendable, Hashable {
    /// The distinct nodes of the path; the first is the start node.
    public var nodes: [BoltNode]
    /// The distinct relationships of the path.
    public var relationships: [BoltUnboundRelationship]
    /// Pairs of (relationship index, node index); relationship indices are 1-based and negative
    /// when the relationship is traversed against its direction.
    public var indices: [Int64]

    /// Creates a path from its wire form.
    public init(nodes: [BoltNode], relationships: [BoltUnboundRelationship], indices: [Int64]) {
        self.nodes = nodes
        self.relationships = relationships
        self.indices = indices
    }
}
