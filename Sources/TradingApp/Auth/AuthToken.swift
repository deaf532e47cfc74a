import ArgumentParser
import Foundation
import GraphwizConfig
import TradingAPI

/// `graphwiz auth token --role R --ttl 1h`: an HS256 token signed with `security.jwt_secret` of the
/// configuration (file, embedded default, `GRAPHWIZ_SECURITY__JWT_SECRET` override or `.env`).
struct AuthToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print an API token (JWT) for a role, signed with the configured secret.")

    @Option(help: "Role granted: viewer, trader or admin.")
    var role: APIRole

    @Option(help: "Lifetime: 90s, 15m, 1h, 7d (a bare number is seconds).")
    var ttl = "1h"

    @Option(help: "Subject recorded in the token (who it is for).")
    var subject = "cli"

    @Option(help: "The YAML configuration file (default: the embedded default configuration).")
    var config: String?

    @OptionGroup var environmentOptions: ConfigEnvironmentOptions

    func validate() throws {
        guard APITokenIssuer.parseTTL(ttl) != nil else {
            throw ValidationError("--ttl must be a positive duration like 90s, 15m, 1h or 7d, got '\(ttl)'")
        }
        guard !subject.isEmpty, subject.count <= 128 else { throw ValidationError("--subject must be 1...128 characters") }
    }

    func run() async throws {
        let (output, warning) = try await perform()
        if let warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        try output.emit()
    }

    /// The token line (or the configuration problems with exit status 1) and a warning for the default secret.
    func perform(process: [String: String] = ProcessInfo.processInfo.environment,
                 now: Date = Date()) async throws -> (DataCommandOutput, String?) {
        let source = config ?? "embedded default.yaml"
        let appConfig: AppConfiguration
        do {
            let loader = ConfigLoader(environment: try environmentOptions.environment(process: process))
            appConfig = try config.map { path throws(ConfigError) in try loader.load(file: path) } ?? loader.loadDefault()
        } catch let error as ConfigError {
            return (DataCommandOutput(error.report(source: source), exitCode: 1), nil)
        }
        let secret = appConfig.security.jwtSecret
        let token = try await APITokenIssuer(secret: secret)
            .issue(subject: subject, role: role, ttl: APITokenIssuer.parseTTL(ttl)!, now: now)
        let warning = secret == SecurityConfig.defaultJWTSecret
            ? "warning: signed with the shipped default security.jwt_secret; fine for simulation, refused in live mode"
            : nil
        return (DataCommandOutput([token]), warning)
    }
}
