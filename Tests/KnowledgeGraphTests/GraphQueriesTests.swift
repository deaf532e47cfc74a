import Foundation
import KnowledgeGraph
import Testing

/// BTC and ETH markets on binance, correlations BTC-ETH 0.8 and BTC-SOL -0.4, a regime history of BTC/USDT,
/// and the live decision of ``LiveFixtures``.
func seedQueries(_ store: any GraphStore) async throws {
    let btc = MarketSeries(exchange: "binance", symbol: "BTCUSDT", base: "BTC", quote: "USDT", timeframe: .oneHour, bars: [])
    let eth = MarketSeries(exchange: "binance", symbol: "ETHUSDT", base: "ETH", quote: "USDT", timeframe: .oneHour, bars: [])
    var batch = MarketContextGraph.market(btc)
    batch.append(MarketContextGraph.market(eth))
    batch.append(MarketContextGraph.regimes([
        RegimeEpisode(regime: .range, from: 0, to: 3_600_000, bars: 2),
        RegimeEpisode(regime: .trendUp, from: 7_200_000, to: 14_400_000, bars: 3),
    ], market: btc.marketRef, timeframe: "1h"))
    let asset = { GraphNodeRef(label: "Asset", id: $0) }
    batch.relationships += [
        GraphRelationship(type: "CORRELATED_WITH", from: asset("BTC"), to: asset("ETH"), properties: ["rho": 0.8, "as_of": 500]),
        GraphRelationship(type: "CORRELATED_WITH", from: asset("BTC"), to: asset("SOL"), properties: ["rho": -0.4, "as_of": 700]),
    ]
    try await store.write(batch)
    let writer = ProvenanceWriter(store: store, runId: "paper")
    for record in LiveFixtures.records() { writer.submit(record) }
    writer.submit(.signal(SignalRecord(id: "live-2", strategy: "sma_cross", symbol: "BTCUSDT", side: .sell, tag: "exit",
                                       time: 5_000)))
    writer.submit(.riskCheck(RiskCheckRecord(signalId: "live-2", passed: false, code: "max_drawdown",
                                             reason: "drawdown 12% > 10%", time: 5_000)))
    writer.finish()
    try await writer.run()
}

@Suite struct GraphCorrelationSourceTests {
    @Test func theMatrixIsSymmetricInSymbolOrderWithMissingPairsListed() async throws {
        try await TemporaryGraph.withEmbedded { store in
            try await seedQueries(store)
            let matrix = try await GraphCorrelationSource(store: store).matrix(symbols: ["ETHUSDT", "BTCUSDT", "SOL", "XRP"])
            #expect(matrix.symbols == ["ETHUSDT", "BTCUSDT", "SOL", "XRP"])
            #expect(matrix.rho == [
                [1, 0.8, 0, 0],
                [0.8, 1, -0.4, 0],
                [0, -0.4, 1, 0],
                [0, 0, 0, 1],
            ])
            #expect(matrix.missing == [[0, 2], [0, 3], [1, 3], [2, 3]])
            #expect(matrix.asOf == 700)
        }
    }

    @Test func twoSymbolsOfOneAssetAreFullyCorrelated() async throws {
        try await TemporaryGraph.withEmbedded { store in
            try await seedQueries(store)
            let matrix = try await GraphCorrelationSource(store: store, missingValue: 1).matrix(symbols: ["BTCUSDT", "BTC"])
            #expect(matrix.rho == [[1, 1], [1, 1]])
            #expect(matrix.missing.isEmpty)
            #expect(matrix.asOf == nil)
        }
    }
}

