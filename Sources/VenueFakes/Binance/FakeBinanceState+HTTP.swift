import Crypto
import Foundation
import TradingModel

extension FakeBinanceState {
    /// Request weight of an endpoint, as Binance documents it.
    static func weight(_ request: FakeBinanceRequest, _ params: [String: String]) -> Int {
        switch (request.method, request.path) {
        case (_, "/api/v3/ping"), (_, "/api/v3/time"): return 1
        case (_, "/api/v3/exchangeInfo"): return 20
        case (_, "/api/v3/klines"): return 2
        case (_, "/api/v3/depth"):
            let limit = Int(params["limit"] ?? "100") ?? 100
            return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250
        case (_, "/api/v3/ticker/24hr"): return params["symbol"] == nil ? 80 : 2
        case (_, "/api/v3/ticker/bookTicker"): return params["symbol"] == nil ? 4 : 2
        case (_, "/api/v3/account"): return 20
        case ("GET", "/api/v3/order"): return 4
        case (_, "/api/v3/order"): return 1
        case (_, "/api/v3/openOrders"): return params["symbol"] == nil ? 80 : 6
        case (_, "/api/v3/myTrades"): return 20
        case (_, "/api/v3/userDataStream"): return 2
        default: return 1
        }
    }

    /// Answers one REST request.
    public func handle(_ request: FakeBinanceRequest) -> FakeBinanceAnswer {
        requestLog.append("\(request.method) \(request.path)")
        let time = now()
        let params = request.parameters
        if time < bannedUntil {
            var answer = FakeBinanceAnswer.error(418, -1003, "Way too much request weight used; IP banned until \(bannedUntil). "
                + "Please use WebSocket Streams for live updates to avoid bans.")
            answer.headers["Retry-After"] = String(max(1, (bannedUntil - time + 999) / 1000))
            return answer
        }
        let weight = Self.weight(request, params)
        let minute = time - time % 60_000
        if minute != weightWindowStart {
            weightWindowStart = minute
            weightUsed = 0
            violationsInWindow = 0
        }
        if weightUsed + weight > limits.weightPerMinute {
            violationsInWindow += 1
            if violationsInWindow > limits.bansAfter429s {
                bannedUntil = time + Int64(limits.banSeconds) * 1000
                var answer = FakeBinanceAnswer.error(418, -1003, "Way too much request weight used; IP banned until "
                    + "\(bannedUntil). Please use WebSocket Streams for live updates to avoid bans.")
                answer.headers["Retry-After"] = String(limits.banSeconds)
                return answer
            }
            var answer = FakeBinanceAnswer.error(429, -1003, "Too much request weight used; current limit is "
                + "\(limits.weightPerMinute) request weight per 1 MINUTE. Please use WebSocket Streams for live updates "
                + "to avoid polling the API.")
            answer.headers["Retry-After"] = String(max(1, (minute + 60_000 - time + 999) / 1000))
            answer.headers["X-MBX-USED-WEIGHT-1M"] = String(weightUsed)
            return answer
        }
        weightUsed += weight
        var answer = route(request, params, time: time)
        answer.headers["X-MBX-USED-WEIGHT-1M"] = String(weightUsed)
        return answer
    }

