import ArgumentParser
import GraphwizConfig
import Foundation

/// `graphwiz config validate FILE [--print]`: every problem of a configuration file at once (exit 1), or
/// `FILE: valid` and, with `--print`, the redacted effective configuration.
struct ConfigValidate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a configuration file: unknown keys, wrong types, out-of-range values, unset ${VAR}s.")

    @Argument(help: "The YAML configuration file.")
    var file: String

    @Flag(name: .customLong("print"), help: "Also print the effective configuration (defaults filled in, secrets as ***).")
    var printConfig = false

    @OptionGroup var environmentOptions: ConfigEnvironmentOptions

    func run() async throws { try perform().emit() }

    /// The report and exit status (0 valid, 1 invalid).
    func perform(process: [String: String] = ProcessInfo.processInfo.environment) throws -> DataCommandOutput {
        do {
            let environment = try environmentOptions.environment(process: process)
            let config = try ConfigLoader(environment: environment).load(file: file)
            var lines = ["\(file): valid"]
            if printConfig { lines.append(try config.redactedYAML().trimmingCharacters(in: .newlines)) }
            return DataCommandOutput(lines)
        } catch let error as ConfigError {
            return DataCommandOutput(error.report(source: file), exitCode: 1)
        }
    }
}
