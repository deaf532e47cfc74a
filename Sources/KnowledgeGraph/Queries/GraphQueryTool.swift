import Foundation

/// Named, read-only graph queries for an LLM agent: one tool, `graph_query`, whose JSON arguments pick the
/// query, and whose answer is JSON. ``parametersSchema`` describes the arguments in JSON Schema form, ready for
/// an OpenAI or Anthropic tool definition.
///
/// Queries: `correlated_assets` (asset, min_abs_rho, limit), `current_regime` (symbol or market id,
/// timeframe), `recent_decisions` (symbol, limit), `why_order` (order_id).
public struct GraphQueryTool: Sendable {
    /// The named queries.
    public enum Query: String, Sendable, CaseIterable, Codable {
        case correlatedAssets = "correlated_assets"
        case currentRegime = "current_regime"
        case recentDecisions = "recent_decisions"
        case whyOrder = "why_order"
    }

    /// The arguments of a call.
    public struct Arguments: Sendable, Hashable, Codable {
        /// Which query.
        public var query: Query
        /// Asset code (correlated_assets).
        public var asset: String?
        /// Symbol or market id (current_regime, recent_decisions).
        public var symbol: String?
        /// Timeframe filter (current_regime).
        public var timeframe: String?
        /// Client order id (why_order).
        public var orderId: String?
        /// Most results, 1 to 100 (default 10).
        public var limit: Int?
        /// Smallest |rho| (correlated_assets).
        public var minAbsRho: Double?

        /// Arguments for `query`.
        public init(query: Query, asset: String? = nil, symbol: String? = nil, timeframe: String? = nil,
                    orderId: String? = nil, limit: Int? = nil, minAbsRho: Double? = nil) {
            self.query = query
            self.asset = asset
            self.symbol = symbol
            self.timeframe = timeframe
            self.orderId = orderId
            self.limit = limit
            self.minAbsRho = minAbsRho
        }

        enum CodingKeys: String, CodingKey {
            case query, asset, symbol, timeframe, orderId = "order_id", limit, minAbsRho = "min_abs_rho"
        }
    }

    /// The tool's name.
    public static let name = "graph_query"

    /// What the tool does, for the model.
    public static let description = """
        Read-only questions to the trading knowledge graph. query=correlated_assets: assets whose returns correlate \
        with `asset` (strongest first). query=current_regime: the latest market regime (trend_up, trend_down, range, \
        high_volatility) of `symbol` (e.g. BTCUSDT or binance:BTCUSDT), optionally for one `timeframe` (1h). \
        query=recent_decisions: the newest signals for `symbol` with risk verdict, order status and fills. \
        query=why_order: the full provenance of one order (`order_id`).
        """

    /// JSON Schema of the arguments.
    public static let parametersSchema = """
        {"type":"object","properties":{\
        "query":{"type":"string","enum":["correlated_assets","current_regime","recent_decisions","why_order"],\
        "description":"Which question to ask."},\
        "asset":{"type":"string","description":"Asset code such as BTC (correlated_assets)."},\
        "symbol":{"type":"string","description":"Market symbol such as BTCUSDT, or a market id such as binance:BTCUSDT (current_regime, recent_decisions)."},\
        "timeframe":{"type":"string","description":"Bar timeframe such as 1h (current_regime, optional)."},\
        "order_id":{"type":"string","description":"Client order id (why_order)."},\
        "limit":{"type":"integer","minimum":1,"maximum":100,"description":"Most results to return (default 10)."},\
        "min_abs_rho":{"type":"number","minimum":0,"maximum":1,"description":"Smallest |correlation| to include (default 0)."}\
        },"required":["query"],"additionalProperties":false}
        """

    /// The argument names ``parametersSchema`` allows.
    public static let argumentNames: Set<String> = ["query", "asset", "symbol", "timeframe", "order_id", "limit", "min_abs_rho"]

    /// The graph read (read-only calls only).
    public let store: any GraphStore

    /// A tool over `store`.
    public init(store: any GraphStore) { self.store = store }

