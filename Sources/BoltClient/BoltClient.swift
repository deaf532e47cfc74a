// Module BoltClient. See README and ../shared/ARCHITECTURE.md.
