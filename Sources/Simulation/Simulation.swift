// Module Simulation. See README and ../shared/ARCHITECTURE.md.