    /// Runs the call whose arguments are the JSON text `arguments`; answers JSON, `{"error": "..."}` on failure.
    public func call(arguments: String) async -> String {
        do {
            if let object = try? JSONSerialization.jsonObject(with: Data(arguments.utf8)) as? [String: Any],
               let unknown = object.keys.sorted().first(where: { !Self.argumentNames.contains($0) }) {
                throw GraphError.invalidInput(source: Self.name, line: 0, field: "arguments", value: unknown,
                                              expected: "only " + Self.argumentNames.sorted().joined(separator: ", "))
            }
            let decoded: Arguments
            do {
                decoded = try JSONDecoder().decode(Arguments.self, from: Data(arguments.utf8))
            } catch {
                throw GraphError.invalidInput(source: Self.name, line: 0, field: "arguments", value: String(arguments.prefix(200)),
                                              expected: "a JSON object matching the parameters schema (query is one of "
                                                  + Query.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            return String(decoding: try await call(decoded), as: UTF8.self)
        } catch {
            let body = try? Self.makeEncoder().encode(["error": "\(error)"])
            return body.map { String(decoding: $0, as: UTF8.self) } ?? #"{"error":"unencodable error"}"#
        }
    }

    /// Runs one query; the answer is JSON with sorted keys.
    public func call(_ arguments: Arguments) async throws -> Data {
        let limit = arguments.limit ?? 10
        guard (1...100).contains(limit) else {
            throw GraphError.invalidInput(source: Self.name, line: 0, field: "limit", value: "\(limit)",
                                          expected: "an integer from 1 to 100")
        }
        switch arguments.query {
        case .correlatedAssets:
            let asset = try Self.required(arguments.asset, "asset")
            let pairs = try await MarketStateQuery.correlatedAssets(of: asset, minimumAbsRho: arguments.minAbsRho ?? 0,
                                                                   limit: limit, in: store)
            return try Self.makeEncoder().encode(CorrelatedAnswer(
                query: arguments.query.rawValue, asset: asset,
                correlated: pairs.map { CorrelatedAnswer.Pair(asset: $0.asset, rho: $0.rho) }))

        case .currentRegime:
            let symbol = try Self.required(arguments.symbol, "symbol")
            var answers: [RegimeAnswer.Market] = []
            for market in try await MarketStateQuery.markets(symbol, in: store) {
                let regime = try await MarketStateQuery.currentRegime(of: market.ref, timeframe: arguments.timeframe, in: store)
                answers.append(RegimeAnswer.Market(
                    market: market.id, regime: regime?.properties["regime"]?.stringValue,
                    timeframe: regime?.properties["timeframe"]?.stringValue, from: regime?.properties["from"]?.intValue,
                    to: regime?.properties["to"]?.intValue, bars: regime?.properties["bars"]?.intValue))
            }
            return try Self.makeEncoder().encode(RegimeAnswer(query: arguments.query.rawValue, symbol: symbol, markets: answers))

        case .recentDecisions:
            let symbol = try Self.required(arguments.symbol, "symbol")
            let decisions = try await MarketStateQuery.recentDecisions(symbol: symbol, limit: limit, in: store)
            return try Self.makeEncoder().encode(DecisionsAnswer(
                query: arguments.query.rawValue, symbol: symbol, decisions: decisions.map(DecisionsAnswer.Decision.init)))

        case .whyOrder:
            let id = try Self.required(arguments.orderId, "order_id")
            return try Self.makeEncoder().encode(try await ProvenanceQuery.why(orderId: id, in: store))
        }
    }

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static func required(_ value: String?, _ field: String) throws -> String {
        guard let value, !value.isEmpty else {
            throw GraphError.invalidInput(source: name, line: 0, field: field, value: value ?? "",
                                          expected: "a non-empty string for this query")
        }
        return value
    }
}

struct CorrelatedAnswer: Encodable {
    struct Pair: Encodable {
        var asset: String
        var rho: Double
    }
    var query: String
    var asset: String
    var correlated: [Pair]
}

struct RegimeAnswer: Encodable {
    struct Market: Encodable {
        var market: String
        var regime: String?
        var timeframe: String?
        var from: Int64?
        var to: Int64?
        var bars: Int64?
    }
    var query: String
    var symbol: String
    var markets: [Market]
}

struct DecisionsAnswer: Encodable {
    struct Decision: Encodable {
        var signalId: String
        var time: Int64?
        var side: String?
        var tag: String?
        var strategy: String?
        var riskVerdict: String?
        var riskReason: String?
        var orderStatus: String?
        var averagePrice: String?
        var fills: Int
        var agents: [String]

        init(_ provenance: OrderProvenance) {
            signalId = provenance.orderId
            time = provenance.signal?.time
            side = provenance.signal?.properties["side"]?.stringValue
            tag = provenance.signal?.properties["tag"]?.stringValue
            strategy = provenance.strategy?.id
            riskVerdict = provenance.riskVerdict
            riskReason = provenance.riskCheck?.properties["reason"]?.stringValue
            orderStatus = provenance.order?.properties["status"]?.stringValue
            averagePrice = provenance.order?.properties["average_price"]?.stringValue
            fills = provenance.fills.count
            agents = provenance.agentDecisions.map { decision in
                let agent = decision.properties["agent"]?.description ?? decision.id
                let action = decision.properties["action"]?.description ?? "?"
                return "\(agent): \(action)"
            }
        }

        enum CodingKeys: String, CodingKey {
            case signalId = "signal_id", time, side, tag, strategy, riskVerdict = "risk_verdict"
            case riskReason = "risk_reason", orderStatus = "order_status", averagePrice = "average_price", fills, agents
        }
    }
    var query: String
    var symbol: String
    var decisions: [Decision]
}
