// Module MarketData. See README and ../shared/ARCHITECTURE.md.
