import Hummingbird

/// Refuses peers outside `security.ip_allowlist` (403 `ip_not_allowed`) on every route.
struct AllowlistMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let allowlist: IPAllowlist

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard allowlist.allows(context.remoteAddress) else {
            throw APIError(.forbidden, code: "ip_not_allowed",
                           "client address \(context.remoteAddress?.ipAddress ?? "unknown") is not in security.ip_allowlist")
        }
        return try await next(request, context)
    }
}
