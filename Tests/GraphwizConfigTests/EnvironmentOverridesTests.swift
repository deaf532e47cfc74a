import Testing
@testable import GraphwizConfig

@Suite struct EnvironmentOverridesTests {
    @Test func doubleUnderscoreVariablesOverrideNestedKeysWithTypedValues() throws {
        let loader = ConfigLoader(environment: [
            "GRAPHWIZ_RISK__MAX_DRAWDOWN": "0.1",
            "GRAPHWIZ_TRADING__SYMBOLS": "[BTC/USDT, ETH/USDT]",
            "GRAPHWIZ_EXCHANGES__BINANCE__TESTNET": "false",
            "GRAPHWIZ_KNOWLEDGE_GRAPH__RETENTION_DAYS": "30",
            "GRAPHWIZ_DB": "ignored.sqlite",
        ])
        let config = try loader.load(yaml: "risk:\n  max_drawdown: 0.2\n", source: "c.yaml")
        #expect(config.risk.maxDrawdown == 0.1)
        #expect(config.trading.symbols == ["BTC/USDT", "ETH/USDT"])
        #expect(config.exchanges.binance.testnet == false)
        #expect(config.knowledgeGraph.retentionDays == 30)
        #expect(config.database.url == "data/graphwiz.sqlite")
    }

    @Test func overridesApplyToTheEmbeddedDefault() throws {
        let config = try ConfigLoader(environment: ["GRAPHWIZ_MONITORING__HEALTH_PORT": "8181"]).loadDefault()
        #expect(config.monitoring.healthPort == 8181)
    }

    @Test func badOverridesAreReportedByVariable() {
        let loader = ConfigLoader(environment: [
            "GRAPHWIZ_RISK__MAX_DRAWDWN": "0.1",
            "GRAPHWIZ_MONITORING__HEALTH_PORT": "eighty",
            "GRAPHWIZ_TRADING__MODE__X": "1",
        ])
        #expect(throws: ConfigError(problems: [
            ConfigProblem(location: "environment GRAPHWIZ_TRADING__MODE__X",
                          message: "trading.mode.x cannot be overridden: a parent key is not a mapping"),
            ConfigProblem(location: "environment GRAPHWIZ_MONITORING__HEALTH_PORT",
                          message: "monitoring.health_port must be an integer, got 'eighty'"),
            ConfigProblem(location: "environment GRAPHWIZ_RISK__MAX_DRAWDWN",
                          message: "risk.max_drawdwn is not a known key; did you mean 'max_drawdown'? Allowed keys of risk: max_position_fraction, max_gross_exposure, max_open_positions, max_orders_per_second, max_orders_per_day, price_band, correlation_threshold, correlated_exposure_cap, correlation_window, daily_loss_limit, max_drawdown, flatten_on_halt, protective_exits, cooldown, pair_lock, promotion"),
        ])) {
            try loader.load(yaml: "trading:\n  mode: paper\n", source: "c.yaml")
        }
    }
}
