import TradingCore
import TradingModel

/// A value outside its allowed range, at a key path (components are keys or `[i]`).
struct RangeProblem: Hashable {
    var path: [String]
    var message: String
}

extension AppConfiguration {
    /// Every value outside its allowed range and every unsafe combination (live mode with the default JWT
    /// secret, live exchanges without keys). Risk limits are checked key by key while loading.
    func rangeProblems() -> [RangeProblem] {
        var r = RangeRules()
        r.int(["logging", "max_size_mb"], logging.maxSizeMB, 1...100_000)
        r.int(["logging", "keep_files"], logging.keepFiles, 0...1000)
        r.check(["database", "url"], database.url, !database.url.isEmpty && Self.isStoreURL(database.url),
                "a SQLite file path or a postgres:// (postgresql://) URL")
        r.check(["neo4j", "uri"], neo4j.uri, ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"]
            .contains { neo4j.uri.hasPrefix($0 + "://") }, "a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI")
        r.int(["neo4j", "pool_size"], neo4j.poolSize, 1...1000)
        r.int(["neo4j", "max_lifetime_s"], neo4j.maxLifetimeS, 1...604_800)
        r.int(["neo4j", "acquire_timeout_s"], neo4j.acquireTimeoutS, 1...3600)
        r.int(["neo4j", "batch_rows"], neo4j.batchRows, 1...100_000)
        tradingProblems(&r)
        for (name, exchange) in [("binance", exchanges.binance), ("kraken", exchanges.kraken)] {
            r.check(["exchanges", name, "base_url"], exchange.baseURL,
                    exchange.baseURL.isEmpty || exchange.baseURL.hasPrefix("https://") || exchange.baseURL.hasPrefix("http://"),
                    "empty or an http(s):// URL")
            if trading.mode == .live && exchange.enabled && !exchange.testnet {
                for (key, value) in [("api_key", exchange.apiKey), ("api_secret", exchange.apiSecret)] {
                    r.check(["exchanges", name, key], value, !value.isEmpty, "set for live trading on \(name)")
                }
            }
        }
        r.number(["ai", "temperature"], ai.temperature, 0...2)
        r.int(["ai", "max_tokens"], ai.maxTokens, 1...1_000_000)
        r.int(["ai", "cache_ttl_s"], ai.cacheTTLS, 0...604_800)
        if ai.provider != .none { r.check(["ai", "model"], ai.model, !ai.model.isEmpty, "a model name when ai.provider is \(ai.provider.rawValue)") }
        if ai.provider == .openAICompatible {
            r.check(["ai", "base_url"], ai.baseURL, ai.baseURL.hasPrefix("http://") || ai.baseURL.hasPrefix("https://"),
                    "an http(s):// URL when ai.provider is openai_compatible")
        }
        r.int(["agents", "timeout_s"], agents.timeoutS, 1...3600)
        r.int(["knowledge_graph", "update_interval_s"], knowledgeGraph.updateIntervalS, 1...604_800)
        r.int(["knowledge_graph", "retention_days"], knowledgeGraph.retentionDays, 1...36_500)
        r.int(["knowledge_graph", "query_cache_mb"], knowledgeGraph.queryCacheMB, 0...100_000)
        r.int(["optimizer", "iterations"], optimizer.iterations, 1...1_000_000)
        r.int(["optimizer", "parallel_jobs"], optimizer.parallelJobs, 1...1024)
        r.check(["optimizer", "objective"], optimizer.objective, !optimizer.objective.isEmpty, "a metric name, e.g. sharpe")
        r.check(["backtesting", "fee"], "\(backtesting.fee)", backtesting.fee > -1 && backtesting.fee < 1,
                "a rate between -1 and 1, e.g. 0.001")
        r.check(["backtesting", "slippage_bps"], "\(backtesting.slippageBps)",
                backtesting.slippageBps.isFinite && backtesting.slippageBps >= 0 && backtesting.slippageBps <= 10_000,
                "a number of basis points from 0 to 10000")
        r.int(["monitoring", "health_port"], monitoring.healthPort, 1...65_535)
        r.int(["monitoring", "metrics_port"], monitoring.metricsPort, 1...65_535)
        if monitoring.healthPort == monitoring.metricsPort {
            r.check(["monitoring", "metrics_port"], "\(monitoring.metricsPort)", false, "different from monitoring.health_port")
        }
        monitoring.alertProblems(&r)
        securityProblems(&r)
        r.int(["performance", "worker_threads"], performance.workerThreads, 0...1024)
        r.int(["performance", "connection_pool_size"], performance.connectionPoolSize, 1...1000)
        r.int(["performance", "query_cache_mb"], performance.queryCacheMB, 0...100_000)
        return r.problems
    }

