import ArgumentParser
import MarketData

/// `graphwiz data validate FILE [--timeframe TF]`: prints the validation report; exit 1 on errors.
struct DataValidate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a CSV of bars for bad rows, impossible prices, time order and gaps."
    )

    @Argument(help: "CSV file to check.")
    var file: String

    @Option(help: "Expected timeframe (default: inferred from the most common spacing).")
    var timeframe: String?

    @Option(help: "Most problems to list.")
    var maxIssues = 100

    func validate() throws {
        if let timeframe { _ = try DataArguments.timeframe(timeframe, option: "--timeframe") }
    }

    func run() async throws {
        try await perform().emit()
    }

    func perform() async throws -> DataCommandOutput {
        let tf = try timeframe.map { try DataArguments.timeframe($0, option: "--timeframe") }
        let read = try CSVBarReader().read(contentsOfFile: file)
        let report = BarValidator(timeframe: tf).validate(read)
        var lines = ["\(report.summary) [\(read.format)]"]
        lines += DataArguments.issueLines(report.issues, limit: maxIssues)
        lines.append(report.isValid ? "OK: no errors." : "FAILED: \(report.errorCount) error\(report.errorCount == 1 ? "" : "s").")
        return DataCommandOutput(lines, exitCode: report.isValid ? 0 : 1)
    }
}
