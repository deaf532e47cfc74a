/// The embedded default configuration: the text of `config/default.yaml`, compiled into the binary so
/// `graphwiz` works without any file (a test keeps the two identical).
public enum DefaultConfiguration {
    /// The YAML text.
    public static let yaml = """
# graphwiz-trader embedded default configuration.
# Safe on a fresh machine: simulation mode, a local SQLite store, no exchange keys, no LLM, no graph.
# Every key is optional; see config/production.yaml for every key with its documentation.
logging:
  level: info
  format: text
database:
  url: data/graphwiz.sqlite
neo4j:
  enabled: false
trading:
  mode: simulation
  symbols: [BTC/USDT]
  timeframe: 1h
  strategies:
    - name: sma_cross
      params: {fast: 10, slow: 30}
      sizing: fraction:0.1
  initial_cash: 10000
ai:
  provider: none
monitoring:
  health_port: 8080
  metrics_port: 9090
risk:
  max_position_fraction: 0.1
  daily_loss_limit: 0.05
  max_drawdown: 0.15

"""
}
