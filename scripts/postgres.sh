#!/usr/bin/env bash
# Start, stop or query a throwaway PostgreSQL cluster for the store's contract tests (PersistenceTests).
# Uses Debian's `postgresql` package (CI installs it); installs nothing itself.
#
#   scripts/postgres.sh start    # initdb a cluster in a temp dir, serve it on 127.0.0.1, print the env line
#   scripts/postgres.sh stop     # stop the server started by `start` and delete its cluster
#   scripts/postgres.sh status   # exit 0 when running and accepting connections
#
# `start` prints one line, GRAPHWIZ_POSTGRES_URL=postgres://graphwiz:PASSWORD@127.0.0.1:PORT/graphwiz?sslmode=disable
# (CI: eval "$(scripts/postgres.sh start | sed "s/^/export /")").
#
# When run as root the server runs as an unprivileged user (POSTGRES_RUN_AS, default `postgres`) through
# runuser, because PostgreSQL refuses to run as root.
#
# Environment (all optional):
#   POSTGRES_HOST          address to listen on and connect to (default 127.0.0.1)
#   POSTGRES_PORT          port (default: a free port chosen at start)
#   POSTGRES_PASSWORD      password of the `graphwiz` superuser (default graphwiz-test)
#   POSTGRES_DIR           state directory: cluster, socket, log, port file (default ${TMPDIR:-/tmp}/graphwiz-postgres)
#   POSTGRES_BIN           directory of initdb/pg_ctl/postgres (default: newest /usr/lib/postgresql/*/bin)
#   POSTGRES_RUN_AS        user to run the server as when root (default postgres)
#   POSTGRES_WAIT_SECONDS  bounded wait for the server (default 30)
set -euo pipefail

host="${POSTGRES_HOST:-127.0.0.1}"
password="${POSTGRES_PASSWORD:-graphwiz-test}"
state_dir="${POSTGRES_DIR:-${TMPDIR:-/tmp}/graphwiz-postgres}"
run_as="${POSTGRES_RUN_AS:-postgres}"
wait_seconds="${POSTGRES_WAIT_SECONDS:-30}"
data_dir="${state_dir}/data"
socket_dir="${state_dir}/socket"
log_file="${state_dir}/postgres.log"
port_file="${state_dir}/port"

die() {
    echo "postgres.sh: $*" >&2
    exit 1
}

find_bin() {
    if [[ -n "${POSTGRES_BIN:-}" ]]; then
        echo "${POSTGRES_BIN}"
        return 0
    fi
    local newest
    newest="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "${newest}" && -x "${newest}/initdb" ]] \
        || die "PostgreSQL server binaries not found under /usr/lib/postgresql; run: apt-get install -y postgresql"
    echo "${newest}"
}

# Runs a command as the server's user (root: via runuser; otherwise as ourselves).
as_server_user() {
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u "${run_as}" -- "$@"
    else
        "$@"
    fi
}

# Succeeds when a TCP connection to host:port can be opened (bash /dev/tcp, no extra tools).
port_open() {
    (exec 3<>"/dev/tcp/${host}/$1") 2>/dev/null
}

free_port() {
    python3 -c 'import socket,sys; s=socket.socket(); s.bind((sys.argv[1], 0)); print(s.getsockname()[1]); s.close()' "${host}"
}

print_env() {
    echo "GRAPHWIZ_POSTGRES_URL=postgres://graphwiz:${password}@${host}:$1/graphwiz?sslmode=disable"
}

running_port() {
    [[ -f "${port_file}" && -f "${data_dir}/postmaster.pid" ]] || return 1
    local pid
    pid="$(head -n 1 "${data_dir}/postmaster.pid")"
    [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null || return 1
    cat "${port_file}"
}

start() {
    local port bin
    if port="$(running_port)"; then
        port_open "${port}" || die "a server from ${state_dir} is alive but ${host}:${port} is closed (another network namespace?); run stop or set POSTGRES_DIR"
        print_env "${port}"
        return 0
    fi
    bin="$(find_bin)"
    port="${POSTGRES_PORT:-$(free_port)}"
    port_open "${port}" && die "port ${host}:${port} is already in use; set POSTGRES_PORT to a free port"
    if [[ "$(id -u)" == "0" ]]; then
        id -u "${run_as}" >/dev/null 2>&1 || die "user ${run_as} does not exist; set POSTGRES_RUN_AS to an unprivileged user"
    fi
    rm -rf "${state_dir}"
    mkdir -p "${state_dir}" "${socket_dir}"
    local pwfile="${state_dir}/pwfile"
    printf '%s\n' "${password}" > "${pwfile}"
    if [[ "$(id -u)" == "0" ]]; then
        chown -R "${run_as}" "${state_dir}"
    fi
    chmod 700 "${state_dir}"
    as_server_user "${bin}/initdb" -D "${data_dir}" -U graphwiz --pwfile="${pwfile}" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"${state_dir}/initdb.log" 2>&1 \
        || die "initdb failed; see ${state_dir}/initdb.log"
    rm -f "${pwfile}"
    echo "${port}" > "${port_file}"
    as_server_user "${bin}/pg_ctl" -D "${data_dir}" -l "${log_file}" -w -t "${wait_seconds}" \
        -o "-c listen_addresses=${host} -p ${port} -k ${socket_dir} -c fsync=off -c max_connections=100" \
        start >/dev/null || die "the server did not start within ${wait_seconds}s; see ${log_file}"
    as_server_user "${bin}/psql" -h "${socket_dir}" -p "${port}" -U graphwiz -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE DATABASE graphwiz" >/dev/null || die "CREATE DATABASE graphwiz failed; see ${log_file}"
    print_env "${port}"
}

stop() {
    local bin
    if ! running_port >/dev/null; then
        rm -rf "${state_dir}"
        echo "postgres.sh: not running"
        return 0
    fi
    bin="$(find_bin)"
    as_server_user "${bin}/pg_ctl" -D "${data_dir}" -m fast -w -t 10 stop >/dev/null \
        || kill -9 "$(head -n 1 "${data_dir}/postmaster.pid")" 2>/dev/null || true
    rm -rf "${state_dir}"
    echo "postgres.sh: stopped"
}

status() {
    local port
    if port="$(running_port)" && port_open "${port}"; then
        echo "postgres.sh: running, listening on ${host}:${port}"
        print_env "${port}"
        return 0
    fi
    echo "postgres.sh: not running"
    return 1
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) die "usage: $0 start|stop|status" ;;
esac
