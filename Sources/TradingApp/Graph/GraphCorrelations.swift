import TradingModel
import ArgumentParser
import KnowledgeGraph
import MarketData

/// `graphwiz graph correlations --top N`: the strongest CORRELATED_WITH relationships by |rho|.
struct GraphCorrelations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correlations", abstract: "List the strongest asset return correlations in the graph.")

    @Option(help: "How many to show.")
    var top = 10

    @OptionGroup var backend: GraphBackendOptions

    func validate() throws {
        guard top > 0 else { throw ValidationError("--top must be a positive count, got \(top)") }
    }

    func run() async throws { try await perform().emit() }

    func perform() async throws -> DataCommandOutput {
        let all = try await backend.withStore { try await $0.relationships(ofType: GraphSchema.correlatedWith) }
        guard !all.isEmpty else {
            return DataCommandOutput(["No correlations in the graph; a portfolio backtest (--symbols A,B) writes them."])
        }
        var table = DataTextTable(header: ["ASSET", "ASSET", "RHO", "WINDOW", "AS OF"])
        for edge in MarketGraphBuilder.strongest(all, top: top) {
            let rho = edge.properties["rho"]?.doubleValue ?? .nan
            let asOf = edge.properties["as_of"]?.intValue.map(UTCTimestamp.iso8601) ?? "-"
            table.append([edge.from.id, edge.to.id, String(format4: rho),
                          edge.properties["window"]?.description ?? "-", asOf])
        }
        return DataCommandOutput(table.lines)
    }
}

extension String {
    /// A number with four decimals (`0.8123`, `-1.0000`).
    init(format4 value: Double) {
        let scaled = (value * 10_000).rounded()
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let fraction = String(magnitude % 10_000)
        self = (negative ? "-" : "") + "\(magnitude / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
