import Foundation
@testable import KnowledgeGraph
import Testing

@Suite("Property JSON and exports")
struct GraphJSONAndExportTests {
    @Test func propertiesEncodeWithSortedKeysAndKeepIntAndDoubleApart() throws {
        let text = try GraphJSON.encode(["b": 1, "a": 1.0, "c": "x\"\n\u{01}", "d": nil, "e": true])
        #expect(text == #"{"a":1.0,"b":1,"c":"x\"\n\u0001","d":null,"e":true}"#)
        #expect(try GraphJSON.decode(text, table: "t", key: "k") == ["b": 1, "a": 1.0, "c": "x\"\n\u{01}", "d": nil, "e": true])
        #expect(try GraphJSON.decode(#"{"s":"\ud83d\ude00 \u00e9","n":-1.5e-3}"#, table: "t", key: "k") == ["s": "😀 é", "n": -0.0015])
    }

    @Test func nonFiniteNumbersAreRefusedNamingTheField() {
        #expect(throws: GraphError.invalidValue(field: "rho", value: "nan", expected: "a finite number")) {
            _ = try GraphJSON.encode(["rho": .double(.nan)])
        }
    }

    @Test func corruptTextNamesTableAndRow() {
        #expect(throws: GraphError.corruptProperties(table: "graph_nodes", key: "(:Order o1)",
                                                     reason: "expected ':' at byte 5")) {
            _ = try GraphJSON.decode(#"{"a" 1}"#, table: "graph_nodes", key: "(:Order o1)")
        }
    }

    static let snapshot = GraphSnapshot(
        nodes: [GraphNode(label: "Asset", id: "B&B", properties: ["rank": 2]),
                GraphNode(label: "Asset", id: "A", properties: ["rank": 1.5, "name": "<a>"])],
        relationships: [GraphRelationship(type: "CORRELATED_WITH", from: GraphNodeRef(label: "Asset", id: "A"),
                                          to: GraphNodeRef(label: "Asset", id: "B&B"), properties: ["rho": 0.5])])

    @Test func graphMLDeclaresKeysWithTheirTypesAndEscapesText() {
        #expect(GraphExport.graphML(Self.snapshot) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="type" for="edge" attr.name="type" attr.type="string"/>
              <key id="n_name" for="node" attr.name="name" attr.type="string"/>
              <key id="n_rank" for="node" attr.name="rank" attr.type="double"/>
              <key id="e_rho" for="edge" attr.name="rho" attr.type="double"/>
              <graph id="graphwiz" edgedefault="directed">
                <node id="Asset:A"><data key="label">Asset</data><data key="n_name">&lt;a&gt;</data><data key="n_rank">1.5</data></node>
                <node id="Asset:B&amp;B"><data key="label">Asset</data><data key="n_rank">2</data></node>
                <edge id="e0" source="Asset:A" target="Asset:B&amp;B"><data key="type">CORRELATED_WITH</data><data key="e_rho">0.5</data></edge>
              </graph>
            </graphml>

            """)
    }

    @Test func jsonExportRoundTripsTheSnapshot() throws {
        let data = try GraphExport.json(Self.snapshot)
        #expect(try JSONDecoder().decode(GraphSnapshot.self, from: data) == Self.snapshot)
    }
}
