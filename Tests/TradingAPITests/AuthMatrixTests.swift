import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TradingAPI

/// Every protected endpoint against every caller: no credentials → 401, a role below the endpoint's → 403,
/// the endpoint's role and above → neither.
@Suite struct AuthMatrixTests {
    struct Endpoint: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var body: String?
        var role: APIRole
        var description: String { "\(method) \(path)" }
    }

    static let endpoints: [Endpoint] = [
        .init(method: .get, path: "/api/v1/me", role: .viewer),
        .init(method: .get, path: "/api/v1/portfolio", role: .viewer),
        .init(method: .get, path: "/api/v1/balances", role: .viewer),
        .init(method: .get, path: "/api/v1/positions", role: .viewer),
        .init(method: .get, path: "/api/v1/orders", role: .viewer),
        .init(method: .get, path: "/api/v1/trades", role: .viewer),
        .init(method: .get, path: "/api/v1/equity", role: .viewer),
        .init(method: .get, path: "/api/v1/strategies", role: .viewer),
        .init(method: .get, path: "/api/v1/backtests", role: .viewer),
        .init(method: .get, path: "/api/v1/backtests/bt-1", role: .viewer),
        .init(method: .get, path: "/api/v1/risk", role: .viewer),
        .init(method: .get, path: "/api/v1/decisions", role: .viewer),
        .init(method: .get, path: "/api/v1/stream", role: .viewer),
        .init(method: .post, path: "/api/v1/orders", body: #"{"symbol":"BTC/USDT","side":"buy","quantity":"0.001"}"#, role: .trader),
        .init(method: .delete, path: "/api/v1/orders/x", role: .trader),
        .init(method: .post, path: "/api/v1/strategies/sma_cross-1/start", role: .trader),
        .init(method: .post, path: "/api/v1/strategies/sma_cross-1/stop", role: .trader),
        .init(method: .patch, path: "/api/v1/strategies/sma_cross-1/parameters", body: #"{"parameters":{"fast":11}}"#, role: .trader),
        .init(method: .post, path: "/api/v1/backtests", body: #"{"strategy":"sma_cross","symbol":"BTC/USDT"}"#, role: .trader),
        .init(method: .post, path: "/api/v1/risk/halt", body: #"{"reason":"matrix"}"#, role: .admin),
        .init(method: .post, path: "/api/v1/risk/resume", body: #"{"reason":"matrix"}"#, role: .admin),
        .init(method: .get, path: "/api/v1/config", role: .admin),
    ]

    @Test(arguments: endpoints)
    func endpointRequiresItsRole(endpoint: Endpoint) async throws {
        var collected: [APIRole: String] = [:]
        for role in APIRole.allCases { collected[role] = try await APIFixtures.token(role) }
        let tokens = collected
        try await APIFixtures.application().test(.router) { client in
            let body = endpoint.body.map(APIFixtures.json)
            try await client.execute(uri: endpoint.path, method: endpoint.method, body: body) { response in
                #expect(response.status == .unauthorized, "\(endpoint) without credentials")
                #expect(APIFixtures.errorCode(response.body) == "missing_credentials")
            }
            for role in APIRole.allCases {
                try await client.execute(uri: endpoint.path, method: endpoint.method,
                                         headers: APIFixtures.bearer(tokens[role]!), body: body) { response in
                    if role < endpoint.role {
                        #expect(response.status == .forbidden, "\(endpoint) as \(role)")
                        #expect(APIFixtures.errorCode(response.body) == "insufficient_role")
                    } else {
                        #expect(response.status != .forbidden && response.status != .unauthorized, "\(endpoint) as \(role)")
                    }
                }
            }
        }
    }

    @Test func matrixCoversEveryProtectedRoute() async throws {
        let router = try await buildRouter(control: APIFixtures.control(), security: try APIFixtures.security())
        let registered = Set(router.routes.map { "\($0.method) \($0.path)" }.filter { $0.contains("/api/v1/") && !$0.hasSuffix("openapi.json") })
        let tested = Set(Self.endpoints.map { endpoint in
            let pattern = endpoint.path
                .replacingOccurrences(of: "/bt-1", with: "/{id}")
                .replacingOccurrences(of: "/orders/x", with: "/orders/{clientOrderId}")
                .replacingOccurrences(of: "/sma_cross-1/", with: "/{id}/")
            return "\(endpoint.method) \(pattern)"
        })
        #expect(registered == tested)
    }
}
