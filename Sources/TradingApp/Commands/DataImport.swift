import ArgumentParser
import Foundation
import MarketData
import Persistence
import TradingModel

/// `graphwiz data import FILE --symbol S --timeframe TF [--db PATH] [--allow-gaps] [--source NAME]`.
///
/// Reads and validates the file; any error (or, without `--allow-gaps`, any gap) refuses the import with the
/// list of problems, a non-zero exit code and nothing stored. Otherwise upserts the bars in one transaction.
struct DataImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate a CSV of bars and store it (all or nothing)."
    )

    @Argument(help: "CSV file: header with time/open/high/low/close[/volume], or headerless CCXT or Binance rows.")
    var file: String

    @Option(help: "Symbol to store the bars under, e.g. BTC/USDT.")
    var symbol: String

    @Option(help: "Bar timeframe of the file: 1m, 5m, 15m, 1h, 4h, 1d, 1w.")
    var timeframe: String

    @Option(help: "Database file (default: $GRAPHWIZ_DB or data/graphwiz.sqlite).")
    var db: String?

    @Flag(help: "Store the bars even if the series has gaps (they are reported as warnings).")
    var allowGaps = false

    @Option(help: "Source label stored with the series (default: the file name).")
    var source: String?

    @Option(help: "Most problems to list.")
    var maxIssues = 50

    func validate() throws {
        _ = try DataArguments.timeframe(timeframe, option: "--timeframe")
        guard !symbol.isEmpty else { throw ValidationError("--symbol must not be empty, e.g. BTC/USDT") }
    }

    func run() async throws {
        try await perform().emit()
    }

    func perform() async throws -> DataCommandOutput {
        let tf = try DataArguments.timeframe(timeframe, option: "--timeframe")
        let read = try CSVBarReader().read(contentsOfFile: file)
        let report = BarValidator(timeframe: tf).validate(read)
        var lines = ["Read \(report.summary) [\(read.format)]"]
        if !report.isValid {
            lines.append("Refused: \(report.errorCount) error\(report.errorCount == 1 ? "" : "s"); nothing was stored.")
            lines += DataArguments.issueLines(report.errors, limit: maxIssues)
            return DataCommandOutput(lines, exitCode: 1)
        }
        let spacingProblems = report.gapCount > 0 || report.warningCount > 0
        if spacingProblems && !allowGaps {
            lines.append("Refused: \(report.gapCount) gap\(report.gapCount == 1 ? "" : "s") "
                + "(\(report.missingBars) missing \(tf) bars) or irregular spacing; nothing was stored. "
                + "Check --timeframe, or pass --allow-gaps to store anyway.")
            lines += DataArguments.issueLines(report.warnings, limit: maxIssues)
            return DataCommandOutput(lines, exitCode: 1)
        }
        let path = StoreLocation.resolve(option: db)
        let label = source ?? read.file
        let result = try await SQLStore.withStore(path: path) { store in
            try await BarStore(store: store).insert(read.bars, symbol: symbol, timeframe: tf, source: label)
        }
        lines.append("Stored \(symbol) \(tf) in \(path): \(result.inserted) new, \(result.updated) updated.")
        if spacingProblems {
            lines.append("Warnings (\(report.gapCount) gaps, \(report.missingBars) missing bars):")
            lines += DataArguments.issueLines(report.warnings, limit: maxIssues)
        }
        return DataCommandOutput(lines)
    }
}
