import ArgumentParser

/// `graphwiz graph`: the knowledge graph of markets and decisions.
struct GraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Knowledge graph: provenance of orders, statistics, export, correlations, regimes, events, updates, Cypher.",
        discussion: """
            Embedded by default (the graph lives in the SQLite store, --db); Neo4j with --neo4j-url bolt://HOST:7687 \
            (--neo4j-user, --neo4j-password) or GRAPHWIZ_NEO4J_URL / _USER / _PASSWORD. `graphwiz backtest` writes \
            each run's decision graph (skip with --no-graph).
            """,
        subcommands: [GraphWhy.self, GraphStatsCommand.self, GraphExportCommand.self, GraphCorrelations.self,
                      GraphRegimes.self, GraphEventsCommand.self, GraphUpdate.self, GraphQuery.self, GraphPrune.self,
                      GraphBench.self]
    )
}
