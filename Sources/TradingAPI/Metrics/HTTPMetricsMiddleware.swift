import Dispatch
import Hummingbird
import Metrics

/// Records `graphwiz_http_requests_total{method,route,status}` and the latency histogram
/// `graphwiz_http_request_duration_seconds{method,route}` for every request. `route` is the matched route
/// pattern (`/api/v1/orders/{id}`), or `unmatched`, so label cardinality stays bounded.
struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try await next(request, context)
        let route = context.endpointPath.map(Self.normalize) ?? "unmatched"
        let method = request.method.rawValue
        Counter(label: "graphwiz_http_requests_total",
                dimensions: [("method", method), ("route", route), ("status", String(response.status.code))]).increment()
        Timer(label: "graphwiz_http_request_duration_seconds", dimensions: [("method", method), ("route", route)])
            .recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
        return response
    }

    /// `/api/v1/orders/:id` → `/api/v1/orders/{id}`; Hummingbird's not-found marker → `unmatched`.
    static func normalize(_ path: String) -> String {
        if path == "NotFound" { return "unmatched" }
        return path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }.joined(separator: "/")
    }
}
