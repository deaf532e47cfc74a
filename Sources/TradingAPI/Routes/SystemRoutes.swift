import Hummingbird

/// Unauthenticated endpoints: liveness and readiness.
enum SystemRoutes {
    struct Liveness: Encodable {
        var status = "ok"
    }

    struct Readiness: Encodable {
        var status: String
        var components: [ComponentHealth]
    }

    static func register(on router: Router<APIRequestContext>, control: some TradingControl) {
        router.get("health") { _, _ in try JSONCoding.response(Liveness()) }
        router.get("ready") { _, _ in
            let components = await control.health()
            let ready = components.allSatisfy { $0.status != .down }
            return try JSONCoding.response(Readiness(status: ready ? "ready" : "not_ready", components: components),
                                           status: ready ? .ok : .serviceUnavailable)
        }
    }
}
