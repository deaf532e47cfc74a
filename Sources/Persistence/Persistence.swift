// Module Persistence. See README and ../shared/ARCHITECTURE.md.
