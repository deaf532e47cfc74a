import ArgumentParser
import GraphwizConfig
import Foundation

/// `graphwiz config show [FILE]`: the effective configuration as YAML, secrets as `***`; without a file, the
/// embedded default (with any `GRAPHWIZ_<SECTION>__<KEY>` overrides).
struct ConfigShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the effective configuration (defaults filled in, overrides applied, secrets as ***).")

    @Argument(help: "The YAML configuration file (default: the embedded default configuration).")
    var file: String?

    @OptionGroup var environmentOptions: ConfigEnvironmentOptions

    func run() async throws { try perform().emit() }

    /// The YAML, or the problems with exit status 1.
    func perform(process: [String: String] = ProcessInfo.processInfo.environment) throws -> DataCommandOutput {
        let source = file ?? "embedded default.yaml"
        do {
            let loader = ConfigLoader(environment: try environmentOptions.environment(process: process))
            let config = try file.map { path throws(ConfigError) in try loader.load(file: path) } ?? loader.loadDefault()
            return DataCommandOutput([try config.redactedYAML().trimmingCharacters(in: .newlines)])
        } catch let error as ConfigError {
            return DataCommandOutput(error.report(source: source), exitCode: 1)
        }
    }
}
