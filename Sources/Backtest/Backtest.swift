// Module Backtest. See README and ../shared/ARCHITECTURE.md.
