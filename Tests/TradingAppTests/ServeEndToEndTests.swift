import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import Synchronization
import Testing
import TradingAPI
import WSClient

/// HTTP helpers against a spawned service.
enum ServeHTTP {
    static func get(_ url: String, token: String? = nil) async throws -> (status: UInt, body: String) {
        var request = HTTPClientRequest(url: url)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 8 << 20)
        return (response.status.code, String(buffer: body))
    }

    /// The port printed after `prefix` (e.g. `dashboard and API on http://127.0.0.1:`).
    static func port(after prefix: String, in log: String) -> Int? {
        guard let range = log.range(of: prefix) else { return nil }
        return Int(log[range.upperBound...].prefix { $0.isNumber })
    }
}

@Suite("serve: end to end over HTTP, metrics and WebSocket", .serialized)
struct ServeEndToEndTests {
    static let secret = "e2e-jwt-secret-0123456789abcdefghijklmnop"

    @Test("health, ready with every component, portfolio, metrics with latency, a WebSocket update, SIGTERM exit 0")
    func endToEnd() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let config = try dir.write("graphwiz.yaml", ServeProcessTests.config(fast: 5))
        let serve = try GraphwizProcess(
            "serve", arguments: ["--config", config, "--db", dir.path("e2e.sqlite"), "--bars", "20000", "--speed", "200",
                        "--http-port", "0", "--metrics-port", "0"],
            environment: ["GRAPHWIZ_SECURITY__JWT_SECRET": Self.secret])
        #expect(await serve.waitForLog("/metrics", seconds: 60), "log: \(serve.log)")
        #expect(await serve.waitForLog("session started", seconds: 30), "log: \(serve.log)")
        let api = try #require(ServeHTTP.port(after: "dashboard and API on http://127.0.0.1:", in: serve.log))
        let metricsPort = try #require(ServeHTTP.port(after: "metrics on http://127.0.0.1:", in: serve.log))
        let base = "http://127.0.0.1:\(api)"

        let health = try await ServeHTTP.get("\(base)/health")
        #expect(health.status == 200)
        #expect(health.body.contains(#""status":"ok""#))

        var ready = try await ServeHTTP.get("\(base)/ready")
        for _ in 0..<300 where ready.status != 200 {
            try await Task.sleep(for: .milliseconds(100))
            ready = try await ServeHTTP.get("\(base)/ready")
        }
        #expect(ready.status == 200, "ready: \(ready.body)")
        for component in ["kernel", "exchange_feed", "store", "alerts", "graph"] {
            #expect(ready.body.contains(#""name":"\#(component)""#), "ready: \(ready.body)")
        }

        let token = try await APITokenIssuer(secret: Self.secret).issue(subject: "e2e", role: .viewer, ttl: 600)
        let refused = try await ServeHTTP.get("\(base)/api/v1/portfolio")
        #expect(refused.status == 401)
        let portfolio = try await ServeHTTP.get("\(base)/api/v1/portfolio", token: token)
        #expect(portfolio.status == 200)
        #expect(portfolio.body.contains(#""currency":"USDT""#), "portfolio: \(portfolio.body)")

        let received = Mutex<[String]>([])
        _ = try await WebSocketClient.connect(url: "ws://127.0.0.1:\(api)/api/v1/stream?token=\(token)",
                                              logger: Logger(label: "serve-e2e-ws")) { inbound, outbound, _ in
            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            if case .text(let text) = try await messages.next() { received.withLock { $0.append(text) } }
            try await outbound.close(.normalClosure, reason: nil)
        }
        let first = try #require(received.withLock { $0.first })
        let type = (try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])?["type"] as? String
        #expect(["equity", "order", "fill", "alert", "risk"].contains(type ?? ""), "message: \(first)")

        var metrics = ""
        for _ in 0..<300 {
            metrics = try await ServeHTTP.get("http://127.0.0.1:\(metricsPort)/metrics").body
            if metrics.contains("graphwiz_portfolio_value "), Self.latencyCount(metrics) > 0 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(metrics.contains("graphwiz_portfolio_value "), "metrics: \(metrics.prefix(2_000))")
        #expect(metrics.contains("graphwiz_kernel_event_to_order_seconds_bucket"))
        #expect(Self.latencyCount(metrics) > 0)

        serve.signal(SIGTERM)
        #expect(await serve.waitForExit(seconds: 40) == 0, "log: \(serve.log)")
        #expect(serve.log.contains("session stopped, journal flushed"))
    }

    static func latencyCount(_ metrics: String) -> Double {
        for line in metrics.split(separator: "\n") where line.hasPrefix("graphwiz_kernel_event_to_order_seconds_count ") {
            return Double(line.split(separator: " ").last ?? "") ?? 0
        }
        return 0
    }

    @Test("the demo runs, prints its results and never writes a secret to stdout, stderr or the log file")
    func demoLeaksNoSecret() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let secrets = [
            "GRAPHWIZ_SECURITY__JWT_SECRET": "jwt-SECRET-value-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
            "GRAPHWIZ_EXCHANGES__BINANCE__API_KEY": "binance-KEY-value-0a1b2c3d4e5f",
            "GRAPHWIZ_EXCHANGES__BINANCE__API_SECRET": "binance-SECRET-value-6a7b8c9d0e1f",
            "BINANCE_API_KEY": "env-binance-KEY-7e6d5c4b3a29",
            "BINANCE_API_SECRET": "env-binance-SECRET-1f2e3d4c5b6a",
            "GRAPHWIZ_MASTER_KEY": Data((0..<32).map { UInt8($0 * 7 % 251) }).base64EncodedString(),
        ]
        let logFile = dir.path("serve.log")
        var environment = secrets
        environment["GRAPHWIZ_LOGGING__FILE"] = logFile
        environment["GRAPHWIZ_LOGGING__LEVEL"] = "trace"
        environment["GRAPHWIZ_LOG_LEVEL"] = "trace"
        let serve = try GraphwizProcess("serve", arguments: ["--demo", "4", "--db", dir.path("demo.sqlite"),
                                                 "--http-port", "0", "--metrics-port", "0"],
                                     environment: environment)
        #expect(await serve.waitForExit(seconds: 60) == 0, "log: \(serve.log)")
        let console = serve.log
        let file = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        #expect(console.contains("graphwiz serve --demo: results"), "log: \(console)")
        #expect(console.contains("viewer token: "))
        let fills = ServeHTTP.port(after: "fills: ", in: console) ?? 0
        let records = ServeHTTP.port(after: "graph records written: ", in: console) ?? 0
        #expect(fills > 0, "log: \(console.suffix(1_500))")
        #expect(records >= fills * 2, "each order and each fill is written to the graph; log: \(console.suffix(1_500))")
        #expect(file.contains("session started"), "log file: \(file.prefix(2_000))")
        for (name, value) in secrets {
            #expect(!console.contains(value), "\(name) appears on stdout/stderr")
            #expect(!file.contains(value), "\(name) appears in the log file")
        }
    }
}
