import Exchanges
import Testing
import TradingCore

@Suite struct BinanceErrorMappingTests {
    private func mapped(_ status: Int, _ body: String, headers: [String: String] = [:], order: Bool = false) -> ExchangeError {
        BinanceErrorMapper.error(status: status, headers: headers, body: Array(body.utf8), endpoint: "POST /api/v3/order",
                                 mayHaveExecuted: order)
    }

    @Test func errorCodesMapToKinds() {
        let cases: [(Int, String, ExchangeError.Kind)] = [
            (-2010, "Account has insufficient balance for requested action.", .insufficientFunds),
            (-2010, "Duplicate order sent.", .duplicateOrder),
            (-2010, "Order would immediately match and take.", .invalidRequest),
            (-2011, "Unknown order sent.", .unknownOrder),
            (-2013, "Order does not exist.", .unknownOrder),
            (-1121, "Invalid symbol.", .invalidRequest),
            (-1013, "Filter failure: LOT_SIZE", .invalidRequest),
            (-1021, "Timestamp for this request is outside of the recvWindow.", .clockSkew),
            (-1003, "Too much request weight used", .rateLimited),
            (-2015, "Invalid API-key, IP, or permissions for action.", .authentication),
            (-1022, "Signature for this request is not valid.", .authentication),
            (-1007, "Timeout waiting for response from backend server.", .timeout),
            (-9999, "something new", .unknown),
        ]
        for (code, message, kind) in cases {
            let error = mapped(400, "{\"code\":\(code),\"msg\":\"\(message)\"}")
            #expect(error.kind == kind, "code \(code)")
            #expect(error.code == String(code))
            #expect(error.message == "POST /api/v3/order: \(message)")
            #expect(error.venue == "binance")
        }
    }

    @Test func http429And418CarryRetryAfter() {
        let limited = mapped(429, "{\"code\":-1003,\"msg\":\"Too much request weight used\"}", headers: ["retry-after": "7"])
        #expect(limited.kind == .rateLimited)
        #expect(limited.retryAfter == 7)
        #expect(limited.isRetrySafe)
        let banned = mapped(418, "{\"code\":-1003,\"msg\":\"Way too much request weight used\"}", headers: ["retry-after": "120"])
        #expect(banned.kind == .banned)
        #expect(banned.retryAfter == 120)
        #expect(!banned.isRetrySafe)
    }

    @Test func serverErrorsOnOrdersLeaveTheOutcomeUnknown() {
        let order = mapped(503, "Service Unavailable", order: true)
        #expect(order.kind == .unavailable)
        #expect(order.outcomeUnknown)
        #expect(!order.isRetrySafe)
        let query = mapped(500, "oops", order: false)
        #expect(!query.outcomeUnknown)
        let backendTimeout = mapped(400, "{\"code\":-1007,\"msg\":\"Timeout\"}", order: true)
        #expect(backendTimeout.outcomeUnknown)
    }

    @Test func transportFailuresSayWhetherTheOrderMayExist() {
        let notSent = BinanceErrorMapper.error(.notSent("refused"), endpoint: "POST /api/v3/order", mayHaveExecuted: true)
        #expect(notSent.kind == .network)
        #expect(!notSent.outcomeUnknown)
        let timedOut = BinanceErrorMapper.error(.timedOut("deadline"), endpoint: "POST /api/v3/order", mayHaveExecuted: true)
        #expect(timedOut.kind == .timeout)
        #expect(timedOut.outcomeUnknown)
        let lost = BinanceErrorMapper.error(.connectionLost("reset"), endpoint: "POST /api/v3/order", mayHaveExecuted: true)
        #expect(lost.outcomeUnknown)
    }
}
