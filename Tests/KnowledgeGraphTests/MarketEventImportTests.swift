import KnowledgeGraph
import Testing

@Suite struct MarketEventImportTests {
    @Test func jsonEventsWithAssetAndMarketTargets() throws {
        let events = try MarketEventImport.parse("""
            [{"id": "etf", "time": "2024-01-10T21:00:00Z", "kind": "news", "title": "Spot ETF approved",
              "impacts": [{"target": "BTC", "direction": "up", "magnitude": 0.8},
                          {"target": "binance:ETHUSDT", "direction": "up", "magnitude": 0.3}]},
             {"id": "halt", "time": 1704931200, "title": "Exchange halt", "impacts": []}]
            """, source: "events.json")
        #expect(events == [
            MarketEvent(id: "etf", time: 1_704_920_400_000, kind: "news", title: "Spot ETF approved", impacts: [
                MarketEvent.Impact(target: GraphNodeRef(label: "Asset", id: "BTC"), direction: "up", magnitude: 0.8),
                MarketEvent.Impact(target: GraphNodeRef(label: "Market", id: "binance:ETHUSDT"), direction: "up",
                                   magnitude: 0.3),
            ]),
            MarketEvent(id: "halt", time: 1_704_931_200_000, kind: "custom", title: "Exchange halt", impacts: []),
        ])
    }

    @Test func csvRowsWithOneIdAreOneEventAndQuotedCommasStay() throws {
        let events = try MarketEventImport.parse("""
            id,time,kind,title,target,direction,magnitude
            cpi,2024-02-13,macro,"CPI hot, ""sticky"" inflation",BTC,down,0.4
            cpi,2024-02-13,macro,"CPI hot, ""sticky"" inflation",ETH,down,0.5

            """, source: "events.csv")
        #expect(events == [MarketEvent(id: "cpi", time: 1_707_782_400_000, kind: "macro",
                                       title: #"CPI hot, "sticky" inflation"#, impacts: [
            MarketEvent.Impact(target: GraphNodeRef(label: "Asset", id: "BTC"), direction: "down", magnitude: 0.4),
            MarketEvent.Impact(target: GraphNodeRef(label: "Asset", id: "ETH"), direction: "down", magnitude: 0.5),
        ])])
    }

    @Test func aBadDirectionNamesFileLineAndField() {
        #expect(throws: GraphError.invalidInput(source: "e.csv", line: 3, field: "direction", value: "sideways",
                                                expected: "up, down or neutral")) {
            try MarketEventImport.parse("""
                id,time,kind,title,target,direction,magnitude
                a,2024-01-01,news,ok,BTC,up,0.1
                b,2024-01-01,news,bad,BTC,sideways,0.1
                """, source: "e.csv")
        }
        #expect("\(GraphError.invalidInput(source: "e.csv", line: 3, field: "direction", value: "sideways", expected: "up, down or neutral"))"
            == "e.csv:3: direction is 'sideways', expected up, down or neutral")
    }

    @Test func magnitudeOutsideZeroToOneAndMissingColumnsAreRejected() {
        #expect(throws: GraphError.invalidInput(source: "e.json", line: 0, field: "events[0].impacts[0].magnitude",
                                                value: "1.5", expected: "a number from 0 to 1")) {
            try MarketEventImport.parse(#"[{"id":"x","time":0,"impacts":[{"target":"BTC","direction":"up","magnitude":1.5}]}]"#,
                                        source: "e.json")
        }
        #expect(throws: GraphError.invalidInput(source: "e.csv", line: 1, field: "header", value: "id,time,title",
                                                expected: "the columns id,time,kind,title,target,direction,magnitude")) {
            try MarketEventImport.parse("id,time,title\n", source: "e.csv")
        }
    }

    @Test func eventsBecomeNodesThatImpactTheirTargets() {
        let batch = MarketEvent.graph([MarketEvent(id: "e", time: 5, kind: "news", title: "t", impacts: [
            MarketEvent.Impact(target: GraphNodeRef(label: "Asset", id: "BTC"), direction: "down", magnitude: 0.25),
        ])])
        #expect(batch.nodes == [GraphNode(label: "Event", id: "e", properties: ["kind": "news", "title": "t", "time": 5])])
        #expect(batch.relationships == [GraphRelationship(
            type: "IMPACTS", from: GraphNodeRef(label: "Event", id: "e"), to: GraphNodeRef(label: "Asset", id: "BTC"),
            properties: ["direction": "down", "magnitude": 0.25])])
    }
}
