// Module Indicators. See README and ../shared/ARCHITECTURE.md.
