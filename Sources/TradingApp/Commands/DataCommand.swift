import ArgumentParser

/// `graphwiz data`: import, list, validate, generate and resample bar data.
public struct DataCommand: AsyncParsableCommand {
    /// The `data` subcommands; append new ones here (for example `data indicators`).
    static let subcommandTypes: [any ParsableCommand.Type] = [
        DataImport.self,
        DataList.self,
        DataValidate.self,
        DataGenerate.self,
        DataResample.self,
        DataIndicators.self,
        DataDownload.self,
    ]

    /// `data` with the subcommands in ``subcommandTypes``.
    public static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Import, download, list, validate, generate, resample OHLCV bar data and compute indicators.",
        subcommands: subcommandTypes
    )

    /// Required by ArgumentParser.
    public init() {}
}
