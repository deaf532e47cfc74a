import Foundation
import TradingCore

/// Turns Binance HTTP answers (`{"code":-2010,"msg":"..."}`, 429, 418, 5xx) and transport failures into
/// ``ExchangeError`` values.
public enum BinanceErrorMapper {
    /// The venue name used in errors.
    public static let venue = "binance"

    /// The error kind of a Binance error code; `message` splits -2010 (new order rejected) into insufficient
    /// funds, duplicate client order id and other rejections.
    public static func kind(code: Int, message: String) -> ExchangeError.Kind {
        switch code {
        case -1003, -1015: return .rateLimited
        case -1021: return .clockSkew
        case -1002, -1022, -2014, -2015: return .authentication
        case -1001, -1007: return .timeout
        case -1016: return .unavailable
        case -2011, -2013: return .unknownOrder
        case -2010:
            let lower = message.lowercased()
            if lower.contains("insufficient balance") { return .insufficientFunds }
            if lower.contains("duplicate order") { return .duplicateOrder }
            return .invalidRequest
        case -2026: return .unknownOrder
        case -1199 ... -1100, -1013, -2016, -1014, -1020: return .invalidRequest
        default: return .unknown
        }
    }

    /// The error for a non-2xx response. `mayHaveExecuted` is true for order placement: a 5xx or an internal
    /// timeout there leaves the order's fate unknown.
    public static func error(status: Int, headers: [String: String], body: [UInt8], endpoint: String,
                             mayHaveExecuted: Bool) -> ExchangeError {
        let retryAfter = headers["retry-after"].flatMap(Double.init)
        let parsed = try? JSONDecoder().decode(BinanceErrorBody.self, from: Data(body))
        let text = parsed?.msg ?? String(decoding: body.prefix(300), as: UTF8.self)
        let code = parsed.map { String($0.code) }
        switch status {
        case 418:
            return ExchangeError(kind: .banned, venue: venue, code: code ?? "418",
                                 message: "\(endpoint): IP banned for too many requests (HTTP 418): \(text)",
                                 retryAfter: retryAfter)
        case 429:
            return ExchangeError(kind: .rateLimited, venue: venue, code: code ?? "429",
                                 message: "\(endpoint): request rate limit exceeded (HTTP 429): \(text)",
                                 retryAfter: retryAfter)
        case 500...:
            // Binance: 5xx means the request was received but its outcome is unknown.
            return ExchangeError(kind: status == 503 ? .unavailable : .unknown, venue: venue, code: code ?? "\(status)",
                                 message: "\(endpoint): HTTP \(status) from the venue: \(text)",
                                 outcomeUnknown: mayHaveExecuted)
        default:
            guard let parsed else {
                return ExchangeError(kind: status == 401 ? .authentication : .unknown, venue: venue, code: "\(status)",
                                     message: "\(endpoint): HTTP \(status) with an unreadable body: \(text)")
            }
            let kind = kind(code: parsed.code, message: parsed.msg)
            return ExchangeError(kind: kind, venue: venue, code: String(parsed.code),
                                 message: "\(endpoint): \(parsed.msg)", retryAfter: retryAfter,
                                 outcomeUnknown: kind == .timeout && mayHaveExecuted)
        }
    }

    /// The error for a request that got no response.
    public static func error(_ failure: TransportFailure, endpoint: String, mayHaveExecuted: Bool) -> ExchangeError {
        switch failure {
        case .notSent:
            return ExchangeError(kind: .network, venue: venue, message: "\(endpoint): \(failure)")
        case .timedOut:
            return ExchangeError(kind: .timeout, venue: venue, message: "\(endpoint): \(failure)",
                                 outcomeUnknown: mayHaveExecuted)
        case .connectionLost:
            return ExchangeError(kind: .network, venue: venue, message: "\(endpoint): \(failure)",
                                 outcomeUnknown: mayHaveExecuted)
        }
    }
}

/// Binance's error body.
struct BinanceErrorBody: Decodable {
    var code: Int
    var msg: String
}
