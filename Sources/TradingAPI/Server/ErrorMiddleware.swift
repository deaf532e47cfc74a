import Hummingbird
import Logging

/// Turns every error into the JSON error shape: ``APIError`` as is, ``ControlError`` by kind, Hummingbird's
/// HTTP errors by status (bad JSON, body too large, not found), decoding errors as 400; anything else is a
/// logged 500 `internal_error` without details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try Self.apiError(for: error, context: context).response(from: request, context: context)
        }
    }

    static func apiError(for error: any Error, context: Context) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as ControlError: return APIError(error)
        case let error as DecodingError: return .badRequest("invalid_body", describe(error))
        case let error as HTTPError:
            let code = switch error.status.code {
            case 400: "bad_request"
            case 404: "not_found"
            case 405: "method_not_allowed"
            case 413: "payload_too_large"
            case 415: "unsupported_media_type"
            default: error.status.code < 500 ? "bad_request" : "internal_error"
            }
            let message = error.body ?? (error.status.code == 404 ? "no route for this path and method" : error.status.reasonPhrase)
            return APIError(error.status, code: code, message)
        default:
            context.logger.error("unhandled API error", metadata: ["error.type": "\(type(of: error))"])
            return APIError(.internalServerError, code: "internal_error", "internal error")
        }
    }

    /// `field 'quantity': expected a decimal number` style text.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "body" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let ctx): return "missing field '\(path(ctx.codingPath + [key]))'"
        case .typeMismatch(let type, let ctx): return "field '\(path(ctx.codingPath))': expected \(type)"
        case .valueNotFound(let type, let ctx): return "field '\(path(ctx.codingPath))': expected \(type), got null"
        case .dataCorrupted(let ctx):
            return ctx.codingPath.isEmpty ? "body is not valid JSON" : "field '\(path(ctx.codingPath))': \(ctx.debugDescription)"
        @unknown default: return "body does not match the expected shape"
        }
    }
}
