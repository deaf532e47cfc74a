import Alerts
import Foundation
import GraphwizConfig
import ProcessTestSupport
import Testing

/// The deployment files: the Prometheus rules agree with the service's alert rules, every installed validator
/// accepts the files, and promtool's unit tests prove each alert fires.
@Suite struct DeployValidationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Whether an executable is on PATH.
    static func installed(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    static let validators = ["hadolint", "shellcheck", "docker-compose", "systemd-analyze", "nginx", "openssl", "promtool", "amtool", "python3"]

    /// Runs a command in the repository root (without holding a cooperative thread), killing it after `limit`
    /// seconds; returns exit code and output.
    static func run(_ arguments: [String], limit: Int = 120) async throws -> (Int32, String) {
        let outcome = try await ChildProcess.run(arguments, in: root, limit: .seconds(limit))
        return (outcome.status, outcome.output + (outcome.timedOut ? "\n[killed after \(limit) s]" : ""))
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func prometheusRulesNameEveryServiceAlertPlusServiceDown() throws {
        let names = try Self.text("deploy/prometheus/alerts.yml").split(separator: "\n")
            .compactMap { line -> String? in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return trimmed.hasPrefix("- alert: ") ? String(trimmed.dropFirst("- alert: ".count)) : nil
            }
        #expect(names == AlertRule.allCases.map(\.rawValue) + ["GraphwizDown"])
    }

    @Test func prometheusThresholdsAreTheServiceDefaults() throws {
        let rules = try Self.text("deploy/prometheus/alerts.yml")
        let t = AlertThresholds()
        #expect(rules.contains("expr: graphwiz_trading_drawdown >= \(t.maxDrawdown)"))
        #expect(rules.contains("expr: (1 - graphwiz_portfolio_value / (graphwiz_portfolio_value offset 1d)) >= \(t.maxDailyLoss)"))
        #expect(rules.contains("expr: graphwiz_risk_exposure_ratio >= \(Int(t.maxGrossExposure))"))
        #expect(rules.contains("expr: graphwiz_exchange_connected == 0\n        for: \(Int(t.exchangeDisconnectedSeconds) / 60)m"))
        #expect(rules.contains("expr: sum(increase(graphwiz_trading_rejections_total[\(Int(t.rejectionWindowSeconds) / 60)m])) > \(t.maxRejections)"))
    }

    @Test func configurationDefaultsAreTheAlertDefaults() {
        let config = AlertsConfig(), t = AlertThresholds()
        #expect(config.maxDrawdown == t.maxDrawdown)
        #expect(config.maxDailyLoss == t.maxDailyLoss)
        #expect(config.maxGrossExposure == t.maxGrossExposure)
        #expect(Double(config.exchangeDisconnectedS) == t.exchangeDisconnectedSeconds)
        #expect(config.maxRejections == t.maxRejections)
        #expect(Double(config.rejectionWindowS) == t.rejectionWindowSeconds)
        #expect(Double(config.renotifyIntervalS) == t.renotifySeconds)
        #expect(config.sendResolved == t.sendResolved)
    }

    @Test func promtoolTestFileCoversEveryAlert() throws {
        let tests = try Self.text("deploy/prometheus/alerts_test.yml")
        for name in AlertRule.allCases.map(\.rawValue) + ["GraphwizDown"] {
            #expect(tests.contains("alertname: \(name)\n        exp_alerts:\n          - exp_labels:"), "no firing test for \(name)")
        }
    }

    @Test(.enabled(if: installed("promtool"))) func promtoolUnitTestsProveEachAlertFires() async throws {
        let (status, output) = try await Self.run(["promtool", "test", "rules", "deploy/prometheus/alerts_test.yml"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("SUCCESS"))
    }

    @Test(.enabled(if: validators.allSatisfy(installed))) func deploymentFilesPassEveryValidator() async throws {
        let (status, output) = try await Self.run(["bash", "scripts/validate-deploy.sh", "--require-all"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("validate-deploy: 11 passed, 0 failed, 0 skipped"), "\(output)")
    }

    @Test func alertsSectionLoadsFromYAML() throws {
        let yaml = """
            monitoring:
              alerts:
                max_drawdown: 0.2
                renotify_interval_s: 600
                slack:
                  secret_webhook_url: https://hooks.slack.com/services/T/B/K
                telegram:
                  bot_token: "123:ABC"
                  chat_id: "-1001"
                email:
                  host: smtp.example.com
                  from: graphwiz@example.com
                  to: [ops@example.com]
            """
        let config = try ConfigLoader(environment: [:]).load(yaml: yaml, source: "alerts.yaml")
        #expect(config.monitoring.alerts.maxDrawdown == 0.2)
        #expect(config.monitoring.alerts.renotifyIntervalS == 600)
        #expect(config.monitoring.alerts.email.to == ["ops@example.com"])
        #expect(config.monitoring.alerts.email.security == "starttls")
        let redacted = try config.redactedYAML()
        #expect(!redacted.contains("hooks.slack.com"))
        #expect(!redacted.contains("123:ABC"))
    }

    @Test func badAlertValuesAreReportedWithTheirPaths() {
        let yaml = """
            monitoring:
              alerts:
                max_daily_loss: 1.5
                email:
                  host: smtp.example.com
                  security: ssl
            """
        do {
            _ = try ConfigLoader(environment: [:]).load(yaml: yaml, source: "alerts.yaml")
            Issue.record("expected range problems")
        } catch {
            let messages = error.problems.map(\.message)
            #expect(messages == [
                "monitoring.alerts.max_daily_loss must be a number from 0.0 to 1.0, got 1.5",
                "monitoring.alerts.email.security must be one of starttls, tls, none, got ssl",
                "monitoring.alerts.email.from must be a sender address when email.host is set, got ''",
                "monitoring.alerts.email.to must be at least one recipient when email.host is set, got []",
            ])
        }
    }
}
