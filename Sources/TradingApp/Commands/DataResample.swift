import ArgumentParser
import MarketData
import TradingModel

/// `graphwiz data resample --data FILE --to 1h --out FILE [--from TF] [--keep-incomplete]`.
struct DataResample: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resample",
        abstract: "Aggregate a CSV of bars into a higher timeframe (UTC-aligned buckets, weeks from Monday)."
    )

    @Option(help: "Input CSV file.")
    var data: String

    @Option(help: "Target timeframe, e.g. 1h.")
    var to: String

    @Option(help: "Timeframe of the input (default: inferred from the most common spacing).")
    var from: String?

    @Option(help: "Output CSV file.")
    var out: String

    @Flag(help: "Keep a trailing bucket the data does not fill (default: drop it).")
    var keepIncomplete = false

    func validate() throws {
        _ = try DataArguments.timeframe(to, option: "--to")
        if let from { _ = try DataArguments.timeframe(from, option: "--from") }
    }

    func run() async throws {
        try await perform().emit()
    }

    func perform() async throws -> DataCommandOutput {
        let target = try DataArguments.timeframe(to, option: "--to")
        let read = try CSVBarReader().read(contentsOfFile: data)
        let given = try from.map { try DataArguments.timeframe($0, option: "--from") }
        let report = BarValidator(timeframe: given).validate(read)
        guard report.isValid, let base = report.timeframe else {
            var lines = ["\(report.summary)", "Refused: the input has errors or too few bars to know its timeframe."]
            lines += DataArguments.issueLines(report.errors, limit: 50)
            return DataCommandOutput(lines, exitCode: 1)
        }
        let resampler = try Resampler(base: base, target: target, incomplete: keepIncomplete ? .keep : .drop)
        let result = resampler.resample(read.bars)
        try CSVBarWriter().write(result.bars, toFile: out)
        var lines = ["Resampled \(read.bars.count) \(base) bars into \(result.bars.count) \(target) bars; wrote \(out)."]
        if result.lastIsIncomplete { lines.append("The last \(target) bar is incomplete (kept by --keep-incomplete).") }
        return DataCommandOutput(lines)
    }
}
