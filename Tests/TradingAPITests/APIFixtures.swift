import Foundation
import Hummingbird
import HummingbirdTesting
import JWTKit
import NIOCore
import TradingAPI
import TradingCore
import TradingModel

/// Shared set-up of the API tests: an in-memory account, a known secret, tokens per role.
enum APIFixtures {
    static let secret = "test-secret-0123456789-abcdefghijklmnop-0123456789-abcdefghijklmnop"
    static let traderKey = "trader-key-0123456789abcdef"

    static let btc = Instrument(symbol: "BTC/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.00001")!,
                                minNotional: Fixed(5))
    static let eth = Instrument(symbol: "ETH/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.0001")!,
                                minNotional: Fixed(5))

    /// 100,000 USDT, BTC at 50,000 and ETH at 2,500, one sma_cross strategy, a fixed clock.
    static func control() -> InMemoryTradingControl {
        let strategy = StrategyStatus(
            id: "sma_cross-1", name: "sma_cross", symbols: ["BTC/USDT"], state: .running,
            parameters: ["fast": 10, "slow": 30],
            parameterRanges: ["fast": ParameterRange(min: 2, max: 100), "slow": ParameterRange(min: 5, max: 400)])
        return InMemoryTradingControl(
            cash: Fixed(100_000), instruments: [(btc, Fixed(50_000)), (eth, Fixed(2_500))], strategies: [strategy],
            now: { 1_700_000_000_000 },
            backtestRunner: { request in
                ["bars": Double(request.bars), "fast": request.parameters["fast"] ?? 10]
            })
    }

    /// Generous limits so only the rate-limit tests hit 429.
    static func security(ratePerMinute: Int = 100_000, burst: Int = 100_000, allowlist: [String] = [],
                         eddsaPublicKey: String? = nil) throws -> APISecurity {
        APISecurity(jwtSecret: secret, eddsaPublicKey: eddsaPublicKey,
                     apiKeys: [try APIKeyEntry(parsing: "trader:" + traderKey, index: 0)],
                     ratePerMinute: ratePerMinute, burst: burst, allowlist: try IPAllowlist(allowlist))
    }

    static func token(_ role: APIRole, ttl: TimeInterval = 3600, subject: String? = nil) async throws -> String {
        try await APITokenIssuer(secret: secret).issue(subject: subject ?? "test-\(role.rawValue)", role: role, ttl: ttl)
    }

    static func application(control: InMemoryTradingControl? = nil, security: APISecurity? = nil,
                            limiter: RateLimiter? = nil) async throws -> some ApplicationProtocol {
        let router = try await buildRouter(control: control ?? self.control(), security: security ?? self.security(),
                                           limiter: limiter)
        return Application(router: router, server: .http1WebSocketUpgrade(webSocketRouter: router),
                           configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer " + token] }

    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    /// `{"error":{"code": ...}}` of a response body.
    static func errorCode(_ body: ByteBuffer) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
              let error = object["error"] as? [String: Any] else { return nil }
        return error["code"] as? String
    }

    static func object(_ body: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
    }

    static func array(_ body: ByteBuffer) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [[String: Any]]) ?? []
    }
}
