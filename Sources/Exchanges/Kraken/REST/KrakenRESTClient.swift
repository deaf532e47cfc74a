import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOPosix
import TradingCore

/// Kraken's REST API: public GET calls and signed private POST calls, rate-limited, with nonces handed out
/// in order and the `{"error":[...],"result":...}` envelope turned into a result or an ``ExchangeError``.
public final class KrakenRESTClient: Sendable {
    /// The settings this client was made with.
    public let configuration: KrakenConfiguration
    /// The limiter every call goes through (shared with callers that want to inspect it).
    public let limiter: KrakenRateLimiter
    /// The nonce source of the key.
    public let nonces: KrakenNonceSource
    let http: HTTPClient
    let gate = KrakenSerialGate()
    let logger: Logger

    /// Creates a client.
    /// - Parameter nonces: the nonce source; by default one on `configuration.nonceFile` and the wall clock.
    /// - Throws: ``KrakenConfigurationError`` when the nonce file is unreadable.
    public init(configuration: KrakenConfiguration, httpClient: HTTPClient = .shared, nonces: KrakenNonceSource? = nil,
                logger: Logger = Logger(label: "graphwiz.kraken.rest")) throws(KrakenConfigurationError) {
        self.configuration = configuration
        self.http = httpClient
        self.logger = logger
        self.limiter = KrakenRateLimiter(tier: configuration.tier, publicCallsPerSecond: configuration.publicCallsPerSecond,
                                         publicBurst: configuration.publicBurst)
        if let nonces {
            self.nonces = nonces
        } else {
            self.nonces = try KrakenNonceSource(file: configuration.nonceFile)
        }
    }

    /// `GET /0/public/<method>?<query>`; returns `result`.
    public func publicCall(_ method: String, _ query: [(String, String)] = []) async throws -> KrakenJSON {
        try await limiter.acquirePublic()
        var url = configuration.restBaseURL + "/0/public/" + method
        if !query.isEmpty { url += "?" + KrakenForm.encode(query) }
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        return try await send(request, method: method, mutating: false)
    }

    /// `POST /0/private/<method>` with a fresh nonce, `API-Key` and `API-Sign`; returns `result`.
    /// One invalid-nonce answer is retried once with a new nonce (the venue did not act on it).
    ///
    /// Private calls travel one at a time: each waits for the rate limiter only once it is next in line, so
    /// calls reach the venue in nonce order and no faster than the limiter's schedule.
    /// - Parameters:
    ///   - mutating: true for AddOrder/CancelOrder: failures after sending are `outcomeUnknown`.
    ///   - trading: the pair and cost on Kraken's per-pair trading counter (AddOrder, CancelOrder).
    public func privateCall(_ method: String, _ fields: [(String, String)] = [], mutating: Bool = false,
                            trading: (pair: String, cost: Double)? = nil) async throws -> KrakenJSON {
        guard let credentials = configuration.credentials else {
            throw ExchangeError(kind: .authentication, venue: KrakenErrorMapper.venue,
                                message: KrakenConfigurationError.missingCredentials(method: method).description)
        }
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await signedSend(method, fields, credentials: credentials, mutating: mutating, trading: trading)
            } catch let error as ExchangeError where error.kind == .clockSkew && attempt == 1 {
                logger.warning("kraken: \(method) got \(error.code ?? "invalid nonce"); retrying once with a new nonce")
            }
        }
    }

    private func signedSend(_ method: String, _ fields: [(String, String)], credentials: KrakenCredentials,
                            mutating: Bool, trading: (pair: String, cost: Double)?) async throws -> KrakenJSON {
        await gate.enter()
        do {
            try await limiter.acquireCall(method: method)
            if let trading { try await limiter.acquireTrading(pair: trading.pair, cost: trading.cost) }
            let nonce = try nonces.next()
            let body = KrakenForm.encode([("nonce", String(nonce))] + fields)
            let path = "/0/private/" + method
            var request = HTTPClientRequest(url: configuration.restBaseURL + path)
            request.method = .POST
            request.headers.add(name: "API-Key", value: credentials.apiKey)
            request.headers.add(name: "API-Sign", value: credentials.signer.signature(path: path, nonce: nonce, postData: body))
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")
            request.body = .bytes(ByteBuffer(string: body))
            let result = try await send(request, method: method, mutating: mutating)
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }

    private func send(_ request: HTTPClientRequest, method: String, mutating: Bool) async throws -> KrakenJSON {
        let bytes: ByteBuffer
        let status: UInt
        do {
            let response = try await http.execute(request, timeout: .milliseconds(Int64(configuration.requestTimeout * 1000)))
            status = response.status.code
            bytes = try await response.body.collect(upTo: 64 << 20)
        } catch {
            throw Self.transportError(error, method: method, mutating: mutating)
        }
        let data = Data(bytes.readableBytesView)
        guard let json = try? KrakenJSON.parse(data), case .array(let errors)? = json["error"] else {
            let kind: ExchangeError.Kind = status == 429 ? .rateLimited : (status >= 500 ? .unavailable : .unknown)
            throw ExchangeError(kind: kind, venue: KrakenErrorMapper.venue, code: "HTTP \(status)",
                                message: "\(method): HTTP \(status) with a body that is not Kraken's {\"error\":[],\"result\":{}} envelope"
                                    + " (\(data.count) bytes)",
                                retryAfter: status == 429 ? 1 : nil, outcomeUnknown: mutating && kind != .rateLimited)
        }
        let messages = errors.compactMap(\.string)
        if !messages.isEmpty {
            throw KrakenErrorMapper.error(for: messages, method: method, mutating: mutating)
        }
        return json["result"] ?? .null
    }

    /// Classifies a transport failure: connection failures happen before sending (safe to retry); anything
    /// later leaves the outcome of a mutating call unknown.
    static func transportError(_ error: any Error, method: String, mutating: Bool) -> ExchangeError {
        if let e = error as? HTTPClientError {
            if e == .connectTimeout {
                return ExchangeError(kind: .network, venue: KrakenErrorMapper.venue, message: "\(method): connect timeout")
            }
            if e == .deadlineExceeded || e == .readTimeout {
                return ExchangeError(kind: .timeout, venue: KrakenErrorMapper.venue,
                                     message: "\(method): no answer in time (\(e))", outcomeUnknown: mutating)
            }
        }
        if error is NIOConnectionError || (error as? IOError)?.errnoCode == ECONNREFUSED {
            return ExchangeError(kind: .network, venue: KrakenErrorMapper.venue,
                                 message: "\(method): could not connect (\(error))")
        }
        return ExchangeError(kind: .network, venue: KrakenErrorMapper.venue,
                             message: "\(method): connection failed after sending (\(error))", outcomeUnknown: mutating)
    }
}
