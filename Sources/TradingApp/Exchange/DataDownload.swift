import ArgumentParser
import Exchanges
import Foundation
import Logging
import MarketData
import Persistence
import TradingCore
import TradingModel

/// `graphwiz data download --exchange E --symbol S --timeframe TF --from DATE [--to DATE] [--db PATH]`: fetches
/// closed bars from the venue (1000 per request on Binance), validates them and stores them like imported data;
/// run again to resume after the last stored bar.
struct DataDownload: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download",
        abstract: "Download bars from an exchange into the store (paginated, resumable, validated)."
    )

    @OptionGroup var connection: ExchangeConnectionOptions

    @Option(help: "Unified symbol, e.g. BTC/USDT.")
    var symbol: String

    @Option(help: "Bar timeframe: 1m, 5m, 15m, 1h, 4h, 1d, 1w.")
    var timeframe: String

    @Option(help: "First bar time: ISO-8601 (2024-01-01) or Unix seconds/ms.")
    var from: String

    @Option(help: "Last bar time (default: now).")
    var to: String?

    @Option(help: "Database file (default: $GRAPHWIZ_DB or data/graphwiz.sqlite).")
    var db: String?

    func validate() throws {
        _ = try DataArguments.timeframe(timeframe, option: "--timeframe")
        let start = try DataArguments.time(from, option: "--from")
        if let to, try DataArguments.time(to, option: "--to") < start {
            throw ValidationError("--to '\(to)' is before --from '\(from)'")
        }
    }

    func run() async throws { try await perform().emit() }

    func perform(environment: [String: String] = ProcessInfo.processInfo.environment,
                 logger: Logger = ExchangeCommandLogging.logger(),
                 now: Int64 = WallClock().now()) async throws -> DataCommandOutput {
        let tf = try DataArguments.timeframe(timeframe, option: "--timeframe")
        let start = try DataArguments.time(from, option: "--from")
        let end = try to.map { try DataArguments.time($0, option: "--to") } ?? now
        let settings = try connection.settings(environment: environment)
        let source: any HistoricalBarSource
        switch settings.venue {
        case .binance:
            source = BinanceHistoricalBars(exchange: BinanceExchange(
                configuration: ExchangeFactory.binanceConfiguration(settings), logger: logger))
        case .kraken:
            source = KrakenHistoricalBars(exchange: try ExchangeFactory.kraken(settings, logger: logger))
        }
        let path = StoreLocation.resolve(option: db, environment: environment)
        let symbol = symbol.uppercased()
        let summary = try await SQLStore.withStore(path: path) { store in
            try await BarDownloader(source: source, store: BarStore(store: store))
                .download(symbol: symbol, timeframe: tf, from: start, to: end)
        }
        var lines: [String] = []
        if let resumed = summary.resumedFrom {
            lines.append("Resuming \(symbol) \(tf) after the last stored bar, from \(UTCTimestamp.iso8601(resumed)).")
        }
        if summary.requests == 0 {
            lines.append("Nothing to do: \(symbol) \(tf) in \(path) already covers the range.")
        } else if summary.stored == 0 {
            lines.append("No new bars: \(source.venueName) returned none for \(symbol) \(tf) from "
                + "\(UTCTimestamp.iso8601(summary.resumedFrom ?? start)).")
        } else {
            lines.append("Downloaded \(summary.stored) \(tf) bars of \(symbol) from \(source.venueName) in "
                + "\(summary.requests) request\(summary.requests == 1 ? "" : "s"): "
                + "\(UTCTimestamp.iso8601(summary.first ?? start)) to \(UTCTimestamp.iso8601(summary.last ?? end)).")
            lines.append("Stored in \(path).")
        }
        if summary.gaps > 0 {
            lines.append("Warning: \(summary.gaps) gap\(summary.gaps == 1 ? "" : "s") (\(summary.missingBars) missing bars) "
                + "in the venue's data.")
        }
        return DataCommandOutput(lines)
    }
}
