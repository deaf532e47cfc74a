// Module TradingCore. See README and ../shared/ARCHITECTURE.md.
