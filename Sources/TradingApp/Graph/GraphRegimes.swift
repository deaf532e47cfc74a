import TradingModel
import ArgumentParser
import KnowledgeGraph
import MarketData

/// `graphwiz graph regimes --symbol S`: the regime episodes of a market, and the patterns and events that
/// impact it.
struct GraphRegimes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regimes",
        abstract: "Show a market's regimes (trend_up, trend_down, range, high_volatility), patterns and events.",
        discussion: "Written by `graphwiz graph update` (regimes, patterns) and `graphwiz graph events import`.")

    @Option(help: "Symbol (BTC/USDT, BTCUSDT, BTC) or market id (simulated:BTC/USDT).")
    var symbol: String

    @Option(help: "Only this timeframe (e.g. 1h).")
    var timeframe: String?

    @Option(help: "Most episodes and impacts to list.")
    var limit = 20

    @OptionGroup var backend: GraphBackendOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be a positive count, got \(limit)") }
    }

    func run() async throws { try await perform().emit() }

    /// The symbol as given, then in unified `BASE/QUOTE` form.
    var candidates: [String] {
        let (base, quote) = StoredMarketSeriesSource.split(symbol)
        let unified = "\(base)/\(quote)"
        return unified == symbol ? [symbol] : [symbol, unified]
    }

    func perform() async throws -> DataCommandOutput {
        let (symbol, timeframe, limit, candidates) = (self.symbol, self.timeframe, self.limit, self.candidates)
        return try await backend.withStore { store in
            var markets: [GraphNode] = []
            for candidate in candidates where markets.isEmpty {
                markets = try await MarketStateQuery.markets(candidate, in: store)
            }
            guard !markets.isEmpty else {
                return DataCommandOutput(["No market '\(symbol)' in the graph; run `graphwiz graph update` after importing bars."],
                                         exitCode: 1)
            }
            var lines: [String] = []
            for market in markets {
                let episodes = try await MarketStateQuery.regimes(of: market.ref, timeframe: timeframe, in: store)
                let current = try await MarketStateQuery.currentRegime(of: market.ref, timeframe: timeframe, in: store)
                lines.append("Market \(market.id): current regime "
                    + (current.map { "\($0.properties["regime"]?.description ?? "?") since "
                        + UTCTimestamp.iso8601($0.properties["from"]?.intValue ?? 0) } ?? "unknown"))
                var table = DataTextTable(header: ["REGIME", "TIMEFRAME", "FROM", "TO", "BARS"])
                for episode in episodes.prefix(limit) {
                    table.append([episode.properties["regime"]?.description ?? "?",
                                  episode.properties["timeframe"]?.description ?? "-",
                                  UTCTimestamp.iso8601(episode.properties["from"]?.intValue ?? 0),
                                  UTCTimestamp.iso8601(episode.properties["to"]?.intValue ?? 0),
                                  episode.properties["bars"]?.description ?? "-"])
                }
                if !table.rows.isEmpty { lines += table.lines }
                var impacts = DataTextTable(header: ["TIME", "KIND", "WHAT", "ON", "DIRECTION", "MAGNITUDE"])
                for impact in try await MarketStateQuery.impacts(on: market, in: store).prefix(limit) {
                    let node = impact.node
                    let what = node.properties["pattern"]?.description ?? node.properties["title"]?.description ?? node.id
                    let magnitude = impact.relationship.properties["magnitude"]?.doubleValue.map { String(format4: $0) } ?? "-"
                    impacts.append([UTCTimestamp.iso8601(node.time ?? 0), node.label, what, impact.relationship.to.id,
                                    impact.relationship.properties["direction"]?.description ?? "-", magnitude])
                }
                if !impacts.rows.isEmpty { lines += impacts.lines }
            }
            return DataCommandOutput(lines)
        }
    }
}
