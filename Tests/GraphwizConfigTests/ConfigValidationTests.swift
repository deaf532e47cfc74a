import Testing
@testable import GraphwizConfig

@Suite struct ConfigValidationTests {
    let loader = ConfigLoader(environment: [:])

    func problems(_ yaml: String) -> [String] {
        do {
            _ = try loader.load(yaml: yaml, source: "c.yaml")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func unknownKeysAreReportedWithASuggestionAndTheAllowedKeys() {
        #expect(problems("tradng:\n  mode: paper\nmonitoring:\n  helth_port: 1\n") == [
            "c.yaml:1: tradng is not a known key; did you mean 'trading'? Allowed keys: logging, database, neo4j, trading, exchanges, ai, agents, knowledge_graph, optimizer, backtesting, monitoring, risk, security, performance",
            "c.yaml:4: monitoring.helth_port is not a known key; did you mean 'health_port'? Allowed keys of monitoring: health_port, metrics_port, alerts",
        ])
    }

    @Test func unknownKeyFarFromEveryKnownOneHasNoSuggestion() {
        #expect(problems("monitoring:\n  zzzzzzzzzz: 1\n") == [
            "c.yaml:2: monitoring.zzzzzzzzzz is not a known key. Allowed keys of monitoring: health_port, metrics_port, alerts",
        ])
    }

    @Test func wrongTypesAreReportedWithTheExpectedType() {
        #expect(problems("""
        neo4j:
          enabled: maybe
          pool_size: 2.5
        trading:
          symbols: BTC/USDT
          initial_cash: lots
        logging: verbose
        """) == [
            "c.yaml:2: neo4j.enabled must be true or false, got 'maybe'",
            "c.yaml:3: neo4j.pool_size must be an integer, got '2.5'",
            "c.yaml:5: trading.symbols must be a list, got 'BTC/USDT'",
            "c.yaml:6: trading.initial_cash must be a number, got 'lots'",
            "c.yaml:7: logging must be a mapping of keys, got 'verbose'",
        ])
    }

    @Test func enumeratedValuesListWhatIsAllowed() {
        #expect(problems("trading:\n  mode: yolo\nlogging:\n  format: xml\n  modules: {kernel: loud}\nbacktesting:\n  fill: later\n") == [
            "c.yaml:2: trading.mode must be one of simulation, paper, live, got 'yolo'",
            "c.yaml:4: logging.format must be one of json, text, got 'xml'",
            "c.yaml:5: logging.modules.kernel must be one of trace, debug, info, notice, warning, error, critical, got 'loud'",
            "c.yaml:7: backtesting.fill must be one of next-open, close, got 'later'",
        ])
    }

    @Test func riskRangesReuseTheRiskLimitsMessagesForEveryBadKey() {
        #expect(problems("risk:\n  max_drawdown: 1.5\n  correlation_window: 2\n  price_band: 0.01\n") == [
            "c.yaml:2: risk.max_drawdown must be greater than 0 and at most 1, got 1.5",
            "c.yaml:3: risk.correlation_window must be an integer from 3 to 10000, got 2",
        ])
    }

    @Test func outOfRangeValuesAreAllReported() {
        #expect(problems("""
        monitoring:
          health_port: 0
          metrics_port: 70000
        ai:
          temperature: 3
        trading:
          symbols: [BTCUSDT]
          timeframe: 7x
          strategies:
            - name: sma_cross
              sizing: half
        security:
          ip_allowlist: [10.0.0.0/33]
        database:
          url: mysql://x
        """) == [
            "c.yaml:15: database.url must be a SQLite file path or a postgres:// (postgresql://) URL, got mysql://x",
            "c.yaml:7: trading.symbols[0] must be a BASE/QUOTE symbol, e.g. BTC/USDT, got BTCUSDT",
            "c.yaml:8: trading.timeframe must be a timeframe such as 1m, 5m, 1h, 4h or 1d, got 7x",
            "c.yaml:11: trading.strategies[0].sizing must be all-in, fraction:X (0<X<=1), fixed:Q (Q>0), vol-target:X:atr|stdev:N (0<X<=1, 2<=N<=1000), half-kelly:CAP (0<CAP<=1) or risk-per-trade:R:S (0<R<=1, 0<S<=1), got half",
            "c.yaml:5: ai.temperature must be a number from 0.0 to 2.0, got 3.0",
            "c.yaml:2: monitoring.health_port must be an integer from 1 to 65535, got 0",
            "c.yaml:3: monitoring.metrics_port must be an integer from 1 to 65535, got 70000",
            "c.yaml:13: security.ip_allowlist[0] must be an IPv4 or IPv6 address or CIDR range, e.g. 10.0.0.0/8, got 10.0.0.0/33",
        ])
    }

    @Test func liveModeWithTheDefaultJWTSecretIsRefused() {
        #expect(problems("trading:\n  mode: live\n") == [
            "c.yaml: security.jwt_secret must not be the shipped default when trading.mode is live; set your own secret, e.g. jwt_secret: ${GRAPHWIZ_JWT_SECRET}",
        ])
        #expect(problems("trading:\n  mode: live\nsecurity:\n  jwt_secret: a-long-private-secret-of-32-bytes-or-more\n").isEmpty)
        #expect(problems("trading:\n  mode: paper\n").isEmpty)
    }

    @Test func aJWTSecretShorterThanAnHS256KeyIsRefusedWithoutShowingIt() {
        #expect(problems("security:\n  jwt_secret: short-secret\n") == [
            "c.yaml:2: security.jwt_secret must be at least 32 bytes long (the HS256 key must be as long as its hash), got ***",
        ])
    }

    @Test func liveExchangeWithoutKeysIsRefusedAndTheKeyIsNotPrinted() {
        #expect(problems("trading: {mode: live}\nsecurity: {jwt_secret: a-long-private-secret-of-32-bytes-or-more}\nexchanges:\n  binance: {enabled: true, testnet: false, api_key: k}\n") == [
            "c.yaml: exchanges.binance.api_secret must be set for live trading on binance, got ''",
        ])
    }

    @Test func problemsOfEveryKindAreReportedTogether() {
        let found = problems("tradng: {}\nrisk: {max_drawdown: 2}\nmonitoring: {health_port: x, metrics_port: 0}\n")
        #expect(found == [
            "c.yaml:1: tradng is not a known key; did you mean 'trading'? Allowed keys: logging, database, neo4j, trading, exchanges, ai, agents, knowledge_graph, optimizer, backtesting, monitoring, risk, security, performance",
            "c.yaml:2: risk.max_drawdown must be greater than 0 and at most 1, got 2.0",
            "c.yaml:3: monitoring.health_port must be an integer, got 'x'",
            "c.yaml:3: monitoring.metrics_port must be an integer from 1 to 65535, got 0",
        ])
    }

    @Test func unsetVariablesAreReportedAlongsideTheOtherProblems() {
        #expect(problems("neo4j:\n  password: ${PW}\nmonitoring:\n  health_port: 0\n") == [
            "c.yaml:2: ${PW} is not set and has no default (set it, or write ${PW:-value})",
            "c.yaml:4: monitoring.health_port must be an integer from 1 to 65535, got 0",
        ])
    }

    @Test func wrongTypeUnderASecretKeyDoesNotPrintTheValue() {
        #expect(problems("neo4j:\n  password: [a, b]\n") == ["c.yaml:2: neo4j.password must be a string, got a list"])
    }

    @Test func invalidYAMLNamesTheLineAndDoesNotQuoteExpandedSecrets() {
        let loader = ConfigLoader(environment: ["PW": "p@ss: [word"])
        do {
            _ = try loader.load(yaml: "neo4j:\n  password: ${PW}\n", source: "c.yaml")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.location == "c.yaml:2")
            #expect(error.problems.first?.message.hasPrefix("not valid YAML at column ") == true)
            #expect(error.description.contains("p@ss") == false)
        }
    }

    @Test func emptyFileAndNullSectionsTakeTheDefaults() throws {
        #expect(try loader.load(yaml: "", source: "c.yaml") == AppConfiguration())
        #expect(try loader.load(yaml: "risk:\nlogging:\n  file:\n", source: "c.yaml") == AppConfiguration())
    }

    @Test func partialStrategyEntriesTakeTheStrategyDefaults() throws {
        let config = try loader.load(yaml: "trading:\n  strategies:\n    - name: rsi\n      params: {period: 14}\n", source: "c.yaml")
        #expect(config.trading.strategies == [StrategyConfig(name: "rsi", params: ["period": 14], sizing: "fraction:0.1", symbols: [])])
    }

    @Test func postgresURLSelectsPostgres() throws {
        let config = try loader.load(yaml: "database: {url: 'postgres://u:p@h/db'}", source: "c.yaml")
        #expect(config.database.kind == .postgres(url: "postgres://u:p@h/db"))
        #expect(AppConfiguration().database.kind == .sqlite(path: "data/graphwiz.sqlite"))
    }
}
