import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An API failure sent as `{"error": {"code": ..., "message": ...}}` with a stable code.
public struct APIError: Error, Sendable, Hashable, HTTPResponseError {
    /// HTTP status.
    public var status: HTTPResponse.Status
    /// Stable machine-readable code.
    public var code: String
    /// Human explanation naming the bad value.
    public var message: String
    /// Extra response headers (e.g. `Retry-After`).
    public var headers: HTTPFields

    /// An error with `status`, `code` and `message`.
    public init(_ status: HTTPResponse.Status, code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    /// 400 with `code`.
    public static func badRequest(_ code: String = "bad_request", _ message: String) -> APIError {
        APIError(.badRequest, code: code, message)
    }

    /// 401 with `code` and a `WWW-Authenticate: Bearer` challenge.
    public static func unauthorized(_ code: String, _ message: String) -> APIError {
        APIError(.unauthorized, code: code, message, headers: [.wwwAuthenticate: "Bearer realm=\"graphwiz\""])
    }

    /// The JSON response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        let body = ErrorBody(error: .init(code: code, message: message))
        let data = (try? JSONEncoder().encode(body)) ?? Data("{\"error\":{\"code\":\"internal_error\",\"message\":\"\"}}".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct ErrorBody: Codable {
        struct Detail: Codable {
            var code: String
            var message: String
        }
        var error: Detail
    }
}

extension APIError {
    /// Maps a ``ControlError`` to 404, 409, 422 or 503 keeping its code.
    init(_ error: ControlError) {
        let status: HTTPResponse.Status = switch error.kind {
        case .notFound: .notFound
        case .invalid: .unprocessableContent
        case .conflict: .conflict
        case .unavailable: .serviceUnavailable
        }
        self.init(status, code: error.code, error.message)
    }
}
