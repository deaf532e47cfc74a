import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import TradingAPI

/// A real Prometheus (Debian package `prometheus`) scrapes the metrics server; a PromQL query through its HTTP
/// API returns the portfolio gauge with the scrape's job label.
@Suite struct PrometheusScrapeTests {
    @Test(.enabled(if: LocalTools.which("prometheus") != nil, "prometheus binary absent: apt-get install prometheus"),
          .timeLimit(.minutes(1)))
    func prometheusScrapesPortfolioValue() async throws {
        let registry = APIMetrics.bootstrap()
        await MetricsPublisher(control: APIFixtures.control()).sample()
        let directory = try LocalTools.temporaryDirectory("graphwiz-prom")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await MetricsServer.buildApplication(registry: registry, port: 0).test(.live) { client in
            let target = try #require(client.port)
            let promPort = LocalTools.freePort()
            let config = """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: graphwiz
                static_configs:
                  - targets: ['127.0.0.1:\(target)']
            """
            try config.write(to: directory.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
            let process = try LocalTools.start(LocalTools.which("prometheus")!, [
                "--config.file=\(directory.path)/prometheus.yml", "--storage.tsdb.path=\(directory.path)/data",
                "--web.listen-address=127.0.0.1:\(promPort)",
            ], log: directory.appendingPathComponent("prometheus.log"))
            defer { process.terminate(); process.waitUntilExit() }
            var result: [[String: Any]] = []
            let query = "http://127.0.0.1:\(promPort)/api/v1/query?query=graphwiz_portfolio_value"
            for _ in 0..<200 where result.isEmpty {
                try await Task.sleep(for: .milliseconds(200))
                if let data = await LocalTools.get(query),
                   let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                   let payload = object["data"] as? [String: Any] {
                    result = payload["result"] as? [[String: Any]] ?? []
                }
            }
            let series = try #require(result.first)
            let labels = series["metric"] as? [String: String]
            #expect(labels?["__name__"] == "graphwiz_portfolio_value")
            #expect(labels?["job"] == "graphwiz")
            #expect(labels?["instance"] == "127.0.0.1:\(target)")
            #expect((series["value"] as? [Any])?.last as? String == "100000")
        }
    }
}
