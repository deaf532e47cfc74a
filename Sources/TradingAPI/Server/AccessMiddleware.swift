import HTTPTypes
import Hummingbird

/// The gate of `/api/v1`: credentials (401), per-client rate limit (429 with
/// `Retry-After`). Credentials are `Authorization: Bearer <jwt>`, `X-API-Key: <key>`, or for the WebSocket
/// stream only a `token` query parameter (browsers cannot set headers on WebSocket requests).
/// The client of the rate limit is the authenticated subject; failed attempts count against the peer address.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let authenticator: APIAuthenticator
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let peer = "ip:" + (context.remoteAddress?.ipAddress ?? "unknown")
        let identity: APIIdentity
        do {
            identity = try await authenticate(request)
        } catch {
            try limit(peer)
            throw error
        }
        try limit("sub:" + identity.subject)
        var context = context
        context.identity = identity
        return try await next(request, context)
    }

    func authenticate(_ request: Request) async throws(APIError) -> APIIdentity {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw APIError.unauthorized("invalid_token", "Authorization header must be 'Bearer <token>'")
            }
            return try await authenticator.verify(token: String(parts[1]).trimmingCharacters(in: .whitespaces))
        }
        if let key = request.headers[.apiKey] {
            return try authenticator.verify(apiKey: key)
        }
        if request.uri.path == APIVersion.prefix + "/stream", let token = request.uri.queryParameters.get("token") {
            return try await authenticator.verify(token: token)
        }
        throw APIError.unauthorized("missing_credentials", "send 'Authorization: Bearer <token>' or 'X-API-Key: <key>'")
    }

    func limit(_ client: String) throws(APIError) {
        if let wait = limiter.acquire(client: client) {
            let seconds = max(1, Int(wait.rounded(.up)))
            throw APIError(.tooManyRequests, code: "rate_limited", "rate limit exceeded; retry in \(seconds) s",
                           headers: [.retryAfter: String(seconds)])
        }
    }
}

extension HTTPField.Name {
    /// `X-API-Key`.
    static let apiKey = HTTPField.Name("X-API-Key")!
}