    private func route(_ request: FakeBinanceRequest, _ params: [String: String], time: Int64) -> FakeBinanceAnswer {
        if let index = faults.firstIndex(where: { $0.path == nil || $0.path == request.path }) {
            let fault = faults.remove(at: index)
            var answer = fault.code.map { FakeBinanceAnswer.error(fault.status, $0, fault.message) }
                ?? FakeBinanceAnswer(status: fault.status, body: fault.rawBody)
            if let retry = fault.retryAfter { answer.headers["Retry-After"] = String(retry) }
            if fault.status == 418 { bannedUntil = time + Int64(fault.retryAfter ?? limits.banSeconds) * 1000 }
            return answer
        }
        switch (request.method, request.path) {
        case ("GET", "/api/v3/ping"): return .json(.obj([]))
        case ("GET", "/api/v3/time"): return .json(.obj([("serverTime", .int(time))]))
        case ("GET", "/api/v3/exchangeInfo"): return exchangeInfo(params, time: time)
        case ("GET", "/api/v3/klines"): return klinesAnswer(params)
        case ("GET", "/api/v3/depth"): return depth(params)
        case ("GET", "/api/v3/ticker/24hr"): return ticker(params)
        default: break
        }
        let apiKeyOnly = request.path == "/api/v3/userDataStream"
        if let failure = authenticate(request, signed: !apiKeyOnly, time: time) { return failure }
        switch (request.method, request.path) {
        case ("POST", "/api/v3/userDataStream"):
            let key = listenKeys.first ?? Self.newListenKey()
            listenKeys.insert(key)
            return .json(.obj([("listenKey", .string(key))]))
        case ("PUT", "/api/v3/userDataStream"), ("DELETE", "/api/v3/userDataStream"):
            guard let key = params["listenKey"], listenKeys.contains(key) else {
                return .error(400, -1125, "This listenKey does not exist.")
            }
            if request.method == "DELETE" { listenKeys.remove(key) }
            return .json(.obj([]))
        case ("GET", "/api/v3/account"): return account(time: time)
        case ("POST", "/api/v3/order"):
            if let limited = countOrder(time: time) { return limited }
            var answer = newOrder(params, time: time)
            answer.headers["X-MBX-ORDER-COUNT-10S"] = String(orders10sUsed)
            answer.headers["X-MBX-ORDER-COUNT-1D"] = String(ordersDayUsed)
            switch nextOrderAnswer {
            case .normal: break
            case let .delay(duration): answer.delay = duration
            case .drop: answer.drop = true
            }
            nextOrderAnswer = .normal
            return answer
        case ("DELETE", "/api/v3/order"): return cancelOrder(params, time: time)
        case ("GET", "/api/v3/order"): return queryOrder(params)
        case ("GET", "/api/v3/openOrders"):
            if let symbol = params["symbol"], markets[symbol] == nil { return .error(400, -1121, "Invalid symbol.") }
            let open = orders.values.filter { $0.isOpen && (params["symbol"] == nil || $0.symbol == params["symbol"]) }
                .sorted { $0.orderId < $1.orderId }
            return .json(.array(open.map(orderJSON)))
        case ("GET", "/api/v3/myTrades"): return myTrades(params)
        default:
            return FakeBinanceAnswer(status: 404, body: "")
        }
    }

