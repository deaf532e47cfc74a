import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TradingAPI
import TradingModel

@Suite struct RouterTests {
    @Test func healthIsOKWithoutCredentials() async throws {
        try await APIFixtures.application().test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
        }
    }

    @Test func readyListsEveryComponentAndTurns503WhenOneIsDown() async throws {
        let control = APIFixtures.control()
        try await APIFixtures.application(control: control).test(.router) { client in
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok)
                let body = APIFixtures.object(response.body)
                #expect(body["status"] as? String == "ready")
                #expect((body["components"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["store", "exchange_feed", "kernel"])
            }
            await control.setHealth(ComponentHealth(name: "exchange_feed", status: .down, detail: "socket closed"))
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(APIFixtures.object(response.body)["status"] as? String == "not_ready")
            }
        }
    }

    @Test func portfolioOfAFreshAccountIsAllCash() async throws {
        let token = try await APIFixtures.token(.viewer)
        try await APIFixtures.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/portfolio", method: .get, headers: APIFixtures.bearer(token)) { response in
                #expect(response.status == .ok)
                let body = APIFixtures.object(response.body)
                #expect(body["cash"] as? Int == 100_000)
                #expect(body["totalValue"] as? Int == 100_000)
                #expect(body["positionsValue"] as? Int == 0)
                #expect(body["currency"] as? String == "USDT")
            }
        }
    }

    @Test func marketBuyFillsAtTheMarkAndShowsInPositionsTradesAndCash() async throws {
        let token = try await APIFixtures.token(.trader)
        try await APIFixtures.application().test(.router) { client in
            let order = #"{"clientOrderId":"o-1","symbol":"BTC/USDT","side":"buy","quantity":"0.5"}"#
            try await client.execute(uri: "/api/v1/orders", method: .post, headers: APIFixtures.bearer(token),
                                     body: APIFixtures.json(order)) { response in
                #expect(response.status == .created)
                let body = APIFixtures.object(response.body)
                #expect(body["status"] as? String == "filled")
                #expect(body["filledQuantity"] as? Double == 0.5)
                #expect(body["fees"] as? Int == 25)
            }
            try await client.execute(uri: "/api/v1/positions", method: .get, headers: APIFixtures.bearer(token)) { response in
                let positions = APIFixtures.array(response.body)
                #expect(positions.count == 1)
                #expect((positions.first?["position"] as? [String: Any])?["symbol"] as? String == "BTC/USDT")
                #expect(positions.first?["marketValue"] as? Int == 25_000)
            }
            try await client.execute(uri: "/api/v1/trades", method: .get, headers: APIFixtures.bearer(token)) { response in
                let trades = APIFixtures.array(response.body)
                #expect(trades.map { $0["clientOrderId"] as? String } == ["o-1"])
                #expect(trades.first?["price"] as? Int == 50_000)
            }
            try await client.execute(uri: "/api/v1/portfolio", method: .get, headers: APIFixtures.bearer(token)) { response in
                let body = APIFixtures.object(response.body)
                #expect(body["cash"] as? Int == 74_975)
                #expect(body["totalValue"] as? Int == 99_975)
            }
        }
    }

    @Test func limitOrderRestsAndCancelsOnce() async throws {
        let token = try await APIFixtures.token(.trader)
        try await APIFixtures.application().test(.router) { client in
            let order = #"{"clientOrderId":"l-1","symbol":"ETH/USDT","side":"buy","type":"limit","quantity":1,"limitPrice":"2000"}"#
            try await client.execute(uri: "/api/v1/orders", method: .post, headers: APIFixtures.bearer(token),
                                     body: APIFixtures.json(order)) { response in
                #expect(response.status == .created)
                #expect(APIFixtures.object(response.body)["status"] as? String == "accepted")
            }
            try await client.execute(uri: "/api/v1/orders?status=open", method: .get, headers: APIFixtures.bearer(token)) { response in
                #expect(APIFixtures.array(response.body).count == 1)
            }
            try await client.execute(uri: "/api/v1/orders/l-1", method: .delete, headers: APIFixtures.bearer(token)) { response in
                #expect(response.status == .ok)
                #expect(APIFixtures.object(response.body)["status"] as? String == "canceled")
            }
            try await client.execute(uri: "/api/v1/orders/l-1", method: .delete, headers: APIFixtures.bearer(token)) { response in
                #expect(response.status == .conflict)
                #expect(APIFixtures.errorCode(response.body) == "order_not_open")
            }
            try await client.execute(uri: "/api/v1/orders/nope", method: .delete, headers: APIFixtures.bearer(token)) { response in
                #expect(response.status == .notFound)
                #expect(APIFixtures.errorCode(response.body) == "order_not_found")
            }
        }
    }

    @Test(arguments: [
        (#"{"symbol":"DOGE/USDT","side":"buy","quantity":1}"#, 422, "unknown_symbol"),
        (#"{"symbol":"BTC/USDT","side":"buy","quantity":"-1"}"#, 422, "invalid_quantity"),
        (#"{"symbol":"BTC/USDT","side":"buy","quantity":"abc"}"#, 400, "invalid_body"),
        (#"{"symbol":"BTC/USDT","side":"sideways","quantity":1}"#, 400, "invalid_body"),
        (#"{"symbol":"BTC/USDT","quantity":1}"#, 400, "invalid_body"),
        (#"{"symbol":42,"side":"buy","quantity":1}"#, 400, "invalid_body"),
        (#"{"symbol":"BTC/USDT","side":"buy","type":"limit","quantity":1}"#, 422, "invalid_order"),
        (#"{"symbol":"BTC/USDT","side":"buy","quantity":100}"#, 422, "insufficient_funds"),
        (#"{"symbol":"BTC/USDT","side":"sell","quantity":1}"#, 422, "insufficient_position"),
        (#"{"symbol":"BTC/USDT""#, 400, "invalid_body"),
        ("[]", 400, "invalid_body"),
        ("", 400, "invalid_body"),
    ])
    func badOrdersGet4xxWithAStableCode(body: String, status: Int, code: String) async throws {
        let token = try await APIFixtures.token(.trader)
        try await APIFixtures.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/orders", method: .post, headers: APIFixtures.bearer(token),
                                     body: APIFixtures.json(body)) { response in
                #expect(response.status.code == status)
                #expect(APIFixtures.errorCode(response.body) == code)
            }
        }
    }

    @Test func unknownRouteIsAJSON404() async throws {
        try await APIFixtures.application().test(.router) { client in
            try await client.execute(uri: "/api/v2/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(APIFixtures.errorCode(response.body) == "not_found")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
        }
    }

    @Test func badQueryParameterIs400() async throws {
        let token = try await APIFixtures.token(.viewer)
        try await APIFixtures.application().test(.router) { client in
            for uri in ["/api/v1/trades?limit=0", "/api/v1/trades?limit=x", "/api/v1/orders?status=done"] {
                try await client.execute(uri: uri, method: .get, headers: APIFixtures.bearer(token)) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(APIFixtures.errorCode(response.body) == "invalid_parameter", "\(uri)")
                }
            }
        }
    }

    @Test func killSwitchHaltsNewOrdersUntilResumed() async throws {
        let admin = try await APIFixtures.token(.admin)
        try await APIFixtures.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/risk/halt", method: .post, headers: APIFixtures.bearer(admin),
                                     body: APIFixtures.json(#"{"reason":"operator test"}"#)) { response in
                #expect(response.status == .ok)
                #expect(APIFixtures.object(response.body)["state"] as? String == "HALTED")
            }
            let order = #"{"symbol":"BTC/USDT","side":"buy","quantity":"0.01"}"#
            try await client.execute(uri: "/api/v1/orders", method: .post, headers: APIFixtures.bearer(admin),
                                     body: APIFixtures.json(order)) { response in
                #expect(response.status == .conflict)
                #expect(APIFixtures.errorCode(response.body) == "trading_halted")
            }
            try await client.execute(uri: "/api/v1/risk/resume", method: .post, headers: APIFixtures.bearer(admin),
                                     body: APIFixtures.json(#"{"reason":"checked"}"#)) { response in
                #expect(APIFixtures.object(response.body)["state"] as? String == "ACTIVE")
            }
            try await client.execute(uri: "/api/v1/risk/resume", method: .post, headers: APIFixtures.bearer(admin),
                                     body: APIFixtures.json(#"{"reason":"again"}"#)) { response in
                #expect(response.status == .conflict)
                #expect(APIFixtures.errorCode(response.body) == "not_halted")
            }
            try await client.execute(uri: "/api/v1/risk/halt", method: .post, headers: APIFixtures.bearer(admin),
                                     body: APIFixtures.json(#"{"reason":"   "}"#)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(APIFixtures.errorCode(response.body) == "invalid_reason")
            }
        }
    }

    @Test func strategyParametersAreCheckedAgainstTheirRanges() async throws {
        let token = try await APIFixtures.token(.trader)
        try await APIFixtures.application().test(.router) { client in
            let uri = "/api/v1/strategies/sma_cross-1/parameters"
            try await client.execute(uri: uri, method: .patch, headers: APIFixtures.bearer(token),
                                     body: APIFixtures.json(#"{"parameters":{"fast":12}}"#)) { response in
                #expect(response.status == .ok)
                #expect((APIFixtures.object(response.body)["parameters"] as? [String: Any])?["fast"] as? Int == 12)
            }
            try await client.execute(uri: uri, method: .patch, headers: APIFixtures.bearer(token),
                                     body: APIFixtures.json(#"{"parameters":{"fast":1000}}"#)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(APIFixtures.errorCode(response.body) == "parameter_out_of_range")
            }
            try await client.execute(uri: uri, method: .patch, headers: APIFixtures.bearer(token),
                                     body: APIFixtures.json(#"{"parameters":{"speed":3}}"#)) { response in
                #expect(APIFixtures.errorCode(response.body) == "unknown_parameter")
            }
            try await client.execute(uri: "/api/v1/strategies/sma_cross-1/stop", method: .post,
                                     headers: APIFixtures.bearer(token)) { response in
                #expect(APIFixtures.object(response.body)["state"] as? String == "stopped")
            }
            try await client.execute(uri: "/api/v1/strategies/none/start", method: .post,
                                     headers: APIFixtures.bearer(token)) { response in
                #expect(response.status == .notFound)
                #expect(APIFixtures.errorCode(response.body) == "strategy_not_found")
            }
        }
    }

    @Test func backtestQueuesRunsAndItsReportIsReadable() async throws {
        let token = try await APIFixtures.token(.trader)
        let control = APIFixtures.control()
        try await APIFixtures.application(control: control).test(.router) { client in
            let request = #"{"strategy":"sma_cross","symbol":"BTC/USDT","parameters":{"fast":7},"bars":500}"#
            try await client.execute(uri: "/api/v1/backtests", method: .post, headers: APIFixtures.bearer(token),
                                     body: APIFixtures.json(request)) { response in
                #expect(response.status == .accepted)
                let body = APIFixtures.object(response.body)
                #expect(body["id"] as? String == "bt-1")
                #expect(body["status"] as? String == "queued")
            }
            await control.waitForBacktests()
            try await client.execute(uri: "/api/v1/backtests/bt-1", method: .get, headers: APIFixtures.bearer(token)) { response in
                #expect(APIFixtures.object(response.body)["status"] as? String == "completed")
                let metrics = APIFixtures.object(response.body)["metrics"] as? [String: Any]
                #expect(metrics?["bars"] as? Int == 500)
                #expect(metrics?["fast"] as? Int == 7)
            }
            try await client.execute(uri: "/api/v1/backtests/bt-9", method: .get, headers: APIFixtures.bearer(token)) { response in
                #expect(response.status == .notFound)
                #expect(APIFixtures.errorCode(response.body) == "backtest_not_found")
            }
            try await client.execute(uri: "/api/v1/backtests", method: .post, headers: APIFixtures.bearer(token),
                                     body: APIFixtures.json(#"{"strategy":"nope","symbol":"BTC/USDT"}"#)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(APIFixtures.errorCode(response.body) == "unknown_strategy")
            }
        }
    }

    @Test func configIsRedacted() async throws {
        let token = try await APIFixtures.token(.admin)
        try await APIFixtures.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/config", method: .get, headers: APIFixtures.bearer(token)) { response in
                #expect(response.status == .ok)
                let yaml = APIFixtures.object(response.body)["yaml"] as? String ?? ""
                #expect(yaml.contains("jwt_secret: '***'"))
            }
        }
    }

    @Test func nonJSONContentTypeIs415() async throws {
        let token = try await APIFixtures.token(.trader)
        try await APIFixtures.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/orders", method: .post,
                                     headers: [.authorization: "Bearer " + token, .contentType: "text/plain"],
                                     body: APIFixtures.json("symbol=BTC")) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(APIFixtures.errorCode(response.body) == "unsupported_media_type")
            }
        }
    }
}
