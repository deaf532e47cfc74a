# syntax=docker/dockerfile:1
# graphwiz-trader: multi-stage build. Stage 1 compiles a release binary with the Swift toolchain;
# stage 2 is a slim Debian runtime with only the binary, its resource bundles, CA certificates and curl
# (for the health check), running as an unprivileged user.
#   docker build -t graphwiz-trader .
#   docker run --rm -p 8080:8080 -p 9090:9090 graphwiz-trader

ARG SWIFT_VERSION=6.2

# ---- builder -------------------------------------------------------------------------------------------
FROM swift:${SWIFT_VERSION}-bookworm AS builder
WORKDIR /build

# Resolve dependencies first so this layer is cached while only sources change.
COPY Package.swift ./
RUN swift package resolve

# Tests/ is copied because Package.swift declares the test targets (only the graphwiz product is built).
COPY Sources ./Sources
COPY Tests ./Tests
COPY config ./config
RUN swift build -c release --product graphwiz --static-swift-stdlib \
    && mkdir -p /staging/bin \
    && bin="$(swift build -c release --show-bin-path)" \
    && cp "$bin/graphwiz" /staging/bin/ \
    && find "$bin" -maxdepth 1 -name '*.resources' -exec cp -R {} /staging/bin/ \; \
    && cp -R config /staging/config

# ---- runtime -------------------------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime

# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl tzdata libstdc++6 \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 graphwiz \
    && useradd --system --uid 10001 --gid graphwiz --home-dir /app --shell /usr/sbin/nologin graphwiz \
    && mkdir -p /app/data /app/logs \
    && chown -R graphwiz:graphwiz /app/data /app/logs

WORKDIR /app
COPY --from=builder --chown=root:root /staging/bin/ /app/bin/
COPY --from=builder --chown=root:root /staging/config/ /app/config/

ENV GRAPHWIZ_CONFIG=/app/config/production.yaml \
    DATABASE_URL=/app/data/graphwiz.sqlite

USER 10001:10001
EXPOSE 8080 9090
VOLUME ["/app/data"]
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["curl", "-fsS", "--max-time", "4", "http://127.0.0.1:8080/health"]

ENTRYPOINT ["/app/bin/graphwiz"]
CMD ["serve", "--config", "/app/config/production.yaml"]

LABEL org.opencontainers.image.title="graphwiz-trader" \
      org.opencontainers.image.description="Algorithmic crypto trading service (Swift)" \
      org.opencontainers.image.licenses="MIT"
