import ArgumentParser
import Exchanges
import Foundation
import GraphwizConfig
import KnowledgeGraph
import Logging
import Persistence
import TradingCore
import TradingModel

/// `graphwiz trade`: runs one strategy on a venue in the foreground until Ctrl-C, through the same kernel as
/// backtests, with the write-ahead journal and reconciliation at start.
public struct TradeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "trade",
        abstract: "Paper or live trading in the foreground until Ctrl-C (prints the reconciliation report first).")

    @Option(help: "paper (simulated execution) or live (real orders).")
    var mode = "paper"
    @Option(help: "Venue: sim (generated bars replayed through the paper venue), binance or kraken.")
    var exchange = "sim"
    @Option(help: "Unified symbol, e.g. BTC/USDT.")
    var symbol = "BTC/USDT"
    @Option(help: "Strategy name (see `graphwiz strategies`).")
    var strategy = "sma_cross"
    @Option(name: .customLong("param"), help: "Strategy parameter k=v (repeatable).")
    var parameters: [String] = []
    @Option(help: "Bar timeframe.")
    var timeframe = "1h"
    @Option(help: "Position sizing (as in backtest), default fraction:0.1.")
    var sizing = "fraction:0.1"
    @Flag(help: "Do not ask for confirmation before live trading.")
    var yes = false
    @Flag(help: "Leave working orders at the venue when stopping (default: cancel them).")
    var keepOrders = false
    @Option(help: "sim: bars to generate.")
    var bars = 2_000
    @Option(help: "sim: generator seed.")
    var seed: UInt64 = 42
    @Option(help: "sim: replay speed in bars per second (0 = as fast as possible).")
    var speed = 0.0
    @Option(help: "sim/paper: starting quote balance.")
    var cash = 10_000.0
    @Option(help: "Database file (default data/graphwiz.sqlite or GRAPHWIZ_DB).")
    var db: String?
    @Option(help: "binance/kraken: REST base URL override (e.g. a local fake venue).")
    var baseURL: String?
    @Option(help: "binance/kraken: WebSocket base URL override (default: derived from --base-url).")
    var wsURL: String?
    @Flag(help: "binance: use the venue's testnet.")
    var testnet = false
    @Option(help: "Configuration file: exchanges.<venue> keys (when the environment has none), risk.promotion criteria, and knowledge_graph.backend with the neo4j: section for provenance.")
    var config: String?
    @Flag(help: "Live mode: trade full capital without asking the promotion gate (testnets only; logged loudly).")
    var skipPromotionGate = false
    @Flag(help: "Record no provenance (signals, risk checks, orders, fills, positions) in the knowledge graph (default: the graph of --config's knowledge_graph.backend, or the embedded graph in --db).")
    var noGraph = false

    public init() {}

    public func run() async throws {
        // Written unbuffered, so a supervisor reading a pipe sees the reconciliation report at once.
        let lines = try await perform { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Runs the session; `announce` receives the lines to show at once (confirmation, reconciliation report).
    /// Returns the summary lines.
    func perform(environment: [String: String] = ProcessInfo.processInfo.environment,
                 confirm: () -> String? = { readLine() },
                 announce: (String) -> Void) async throws -> [String] {
        guard let venueMode = VenueMode(rawValue: mode), venueMode != .simulation else {
            throw ValidationError("--mode must be paper or live, got '\(mode)'")
        }
        let tf = try DataArguments.timeframe(timeframe, option: "--timeframe")
        guard let requestedSizing = PositionSizing(sizing) else {
            throw ValidationError("--sizing must be \(PositionSizing.syntax); got '\(sizing)'")
        }
        let settings: @Sendable (ExchangeVenue) throws -> ExchangeSettings = { [testnet, config, baseURL, wsURL] venue in
            try ExchangeConnectionOptions.settings(venue: venue, testnet: testnet, config: config, baseURL: baseURL,
                                                   wsURL: wsURL, environment: environment)
        }
        let path = StoreLocation.resolve(option: db)
        var positionSizing = requestedSizing
        if venueMode == .live {
            if let venue = ExchangeVenue(rawValue: exchange) {
                try TradeCredentials.require(settings(venue))
            }
            if !yes {
                announce("LIVE trading on \(exchange): real orders for \(symbol) with \(strategy). Type 'yes' to continue:")
                guard confirm()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                    throw ValidationError("live trading not confirmed; nothing was sent (pass --yes to skip the question)")
                }
            }
            positionSizing = try TradePromotionGate(skip: skipPromotionGate, databasePath: path, config: config,
                                                    environment: environment)
                .sizing(strategy: strategy, positionSizing, announce: announce)
        }
        let provider = ExchangeVenueProvider(
            simulated: SimulatedVenueProvider(bars: bars, seed: seed, barsPerSecond: speed, cash: Fixed(cash)),
            settings: settings)
        let connection: VenueConnection
        do {
            connection = try await provider.connect(venue: exchange, mode: venueMode, symbols: [symbol], timeframe: tf)
        } catch {
            throw ValidationError("\(error)")
        }
        let store = try await SQLStore.open(path: path, migrations: EmbeddedGraphStore.migrations)
        do {
            let lines = try await trade(connection: connection, mode: venueMode, timeframe: tf, sizing: positionSizing,
                                        store: store, databasePath: path, environment: environment, announce: announce)
            try await store.close()
            return lines
        } catch {
            try? await store.close()
            throw error
        }
    }

    private func trade(connection: VenueConnection, mode venueMode: VenueMode, timeframe tf: Timeframe,
                       sizing positionSizing: PositionSizing, store: SQLStore, databasePath: String,
                       environment: [String: String], announce: (String) -> Void) async throws -> [String] {
        let sessionId = "\(venueMode.rawValue)-\(exchange)-\(strategy)-\(symbol.replacingOccurrences(of: "/", with: ""))"
        let idPrefix = TradeSessionFactory.uniqueIdPrefix()
        let configuration = TradingSessionConfiguration(
            sessionId: sessionId, symbols: [symbol], timeframe: tf, sizing: positionSizing,
            idPrefix: idPrefix, cancelOrdersOnStop: !keepOrders,
            stopWhenFeedEnds: exchange == "sim")
        let logger = Logger(label: "graphwiz.trade")
        let session = try TradeSessionFactory.make(
            strategy: strategy, assignments: parameters, configuration: configuration, connection: connection,
            journal: OrderJournalStore(store: store), logger: logger)
        var provenance = try await TradeProvenance.open(disabled: noGraph, config: config, environment: environment,
                                                        databasePath: databasePath, sql: store,
                                                        runId: "trade-\(idPrefix)", logger: logger)
        await provenance.start(session: session, strategy: strategy)
        let report: ReconciliationReport
        do { report = try await session.start() } catch {
            await provenance.finish(abandon: true)
            throw ValidationError(error.description)
        }
        announce(report.description)
        let stopper = SignalStopper(signals: [SIGINT, SIGTERM]) { await session.stop() }
        defer { stopper.cancel() }
        let streams = connection.background.map { work in Task { await work() } }
        defer { streams?.cancel() }
        do { try await session.run() } catch {
            await provenance.finish()
            throw ValidationError(error.description)
        }
        // The session has stopped (feed ended, Ctrl-C or SIGTERM) and its update stream with it: the feed takes
        // the last updates and the writer flushes them before anything is printed.
        let graphCounts = await provenance.finish()
        try await session.flush()
        let snapshot = await session.snapshot()
        var lines = TradeSummary.lines(snapshot)
        lines.append(provenance.summaryLine(graphCounts))
        if venueMode == .paper {
            let initial = Fixed(cash)
            let runId = try await PaperRunRecorder.save(snapshot, symbols: [symbol], timeframe: tf, initialEquity: initial,
                                                        store: store)
            lines.append("paper run stored as \(runId) (graphwiz runs show \(runId))")
        }
        return lines
    }
}