    private func tradingProblems(_ r: inout RangeRules) {
        r.check(["trading", "symbols"], "[]", !trading.symbols.isEmpty, "at least one symbol, e.g. [BTC/USDT]")
        for (i, symbol) in trading.symbols.enumerated() {
            r.check(["trading", "symbols", "[\(i)]"], symbol, Self.isSymbol(symbol), "a BASE/QUOTE symbol, e.g. BTC/USDT")
        }
        r.check(["trading", "timeframe"], trading.timeframe, Timeframe(trading.timeframe) != nil,
                "a timeframe such as 1m, 5m, 1h, 4h or 1d")
        for (i, strategy) in trading.strategies.enumerated() {
            let path = ["trading", "strategies", "[\(i)]"]
            r.check(path + ["name"], strategy.name, !strategy.name.isEmpty, "a strategy name, e.g. sma_cross")
            r.check(path + ["sizing"], strategy.sizing, PositionSizing(strategy.sizing) != nil, PositionSizing.syntax)
            for (j, symbol) in strategy.symbols.enumerated() {
                r.check(path + ["symbols", "[\(j)]"], symbol, trading.symbols.contains(symbol),
                        "one of trading.symbols (\(trading.symbols.joined(separator: ", ")))")
            }
        }
        r.check(["trading", "initial_cash"], "\(trading.initialCash)",
                trading.initialCash.isFinite && trading.initialCash > 0 && trading.initialCash < 1e12,
                "greater than 0 and less than 1e12")
    }

    private func securityProblems(_ r: inout RangeRules) {
        r.check(["security", "jwt_secret"], security.jwtSecret.isEmpty ? "" : "a secret of \(security.jwtSecret.utf8.count) bytes",
                security.jwtSecret.utf8.count >= APIKeyLength.minimumJWTSecretBytes,
                "at least \(APIKeyLength.minimumJWTSecretBytes) bytes long (the HS256 key must be as long as its hash)")
        if trading.mode == .live && security.jwtSecret == SecurityConfig.defaultJWTSecret {
            r.problems.append(RangeProblem(path: ["security", "jwt_secret"],
                                           message: "security.jwt_secret must not be the shipped default when trading.mode is live; set your own secret, e.g. jwt_secret: ${GRAPHWIZ_JWT_SECRET}"))
        }
        r.int(["security", "rate_limit_per_minute"], security.rateLimitPerMinute, 1...1_000_000)
        r.int(["security", "burst"], security.burst, 0...1_000_000)
        for (i, entry) in security.ipAllowlist.enumerated() {
            r.check(["security", "ip_allowlist", "[\(i)]"], entry, IPRange.isValid(entry),
                    "an IPv4 or IPv6 address or CIDR range, e.g. 10.0.0.0/8")
        }
    }

    static func isStoreURL(_ url: String) -> Bool {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return url.count > "postgresql://".count - 2 }
        if url.hasPrefix("sqlite://") { return url.count > "sqlite://".count }
        return !url.contains("://")
    }

    static func isSymbol(_ symbol: String) -> Bool {
        let parts = symbol.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } }
    }
}

/// Collects range problems with the project's message shape: `path must be <allowed>, got <value>`.
struct RangeRules {
    var problems: [RangeProblem] = []

    mutating func check(_ path: [String], _ value: String, _ ok: Bool, _ allowed: String) {
        guard !ok else { return }
        let shown = ConfigPath.isSecret(path: path) && !value.isEmpty ? "***" : value
        problems.append(RangeProblem(path: path, message: "\(ConfigPath.display(path)) must be \(allowed), got \(shown.isEmpty ? "''" : shown)"))
    }

    mutating func int(_ path: [String], _ value: Int, _ range: ClosedRange<Int>) {
        check(path, "\(value)", range.contains(value), "an integer from \(range.lowerBound) to \(range.upperBound)")
    }

    mutating func number(_ path: [String], _ value: Double, _ range: ClosedRange<Double>) {
        check(path, "\(value)", value.isFinite && range.contains(value), "a number from \(range.lowerBound) to \(range.upperBound)")
    }
}
