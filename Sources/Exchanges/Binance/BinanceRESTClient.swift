import Foundation
import Logging
import TradingCore

/// Sends Binance REST requests: rate limiting, API-key header, `timestamp` + `recvWindow` + HMAC-SHA256
/// `signature` for SIGNED endpoints, a server-clock offset from `/api/v3/time`, one resync and retry on
/// -1021, and mapping of every failure to ``ExchangeError``. Typed endpoint methods are in extensions.
public actor BinanceRESTClient {
    /// URLs, keys and timeouts.
    public nonisolated let configuration: BinanceConfiguration
    /// The limiter (share one per account and IP).
    public nonisolated let limiter: BinanceRateLimiter
    private let transport: any HTTPTransport
    private let clock: @Sendable () -> Int64
    private let signer: BinanceSigner
    private let logger: Logger
    /// Server time minus local time, in ms.
    public private(set) var clockOffset: Int64 = 0
    private var offsetKnown = false
    /// Number of clock synchronisations done (for tests and diagnostics).
    public private(set) var timeSyncCount = 0
    private var infoTask: Task<BinanceWire.ExchangeInfo, any Error>?

    /// Creates a client. `transport` defaults to AsyncHTTPClient with the configured timeout.
    public init(configuration: BinanceConfiguration, transport: (any HTTPTransport)? = nil,
                limiter: BinanceRateLimiter = BinanceRateLimiter(),
                clock: @escaping @Sendable () -> Int64 = { WallClock().now() },
                logger: Logger = Logger(label: "graphwiz.binance")) {
        self.configuration = configuration
        self.transport = transport ?? AsyncHTTPClientTransport(timeout: configuration.requestTimeout)
        self.limiter = limiter
        self.clock = clock
        self.signer = BinanceSigner(secret: configuration.apiSecret)
        self.logger = logger
    }

    /// Sends `params` to `endpoint` and returns the body of a 2xx answer.
    /// - Throws: ``ExchangeError``; `outcomeUnknown` is set when an order placement may have executed.
    public func send(_ endpoint: BinanceEndpoint, _ params: [(String, String)] = []) async throws -> [UInt8] {
        if endpoint.security != .none, !configuration.hasCredentials {
            throw ExchangeError(kind: .authentication, venue: "binance",
                                message: "\(endpoint.path) needs an API key and secret: set BINANCE_API_KEY and "
                                    + "BINANCE_API_SECRET or exchanges.binance.api_key/api_secret")
        }
        if endpoint != .exchangeInfo, endpoint != .time, await !limiter.isConfigured {
            _ = try await exchangeInfo()
        }
        if endpoint.security == .signed, !offsetKnown { try await synchronizeClock() }
        do {
            return try await attempt(endpoint, params)
        } catch let error as ExchangeError where error.code == "-1021" && endpoint.security == .signed {
            logger.warning("binance: timestamp outside recvWindow (-1021); resynchronising the clock and retrying once")
            try await synchronizeClock()
            return try await attempt(endpoint, params)
        }
    }

    /// Decodes the JSON answer of `endpoint` as `T`.
    public func request<T: Decodable & Sendable>(_ type: T.Type, _ endpoint: BinanceEndpoint,
                                      _ params: [(String, String)] = []) async throws -> T {
        let body = try await send(endpoint, params)
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch {
            throw ExchangeError(kind: .unknown, venue: "binance",
                                message: "\(endpoint.method.rawValue) \(endpoint.path): could not read the answer as "
                                    + "\(T.self): \(error); body starts with "
                                    + "\(String(decoding: body.prefix(200), as: UTF8.self))",
                                outcomeUnknown: endpoint.placesOrder)
        }
    }

    /// Measures the offset between the venue's clock and ours from `GET /api/v3/time` (mid-point of the round trip).
    public func synchronizeClock() async throws {
        let before = clock()
        let body = try await attempt(.time, [])
        let after = clock()
        guard let time = try? JSONDecoder().decode(BinanceWire.ServerTime.self, from: Data(body)) else {
            throw ExchangeError(kind: .unknown, venue: "binance",
                                message: "GET /api/v3/time: expected {\"serverTime\":<ms>}, got "
                                    + String(decoding: body.prefix(200), as: UTF8.self))
        }
        clockOffset = time.serverTime - (before + after) / 2
        offsetKnown = true
        timeSyncCount += 1
    }

    /// exchangeInfo, fetched once per client (pass `refresh` to fetch again); configures the limiter from its
    /// `rateLimits`.
    public func exchangeInfo(refresh: Bool = false) async throws -> BinanceWire.ExchangeInfo {
        if refresh { infoTask = nil }
        if let infoTask {
            do { return try await infoTask.value } catch { self.infoTask = nil; throw error }
        }
        let task = Task { () async throws -> BinanceWire.ExchangeInfo in
            let info = try await self.request(BinanceWire.ExchangeInfo.self, .exchangeInfo)
            await self.limiter.configure(info.rateLimits)
            return info
        }
        infoTask = task
        do { return try await task.value } catch { infoTask = nil; throw error }
    }

    private func attempt(_ endpoint: BinanceEndpoint, _ params: [(String, String)]) async throws -> [UInt8] {
        try await limiter.acquire(weight: endpoint.weight, order: endpoint.placesOrder)
        var all = params
        if endpoint.security == .signed {
            all.append(("recvWindow", String(configuration.recvWindow)))
            all.append(("timestamp", String(clock() + clockOffset)))
        }
        var query = QueryString.encode(all)
        if endpoint.security == .signed { query = signer.signedQuery(query) }
        let url = configuration.restBaseURL + endpoint.path + (query.isEmpty ? "" : "?" + query)
        var headers: [String: String] = [:]
        if endpoint.security != .none { headers["X-MBX-APIKEY"] = configuration.apiKey }
        let name = "\(endpoint.method.rawValue) \(endpoint.path)"
        let response: HTTPResponseData
        do {
            response = try await transport.send(HTTPRequestSpec(method: endpoint.method, url: url, headers: headers))
        } catch let failure as TransportFailure {
            throw BinanceErrorMapper.error(failure, endpoint: name, mayHaveExecuted: endpoint.placesOrder)
        }
        await limiter.observe(headers: response.headers)
        logger.debug("binance request", metadata: [
            "endpoint": "\(name)", "status": "\(response.status)", "weight": "\(endpoint.weight)",
            "used-weight-1m": "\(response.headers["x-mbx-used-weight-1m"] ?? "-")",
        ])
        if (200..<300).contains(response.status) { return response.body }
        let error = BinanceErrorMapper.error(status: response.status, headers: response.headers, body: response.body,
                                             endpoint: name, mayHaveExecuted: endpoint.placesOrder)
        if response.status == 429 { await limiter.pause(seconds: error.retryAfter ?? 60) }
        if response.status == 418 { await limiter.ban(seconds: error.retryAfter ?? 120) }
        throw error
    }
}
