import Foundation
import Yams

/// Reads an ``AppConfiguration``: expands `${VAR}` / `${VAR:-default}`, parses the YAML, applies
/// `GRAPHWIZ_<SECTION>__<KEY>` overrides, checks keys and types against the schema, fills in defaults,
/// decodes, and checks ranges. Every problem is collected and thrown at once (an unset `${VAR}` is reported
/// and read as empty, so the rest of the file is still checked).
public struct ConfigLoader: Sendable {
    /// The variables used for expansion and overrides (`.env` values under the real environment).
    public var environment: [String: String]

    /// A loader over these variables.
    public init(environment: [String: String]) { self.environment = environment }

    /// The process environment over the variables of a `.env` file (when the file exists).
    /// - Throws: ``ConfigError`` for malformed `.env` lines or an unreadable file.
    public static func environment(dotEnvFile: String? = ".env",
                                   process: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> [String: String] {
        guard let dotEnvFile, FileManager.default.fileExists(atPath: dotEnvFile) else { return process }
        guard let text = try? String(contentsOfFile: dotEnvFile, encoding: .utf8) else {
            throw ConfigError(problems: [ConfigProblem(location: dotEnvFile, message: "cannot read the .env file as UTF-8 text")])
        }
        return DotEnv.merged(try DotEnv.parse(text, source: dotEnvFile), under: process)
    }

    /// Loads a file.
    /// - Throws: ``ConfigError`` with every problem, each located as `path:line` or `environment VAR`.
    public func load(file path: String) throws(ConfigError) -> AppConfiguration {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigError(problems: [ConfigProblem(location: path, message: "cannot read the configuration file (missing or not UTF-8)")])
        }
        return try load(yaml: text, source: path)
    }

    /// Loads the embedded default (``DefaultConfiguration/yaml``) with the environment overrides.
    public func loadDefault() throws(ConfigError) -> AppConfiguration {
        try load(yaml: DefaultConfiguration.yaml, source: "embedded default.yaml")
    }

    /// Loads YAML text; `source` names it in locations.
    /// - Throws: ``ConfigError`` with every problem found.
    public func load(yaml text: String, source: String) throws(ConfigError) -> AppConfiguration {
        let (expanded, expansionProblems) = VariableExpander(environment: environment).expandCollecting(text, source: source)
        let parsed: Node?
        do {
            parsed = try compose(yaml: expanded)
        } catch {
            throw ConfigError(problems: expansionProblems + [YAMLSyntaxProblem.problem(error, source: source)])
        }
        let overrides = EnvironmentOverrides(environment: environment)
        let (root, overrideProblems) = overrides.apply(to: parsed)
        let locator = ConfigLocator(source: source,
                                    overrides: Dictionary(overrides.overrides.map { (ConfigPath.display($0.path), $0.variable) },
                                                          uniquingKeysWith: { a, _ in a }),
                                    root: root)
        let schema = ConfigSchema.shared
        var checker = ConfigChecker(schema: schema, locator: locator)
        let clean = root.flatMap { checker.sanitize($0) }
        var problems = expansionProblems + overrideProblems + checker.problems
        let merged = NodeMerge.merge(clean, over: schema.defaults, schema: schema)
        let config: AppConfiguration
        do {
            config = try YAMLDecoder().decode(AppConfiguration.self, from: serialize(node: merged))
        } catch {
            problems.append(ConfigProblem(location: source, message: "cannot be decoded: \(error)"))
            throw ConfigError(problems: problems)
        }
        for p in config.rangeProblems() {
            problems.append(ConfigProblem(location: locator.location(of: nil, path: p.path), message: p.message))
        }
        if !problems.isEmpty { throw ConfigError(problems: problems) }
        return config
    }
}