    static func newListenKey() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<60).map { _ in letters[Int.random(in: 0..<letters.count)] })
    }

    /// Checks the API key, and for SIGNED endpoints the signature and the timestamp window.
    func authenticate(_ request: FakeBinanceRequest, signed: Bool, time: Int64) -> FakeBinanceAnswer? {
        guard let key = request.apiKey, !key.isEmpty else {
            return .error(401, -2014, "API-key format invalid.")
        }
        guard key == apiKey else { return .error(401, -2015, "Invalid API-key, IP, or permissions for action.") }
        guard signed else { return nil }
        let total = request.query + request.body
        guard let range = total.range(of: "&signature=") ?? total.range(of: "signature=") else {
            return .error(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.")
        }
        let payload = String(total[..<range.lowerBound])
        let given = String(total[range.upperBound...].prefix { $0 != "&" })
        let mac = HMAC<SHA256>.authenticationCode(for: Array(payload.utf8), using: SymmetricKey(data: Array(apiSecret.utf8)))
        let expected = mac.map { String(format: "%02x", $0) }.joined()
        guard given == expected else { return .error(400, -1022, "Signature for this request is not valid.") }
        let params = request.parameters
        guard let timestamp = params["timestamp"].flatMap({ Int64($0) }) else {
            return .error(400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.")
        }
        let window = Int64(params["recvWindow"] ?? "5000") ?? 5000
        if window > 60_000 { return .error(400, -1131, "recvWindow must be less than 60000") }
        if timestamp >= time + 1000 {
            return .error(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.")
        }
        if time - timestamp > window {
            return .error(400, -1021, "Timestamp for this request is outside of the recvWindow.")
        }
        return nil
    }

    private func countOrder(time: Int64) -> FakeBinanceAnswer? {
        let tenSeconds = time - time % 10_000
        if tenSeconds != orders10sWindowStart { orders10sWindowStart = tenSeconds; orders10sUsed = 0 }
        let day = time - time % 86_400_000
        if day != ordersDayWindowStart { ordersDayWindowStart = day; ordersDayUsed = 0 }
        if orders10sUsed + 1 > limits.ordersPer10Seconds {
            var answer = FakeBinanceAnswer.error(429, -1015, "Too many new orders; current limit is "
                + "\(limits.ordersPer10Seconds) orders per 10 SECOND.")
            answer.headers["Retry-After"] = String(max(1, (tenSeconds + 10_000 - time + 999) / 1000))
            return answer
        }
        if ordersDayUsed + 1 > limits.ordersPerDay {
            var answer = FakeBinanceAnswer.error(429, -1015, "Too many new orders; current limit is "
                + "\(limits.ordersPerDay) orders per 1 DAY.")
            answer.headers["Retry-After"] = String(max(1, (day + 86_400_000 - time + 999) / 1000))
            return answer
        }
        orders10sUsed += 1
        ordersDayUsed += 1
        return nil
    }

    private func exchangeInfo(_ params: [String: String], time: Int64) -> FakeBinanceAnswer {
        let wanted = params["symbol"]
        if let wanted, markets[wanted] == nil { return .error(400, -1121, "Invalid symbol.") }
        let list = markets.values.filter { wanted == nil || $0.symbol == wanted }.sorted { $0.symbol < $1.symbol }
        let symbols: [FakeJSON] = list.map { m in
            .obj([
                ("symbol", .string(m.symbol)), ("status", .string("TRADING")), ("baseAsset", .string(m.baseAsset)),
                ("baseAssetPrecision", .int(8)), ("quoteAsset", .string(m.quoteAsset)), ("quotePrecision", .int(8)),
                ("orderTypes", .array(["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT",
                                       "TAKE_PROFIT_LIMIT"].map { .string($0) })),
                ("isSpotTradingAllowed", .bool(true)),
                ("filters", .array([
                    .obj([("filterType", .string("PRICE_FILTER")), ("minPrice", .decimal(m.tickSize)),
                          ("maxPrice", .decimal(1_000_000)), ("tickSize", .decimal(m.tickSize))]),
                    .obj([("filterType", .string("LOT_SIZE")), ("minQty", .decimal(m.minQty)),
                          ("maxQty", .decimal(9000)), ("stepSize", .decimal(m.stepSize))]),
                    .obj([("filterType", .string("NOTIONAL")), ("minNotional", .decimal(m.minNotional)),
                          ("applyMinToMarket", .bool(true)), ("maxNotional", .decimal(9_000_000)),
                          ("applyMaxToMarket", .bool(false)), ("avgPriceMins", .int(5))]),
                ])),
            ])
        }
        func limit(_ type: String, _ interval: String, _ num: Int, _ value: Int) -> FakeJSON {
            .obj([("rateLimitType", .string(type)), ("interval", .string(interval)), ("intervalNum", .int(num)),
                  ("limit", .int(value))])
        }
        return .json(.obj([
            ("timezone", .string("UTC")), ("serverTime", .int(time)),
            ("rateLimits", .array([
                limit("REQUEST_WEIGHT", "MINUTE", 1, limits.weightPerMinute),
                limit("ORDERS", "SECOND", 10, limits.ordersPer10Seconds),
                limit("ORDERS", "DAY", 1, limits.ordersPerDay),
            ])),
            ("exchangeFilters", .array([])), ("symbols", .array(symbols)),
        ]))
    }

    private func klinesAnswer(_ params: [String: String]) -> FakeBinanceAnswer {
        guard let symbol = params["symbol"], markets[symbol] != nil else { return .error(400, -1121, "Invalid symbol.") }
        guard let interval = params["interval"], let step = Self.intervalMilliseconds(interval) else {
            return .error(400, -1120, "Invalid interval.")
        }
        let limit = min(max(Int(params["limit"] ?? "500") ?? 500, 1), 1000)
        let start = params["startTime"].flatMap { Int64($0) } ?? Int64.min
        let end = params["endTime"].flatMap { Int64($0) } ?? Int64.max
        var rows = (klines["\(symbol)|\(interval)"] ?? []).filter { $0.time >= start && $0.time <= end }
        rows = params["startTime"] == nil && params["endTime"] != nil ? Array(rows.suffix(limit))
            : params["startTime"] == nil ? Array(rows.suffix(limit)) : Array(rows.prefix(limit))
        return .json(.array(rows.map { bar in
            .array([.int(bar.time), .string(String(bar.open)), .string(String(bar.high)), .string(String(bar.low)),
                    .string(String(bar.close)), .string(String(bar.volume)), .int(bar.time + step - 1), .string("0"),
                    .int(0), .string("0"), .string("0"), .string("0")])
        }))
    }

    static func intervalMilliseconds(_ interval: String) -> Int64? {
        let table: [String: Int64] = ["1s": 1000, "1m": 60_000, "3m": 180_000, "5m": 300_000, "15m": 900_000,
                                      "30m": 1_800_000, "1h": 3_600_000, "2h": 7_200_000, "4h": 14_400_000,
                                      "6h": 21_600_000, "8h": 28_800_000, "12h": 43_200_000, "1d": 86_400_000,
                                      "3d": 259_200_000, "1w": 604_800_000]
        return table[interval]
    }

    private func depth(_ params: [String: String]) -> FakeBinanceAnswer {
        guard let symbol = params["symbol"], let m = markets[symbol] else { return .error(400, -1121, "Invalid symbol.") }
        let limit = max(1, min(Int(params["limit"] ?? "100") ?? 100, 5))
        let bids: [FakeJSON] = (1...limit).map { .array([.decimal(m.price - m.tickSize * $0), .decimal(Fixed($0))]) }
        let asks: [FakeJSON] = (1...limit).map { .array([.decimal(m.price + m.tickSize * $0), .decimal(Fixed($0))]) }
        return .json(.obj([("lastUpdateId", .int(nextTradeId)), ("bids", .array(bids)), ("asks", .array(asks))]))
    }

    private func ticker(_ params: [String: String]) -> FakeBinanceAnswer {
        guard let symbol = params["symbol"], let m = markets[symbol] else { return .error(400, -1121, "Invalid symbol.") }
        let volume = trades.filter { $0.symbol == symbol }.reduce(Fixed.zero) { $0 + $1.quantity }
        return .json(.obj([
            ("symbol", .string(symbol)), ("priceChange", .decimal(0)), ("lastPrice", .decimal(m.price)),
            ("bidPrice", .decimal(m.price - m.tickSize)), ("askPrice", .decimal(m.price + m.tickSize)),
            ("volume", .decimal(volume)), ("openTime", .int(now() - 86_400_000)), ("closeTime", .int(now())),
        ]))
    }

    private func account(time: Int64) -> FakeBinanceAnswer {
        let list = balances.keys.sorted().map { asset -> FakeJSON in
            .obj([("asset", .string(asset)), ("free", .decimal(balances[asset]!.free)),
                  ("locked", .decimal(balances[asset]!.locked))])
        }
        return .json(.obj([
            ("makerCommission", .int(10)), ("takerCommission", .int(10)), ("canTrade", .bool(true)),
            ("canWithdraw", .bool(true)), ("canDeposit", .bool(true)), ("updateTime", .int(time)),
            ("accountType", .string("SPOT")), ("balances", .array(list)), ("permissions", .array([.string("SPOT")])),
        ]))
    }

    private func myTrades(_ params: [String: String]) -> FakeBinanceAnswer {
        guard let symbol = params["symbol"], markets[symbol] != nil else { return .error(400, -1121, "Invalid symbol.") }
        let limit = min(max(Int(params["limit"] ?? "500") ?? 500, 1), 1000)
        if let start = params["startTime"].flatMap({ Int64($0) }), let end = params["endTime"].flatMap({ Int64($0) }),
           end - start > 86_400_000 {
            return .error(400, -1127, "More than 24 hours between startTime and endTime.")
        }
        var list = trades.filter { $0.symbol == symbol }
        if let fromId = params["fromId"].flatMap({ Int64($0) }) { list = list.filter { $0.id >= fromId } }
        else if let start = params["startTime"].flatMap({ Int64($0) }) { list = list.filter { $0.time >= start } }
        if let end = params["endTime"].flatMap({ Int64($0) }) { list = list.filter { $0.time <= end } }
        return .json(.array(list.prefix(limit).map { t in
            .obj([
                ("symbol", .string(t.symbol)), ("id", .int(t.id)), ("orderId", .int(t.orderId)), ("orderListId", .int(-1)),
                ("price", .decimal(t.price)), ("qty", .decimal(t.quantity)), ("quoteQty", .decimal(t.price * t.quantity)),
                ("commission", .decimal(t.commission)), ("commissionAsset", .string(t.commissionAsset)),
                ("time", .int(t.time)), ("isBuyer", .bool(t.isBuyer)), ("isMaker", .bool(t.isMaker)),
                ("isBestMatch", .bool(true)),
            ])
        }))
    }
}
