import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TradingAPI
import TradingModel

@Suite struct DashboardTests {
    @Test func dashboardAndItsAssetsAreServedWithoutCDN() async throws {
        try await APIFixtures.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains(#"<script src="/dashboard/app.js"></script>"#))
                #expect(!html.contains("http://") && !html.contains("https://"))
            }
            for asset in ["/dashboard/app.js", "/dashboard/charts.js", "/dashboard/style.css"] {
                try await client.execute(uri: asset, method: .get) { response in
                    #expect(response.status == .ok, "\(asset)")
                    #expect(!String(buffer: response.body).contains("https://"), "\(asset)")
                }
            }
        }
    }

    /// Headless Chromium loads the dashboard from a live server with a viewer token: the page renders the
    /// account (position row, trade row, risk badge), takes a screenshot, and logs no console message.
    @Test(.enabled(if: LocalTools.which("chromium") != nil, "chromium absent: apt-get install chromium"),
          .timeLimit(.minutes(2)))
    func chromiumRendersTheAccountWithoutConsoleErrors() async throws {
        let control = APIFixtures.control()
        _ = try await control.placeOrder(OrderRequest(clientOrderId: "dash-1", symbol: "BTC/USDT", side: .buy, quantity: Fixed("0.2")!))
        _ = try await control.placeOrder(OrderRequest(clientOrderId: "dash-2", symbol: "ETH/USDT", side: .buy, type: .limit,
                                                      quantity: Fixed(2), limitPrice: Fixed(2000)))
        try await control.mark(symbol: "BTC/USDT", price: Fixed(51_000))
        await control.record(decision: AgentDecision(time: 1_700_000_000_000, agent: "trend", symbol: "BTC/USDT",
                                                     action: "buy", confidence: 0.7, rationale: "SMA 10 above SMA 30"))
        let token = try await APIFixtures.token(.viewer)
        let directory = try LocalTools.temporaryDirectory("graphwiz-dash")
        try await APIFixtures.application(control: control).test(.live) { client in
            let port = try #require(client.port)
            let url = "http://127.0.0.1:\(port)/#token=\(token)"
            let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                          "--user-data-dir=\(directory.path)/profile", "--window-size=1400,1100",
                          "--virtual-time-budget=4000", "--enable-logging=stderr", "--v=0"]
            let domLog = directory.appendingPathComponent("dom.log")
            _ = try await LocalTools.run(LocalTools.which("chromium")!, common + ["--dump-dom", url], log: domLog, timeout: 60)
            let shotLog = directory.appendingPathComponent("shot.log")
            let shot = directory.appendingPathComponent("dashboard.png")
            _ = try await LocalTools.run(LocalTools.which("chromium")!, common + ["--screenshot=\(shot.path)", url],
                                         log: shotLog, timeout: 60)
            let dom = try String(contentsOf: domLog, encoding: .utf8)
            #expect(dom.contains("<td>BTC/USDT</td><td>0.20000</td><td>50,000.00</td><td>51,000.00</td><td>200.00</td>"))
            #expect(dom.contains("<td>dash-2</td><td>ETH/USDT</td>"))
            #expect(dom.contains(#"<span class="badge ACTIVE">ACTIVE</span>"#))
            #expect(dom.contains("SMA 10 above SMA 30"))
            #expect(dom.contains("test-viewer (viewer)"))
            #expect(dom.contains("<polyline"))
            for log in [domLog, shotLog] {
                let console = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
                    .filter { $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("Failed to load resource") }
                    // Chromium's own pages (chrome://, the omnibox) log too; only the dashboard's messages count.
                    .filter { !$0.contains("source: chrome://") }
                #expect(console.isEmpty, "\(console)")
            }
            let png = try Data(contentsOf: shot)
            #expect(png.count > 10_000)
            #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        }
        if let keep = ProcessInfo.processInfo.environment["GRAPHWIZ_DASHBOARD_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: directory.appendingPathComponent("dashboard.png").path, toPath: keep)
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
