import Hummingbird

/// Read endpoints (role viewer).
enum ReadRoutes {
    static func register(on group: RouterGroup<APIRequestContext>, control: some TradingControl) {
        group.get("portfolio") { _, _ in try JSONCoding.response(await control.portfolio()) }
        group.get("balances") { _, _ in try JSONCoding.response(await control.balances()) }
        group.get("positions") { _, _ in try JSONCoding.response(await control.positions()) }
        group.get("orders") { request, _ in
            let limit = try JSONCoding.intQuery(request, "limit", default: 100, range: 1...1000)
            let status = request.uri.queryParameters.get("status") ?? "all"
            guard status == "all" || status == "open" else {
                throw APIError.badRequest("invalid_parameter", "query parameter 'status' must be 'open' or 'all', got '\(status.prefix(40))'")
            }
            return try JSONCoding.response(await control.orders(openOnly: status == "open", limit: limit))
        }
        group.get("trades") { request, _ in
            let limit = try JSONCoding.intQuery(request, "limit", default: 100, range: 1...1000)
            return try JSONCoding.response(await control.trades(limit: limit))
        }
        group.get("equity") { request, _ in
            let limit = try JSONCoding.intQuery(request, "limit", default: 500, range: 1...10_000)
            return try JSONCoding.response(await control.equityCurve(limit: limit))
        }
        group.get("strategies") { _, _ in try JSONCoding.response(await control.strategies()) }
        group.get("backtests") { _, _ in try JSONCoding.response(await control.backtests()) }
        group.get("backtests/:id") { _, context in
            let id = try JSONCoding.pathParameter(context, "id")
            return try JSONCoding.response(try await control.backtest(id: id))
        }
        group.get("risk") { _, _ in try JSONCoding.response(await control.riskStatus()) }
        group.get("decisions") { request, _ in
            let limit = try JSONCoding.intQuery(request, "limit", default: 50, range: 1...1000)
            return try JSONCoding.response(await control.decisions(limit: limit))
        }
        group.get("me") { _, context in
            try JSONCoding.response(WhoAmI(subject: context.identity?.subject ?? "", role: context.identity?.role ?? .viewer))
        }
    }

    struct WhoAmI: Encodable {
        var subject: String
        var role: APIRole
    }
}
