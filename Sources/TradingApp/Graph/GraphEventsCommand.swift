import ArgumentParser
import Foundation
import KnowledgeGraph

/// `graphwiz graph events`: news and custom events with their impacts on assets and markets.
struct GraphEventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Import news or custom events that impact assets and markets.",
        subcommands: [GraphEventsImport.self])
}

/// `graphwiz graph events import FILE`: JSON or CSV events into the graph.
struct GraphEventsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import events from a JSON or CSV file: (Event)-[:IMPACTS {direction, magnitude}]->(Asset|Market).",
        discussion: """
            JSON: [{"id":"e1","time":"2024-01-10T21:00:00Z","kind":"news","title":"Spot ETF approved",\
            "impacts":[{"target":"BTC","direction":"up","magnitude":0.8}]}]. CSV header: \
            id,time,kind,title,target,direction,magnitude (one row per impact). A target with ':' is a market id \
            (binance:BTCUSDT), otherwise an asset code. Importing again updates the same events.
            """)

    @Argument(help: "The JSON or CSV file.")
    var file: String

    @OptionGroup var backend: GraphBackendOptions

    func run() async throws { try await perform().emit() }

    func perform() async throws -> DataCommandOutput {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            return DataCommandOutput(["graph events import: cannot read \(file): \(error.localizedDescription)"], exitCode: 1)
        }
        let events: [MarketEvent]
        do {
            events = try MarketEventImport.parse(text, source: file)
        } catch let error as GraphError {
            return DataCommandOutput(["\(error)"], exitCode: 1)
        }
        let batch = MarketEvent.graph(events)
        try await backend.withStore { try await $0.write(batch) }
        return DataCommandOutput(["Imported \(events.count) events with \(batch.relationships.count) impacts from \(file)"])
    }
}