@Suite struct GraphQueryToolTests {
    @Test func theSchemaIsJSONAndListsEveryQuery() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(GraphQueryTool.parametersSchema.utf8))
            as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        let query = try #require(properties["query"] as? [String: Any])
        #expect(query["enum"] as? [String] == GraphQueryTool.Query.allCases.map(\.rawValue))
        #expect(Set(properties.keys) == GraphQueryTool.argumentNames)
        #expect(schema["required"] as? [String] == ["query"])
    }

    @Test func correlatedAssetsStrongestFirst() async throws {
        try await TemporaryGraph.withEmbedded { store in
            try await seedQueries(store)
            let tool = GraphQueryTool(store: store)
            #expect(await tool.call(arguments: #"{"query":"correlated_assets","asset":"BTC"}"#)
                == #"{"asset":"BTC","correlated":[{"asset":"ETH","rho":0.8},{"asset":"SOL","rho":-0.4}],"query":"correlated_assets"}"#)
            #expect(await tool.call(arguments: #"{"query":"correlated_assets","asset":"BTC","min_abs_rho":0.5}"#)
                == #"{"asset":"BTC","correlated":[{"asset":"ETH","rho":0.8}],"query":"correlated_assets"}"#)
        }
    }

    @Test func currentRegimeOfAMarket() async throws {
        try await TemporaryGraph.withEmbedded { store in
            try await seedQueries(store)
            let answer = await GraphQueryTool(store: store).call(arguments: #"{"query":"current_regime","symbol":"BTCUSDT"}"#)
            #expect(answer == #"{"markets":[{"bars":3,"from":7200000,"market":"binance:BTCUSDT","regime":"trend_up","timeframe":"1h","to":14400000}],"query":"current_regime","symbol":"BTCUSDT"}"#)
            let unknown = await GraphQueryTool(store: store).call(arguments: #"{"query":"current_regime","symbol":"ETHUSDT"}"#)
            #expect(unknown == #"{"markets":[{"market":"binance:ETHUSDT"}],"query":"current_regime","symbol":"ETHUSDT"}"#)
        }
    }

    @Test func recentDecisionsNewestFirst() async throws {
        try await TemporaryGraph.withEmbedded { store in
            try await seedQueries(store)
            let answer = await GraphQueryTool(store: store).call(arguments: #"{"query":"recent_decisions","symbol":"BTCUSDT"}"#)
            #expect(answer == #"{"decisions":[{"agents":[],"fills":0,"risk_reason":"drawdown 12% > 10%","risk_verdict":"REJECTED_BY","side":"sell","signal_id":"live-2","strategy":"sma_cross","tag":"exit","time":5000},{"agents":["risk_agent: approve"],"average_price":"100","fills":1,"order_status":"filled","risk_verdict":"APPROVED_BY","side":"buy","signal_id":"live-1","strategy":"sma_cross","tag":"golden_cross","time":1000}],"query":"recent_decisions","symbol":"BTCUSDT"}"#)
        }
    }

    @Test func whyOrderReturnsTheProvenance() async throws {
        try await TemporaryGraph.withEmbedded { store in
            try await seedQueries(store)
            let answer = await GraphQueryTool(store: store).call(arguments: #"{"query":"why_order","order_id":"live-1"}"#)
            let decoded = try JSONDecoder().decode(OrderProvenance.self, from: Data(answer.utf8))
            let direct = try await ProvenanceQuery.why(orderId: "live-1", in: store)
            #expect(decoded == direct)
            #expect(decoded.positions.map(\.id) == ["paper/BTCUSDT/2000"])
        }
    }

    @Test func badArgumentsAnswerAnErrorNamingTheField() async throws {
        try await TemporaryGraph.withEmbedded { store in
            let tool = GraphQueryTool(store: store)
            #expect(await tool.call(arguments: #"{"query":"why_order"}"#)
                == #"{"error":"graph_query: order_id is '', expected a non-empty string for this query"}"#)
            #expect(await tool.call(arguments: #"{"query":"correlated_assets","asset":"BTC","limit":0}"#)
                == #"{"error":"graph_query: limit is '0', expected an integer from 1 to 100"}"#)
            #expect(await tool.call(arguments: #"{"query":"why_order","order_id":"nope"}"#)
                == #"{"error":"graph: no Order or Signal node with id 'nope'"}"#)
            #expect(await tool.call(arguments: #"{"query":"drop_everything"}"#).hasPrefix(#"{"error":"graph_query: arguments is"#))
            #expect(await tool.call(arguments: #"{"query":"why_order","order_id":"x","cypher":"MATCH (n) DELETE n"}"#)
                == #"{"error":"graph_query: arguments is 'cypher', expected only asset, limit, min_abs_rho, order_id, query, symbol, timeframe"}"#)
        }
    }
}
