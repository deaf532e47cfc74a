import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import TradingAPI

@Suite struct MetricsTests {
    /// Makes some API traffic and one publisher sample, then returns the `/metrics` text.
    static func scrape() async throws -> String {
        let registry = APIMetrics.bootstrap()
        let control = APIFixtures.control()
        let token = try await APIFixtures.token(.viewer)
        try await APIFixtures.application(control: control).test(.router) { client in
            try await client.execute(uri: "/api/v1/portfolio", method: .get, headers: APIFixtures.bearer(token)) { _ in }
            try await client.execute(uri: "/api/v1/backtests/bt-7", method: .get, headers: APIFixtures.bearer(token)) { _ in }
            try await client.execute(uri: "/nowhere", method: .get) { _ in }
        }
        await MetricsPublisher(control: control).sample()
        return try await Application(router: MetricsServer.buildRouter(registry: registry)).test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                return String(buffer: response.body)
            }
        }
    }

    @Test func bootstrapIsIdempotent() {
        #expect(APIMetrics.bootstrap() === APIMetrics.bootstrap())
    }

    @Test func namesAndLabelsFollowPrometheusConventions() async throws {
        let text = try await Self.scrape()
        let name = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
        let label = /([a-zA-Z_][a-zA-Z0-9_]*)="/
        var types: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("# TYPE ") {
            let parts = line.split(separator: " ")
            types[String(parts[2])] = String(parts[3])
        }
        for (metric, type) in types {
            #expect(metric.wholeMatch(of: name) != nil, "\(metric)")
            #expect(metric.hasPrefix("graphwiz_") || metric.hasPrefix("process_"), "\(metric)")
            #expect(metric == metric.lowercased(), "\(metric)")
            if type == "counter" { #expect(metric.hasSuffix("_total"), "counter \(metric)") }
            if type != "counter" { #expect(!metric.hasSuffix("_total"), "\(type) \(metric)") }
            if type == "histogram" { #expect(metric.hasSuffix("_seconds"), "histogram \(metric)") }
        }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            for match in line.matches(of: label) {
                #expect(!match.1.hasPrefix("__"), "\(line)")
            }
        }
        #expect(types["graphwiz_http_requests_total"] == "counter")
        #expect(types["graphwiz_http_request_duration_seconds"] == "histogram")
        for gauge in ["graphwiz_portfolio_value", "graphwiz_portfolio_cash", "graphwiz_portfolio_positions_value",
                      "graphwiz_trading_realized_pnl", "graphwiz_trading_drawdown_ratio", "graphwiz_trading_win_rate_ratio",
                      "graphwiz_risk_exposure_ratio", "graphwiz_risk_state", "graphwiz_kernel_up",
                      "process_resident_memory_bytes", "process_open_fds"] {
            #expect(types[gauge] == "gauge", "\(gauge)")
        }
        #expect(types["process_cpu_seconds_total"] == "counter")
    }

    @Test func requestCounterIsLabelledByRoutePatternAndStatus() async throws {
        let text = try await Self.scrape()
        #expect(text.contains(#"graphwiz_http_requests_total{method="GET",route="/api/v1/portfolio",status="200"}"#))
        #expect(text.contains(#"graphwiz_http_requests_total{method="GET",route="/api/v1/backtests/{id}",status="404"}"#))
        #expect(text.contains(#"graphwiz_http_requests_total{method="GET",route="unmatched",status="404"}"#))
        #expect(text.contains(#"graphwiz_http_request_duration_seconds_bucket{method="GET",route="/api/v1/portfolio",le="0.0001"}"#))
        #expect(text.contains("graphwiz_portfolio_value 100000.0"))
        #expect(text.contains("graphwiz_risk_state 0.0"))
        #expect(!text.contains("graphwiz_risk_state{"))
    }

    @Test func processStatsComeFromProc() {
        let stats = ProcessStats.current()
        #expect((stats.residentBytes ?? 0) > 1_000_000)
        #expect((stats.openFileDescriptors ?? 0) >= 3)
        #expect((stats.cpuSeconds ?? -1) >= 0)
    }

    @Test func normalizedRouteUsesBracesForParameters() {
        #expect(HTTPMetricsMiddleware<APIRequestContext>.normalize("/api/v1/orders/:clientOrderId") == "/api/v1/orders/{clientOrderId}")
        #expect(HTTPMetricsMiddleware<APIRequestContext>.normalize("NotFound") == "unmatched")
    }
}
