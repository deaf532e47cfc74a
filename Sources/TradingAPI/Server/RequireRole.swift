import Hummingbird

/// Refuses a route to callers below `role` (403 `insufficient_role`).
struct RequireRole: RouterMiddleware {
    typealias Context = APIRequestContext

    let role: APIRole

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let identity = context.identity else {
            throw APIError.unauthorized("missing_credentials", "send 'Authorization: Bearer <token>' or 'X-API-Key: <key>'")
        }
        guard identity.role >= role else {
            throw APIError(.forbidden, code: "insufficient_role",
                           "\(request.method) \(request.uri.path) needs role \(role.rawValue), the caller has \(identity.role.rawValue)")
        }
        return try await next(request, context)
    }
}
