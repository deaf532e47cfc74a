// Module Strategies. See README and ../shared/ARCHITECTURE.md.
