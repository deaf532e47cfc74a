import Hummingbird

/// Trading endpoints (role trader): orders, strategies, backtests.
enum TradeRoutes {
    static func register(on group: RouterGroup<APIRequestContext>, control: some TradingControl) {
        group.post("orders") { request, context in
            let body = try await JSONCoding.decode(PlaceOrderBody.self, from: request, context: context)
            return try JSONCoding.response(try await control.placeOrder(try body.request()), status: .created)
        }
        group.delete("orders/:clientOrderId") { _, context in
            let id = try JSONCoding.pathParameter(context, "clientOrderId")
            return try JSONCoding.response(try await control.cancelOrder(clientOrderId: id))
        }
        group.post("strategies/:id/start") { _, context in
            try JSONCoding.response(try await control.startStrategy(id: try JSONCoding.pathParameter(context, "id")))
        }
        group.post("strategies/:id/stop") { _, context in
            try JSONCoding.response(try await control.stopStrategy(id: try JSONCoding.pathParameter(context, "id")))
        }
        group.patch("strategies/:id/parameters") { request, context in
            let id = try JSONCoding.pathParameter(context, "id")
            let body = try await JSONCoding.decode(ParametersBody.self, from: request, context: context)
            return try JSONCoding.response(try await control.updateStrategyParameters(id: id, parameters: body.parameters))
        }
        group.post("backtests") { request, context in
            let body = try await JSONCoding.decode(BacktestRequest.self, from: request, context: context)
            return try JSONCoding.response(try await control.submitBacktest(body), status: .accepted)
        }
    }
}

/// Administration endpoints (role admin): kill switch and configuration.
enum AdminRoutes {
    static func register(on group: RouterGroup<APIRequestContext>, control: some TradingControl) {
        group.post("risk/halt") { request, context in
            let reason = try await Self.reason(request, context)
            return try JSONCoding.response(await control.halt(reason: reason))
        }
        group.post("risk/resume") { request, context in
            let reason = try await Self.reason(request, context)
            return try JSONCoding.response(try await control.resume(reason: reason))
        }
        group.get("config") { _, _ in try JSONCoding.response(await control.redactedConfiguration()) }
    }

    static func reason(_ request: Request, _ context: APIRequestContext) async throws -> String {
        let body = try await JSONCoding.decode(ReasonBody.self, from: request, context: context)
        let reason = body.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(reason.count) else {
            throw APIError(.unprocessableContent, code: "invalid_reason", "reason must be 1...200 characters, got \(reason.count)")
        }
        return reason
    }
}
