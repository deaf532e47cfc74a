import Foundation
import Hummingbird
import NIOCore

/// JSON in and out of routes with the API's own encoder and error mapping.
enum JSONCoding {
    /// A JSON response of `value`.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Decodes the request body as `T`: 415 unless the content type is JSON, 400 for malformed JSON or
    /// wrong types (naming the field), 413 above 64 KiB.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: APIRequestContext) async throws -> T {
        if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw APIError(.unsupportedMediaType, code: "unsupported_media_type",
                           "Content-Type must be application/json, got '\(contentType)'")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: 64 * 1024)
        } catch {
            throw APIError(.contentTooLarge, code: "payload_too_large", "request body must be at most 65536 bytes")
        }
        guard buffer.readableBytes > 0 else { throw APIError.badRequest("invalid_body", "request body is empty; expected a JSON object") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError.badRequest("invalid_body", ErrorMiddleware.describe(error))
        }
    }

    /// The integer query parameter `name` in `range`, or `defaultValue` when absent; 400 otherwise.
    static func intQuery(_ request: Request, _ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = request.uri.queryParameters.get(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badRequest("invalid_parameter",
                                      "query parameter '\(name)' must be an integer in \(range.lowerBound)...\(range.upperBound), got '\(text.prefix(40))'")
        }
        return value
    }

    /// The path parameter `name` (always present when the route matched).
    static func pathParameter(_ context: APIRequestContext, _ name: String) throws(APIError) -> String {
        guard let value = context.parameters.get(name), !value.isEmpty else {
            throw APIError.badRequest("invalid_parameter", "path parameter '\(name)' is missing")
        }
        return value
    }
}
