#!/usr/bin/env bash
# Local infrastructure for Tradewire, as plain processes (no Docker): one PostgreSQL 15 cluster and one
# RabbitMQ node (with the management plugin), both bound to 127.0.0.1 only, all state in one directory.
#
# Usage: scripts/infra.sh up | down | status | env
#   up      install rabbitmq-server / postgresql-15 via apt if missing, start both (idempotent), create the
#           per-service databases and users and the RabbitMQ user, write $STATE/env (mode 600)
#   down    stop both and our own epmd; afterwards no process of this instance remains (exit 0 if nothing ran)
#   status  one line per component; exit 0 if both run, 3 otherwise
#   env     print the path of the env file (never its contents)
#
# Environment (all optional):
#   TRADEWIRE_STATE_DIR        state directory (default <repo>/.tradewire, git-ignored)
#   TRADEWIRE_PG_PORT          55432     PostgreSQL
#   TRADEWIRE_AMQP_PORT        56720     RabbitMQ AMQP
#   TRADEWIRE_MGMT_PORT        56721     RabbitMQ management UI/API
#   TRADEWIRE_DIST_PORT        56722     Erlang distribution of the RabbitMQ node
#   TRADEWIRE_EPMD_PORT        56723     our own epmd (so `down` can stop it without touching the system one)
#   TRADEWIRE_RABBIT_NODENAME  tradewire@localhost
# Several instances can run at once if each has its own state directory, ports and node name.
#
# Secrets are generated on the first `up` into $STATE/secrets.env (mode 600) and reused afterwards; they are
# written only to that file and to $STATE/env, never to stdout/stderr or a command line.
set -euo pipefail
[[ -n "${INFRA_TRACE:-}" ]] && { PS4='+ $EPOCHREALTIME '; set -x; }

# The servers started below live on after this script, and would keep every descriptor it inherited: a lock
# held by the caller (`flock lockfile ./tradewire drill`, whose drill restarts PostgreSQL) would then stay held
# by PostgreSQL for as long as it runs. Close what we inherited above stderr (255 is bash's own script handle).
for fd in /proc/$$/fd/*; do
  fd="${fd##*/}"
  if (( fd > 2 && fd != 255 )); then eval "exec ${fd}>&-" 2>/dev/null || true; fi
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The one script that creates the per-service databases and roles, here and in the postgres image
# (docker-compose mounts its folder; k8s carries a checked copy). Its services=(...) line is the one list of them.
readonly DB_INIT="$ROOT/deploy/postgres/init/01-create-service-databases.sh"
read -ra SERVICES <<<"$(sed -n 's/^services=(\(.*\))$/\1/p' "$DB_INIT")"
readonly SERVICES
(( ${#SERVICES[@]} > 0 )) || { echo "infra: no services=(...) line in $DB_INIT" >&2; exit 1; }
STATE="${TRADEWIRE_STATE_DIR:-$ROOT/.tradewire}"
PG_PORT="${TRADEWIRE_PG_PORT:-55432}"
AMQP_PORT="${TRADEWIRE_AMQP_PORT:-56720}"
MGMT_PORT="${TRADEWIRE_MGMT_PORT:-56721}"
DIST_PORT="${TRADEWIRE_DIST_PORT:-56722}"
EPMD_PORT="${TRADEWIRE_EPMD_PORT:-56723}"
NODENAME="${TRADEWIRE_RABBIT_NODENAME:-tradewire@localhost}"

PG_BIN=/usr/lib/postgresql/15/bin
RABBIT_START_TIMEOUT=90
STOP_TIMEOUT=60

log() { echo "infra: $*" >&2; }
die() { echo "infra: ERROR: $*" >&2; exit 1; }
usage() { echo "usage: $(basename "$0") up|down|status|env|restart-rabbitmq|restart-postgres" >&2; }

# ---------------------------------------------------------------------------------------------- paths

make_state_absolute() {
    [[ "$STATE" == /* ]] || STATE="$PWD/$STATE"
    STATE="${STATE%/}"
    # The processes are recognised by the state path on their command line, so a state directory reached through
    # a symlink (a second checkout sharing the first one's infrastructure) must name the real directory.
    if [[ -d "$STATE" ]]; then STATE="$(cd "$STATE" && pwd -P)"; fi
}

set_paths() {
    PG_DATA="$STATE/pg"
    PG_SOCK="$STATE/pg-run"
    # A Unix socket path is limited to 107 bytes: fall back to a short directory for deep state paths.
    if (( ${#PG_SOCK} + 20 > 100 )); then
        PG_SOCK="/tmp/tradewire-pg-$(printf '%s' "$STATE" | md5sum | cut -c1-12)"
    fi
    RMQ="$STATE/rabbitmq"
    RMQ_PID_FILE="$RMQ/rabbitmq.pid"
    LOGS="$STATE/logs"
    PG_LOG="$LOGS/postgres.log"
    RMQ_START_LOG="$LOGS/rabbitmq-start.log"
    SECRETS="$STATE/secrets.env"
    ENV_FILE="$STATE/env"
    LOCK_FILE="$STATE/infra.lock"
    # Every process we start carries this variable; `down` uses it to find leftovers (beam children, epmd).
    MARKER="TRADEWIRE_INFRA_STATE=$STATE"
    PG_ENV=(env -i PATH="$PG_BIN:/usr/local/bin:/usr/bin:/bin" LANG=C.UTF-8 HOME=/var/lib/postgresql "$MARKER")
}

# --------------------------------------------------------------------------------------------- helpers

# True if process $1 exists and is not a zombie.
is_alive() {
    local stat
    [[ -n "${1:-}" ]] && read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
    stat=${stat##*) }
    [[ "${stat%% *}" != Z ]]
}

# True if something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True if process $1 carries our marker in its environment.
has_marker() {
    local -a vars
    local v
    mapfile -d '' -t vars 2>/dev/null <"/proc/$1/environ" || return 1
    for v in "${vars[@]}"; do [[ "$v" == "$MARKER" ]] && return 0; done
    return 1
}

# PIDs of every process of this instance: our marker in its environment, or the state dir / node name on
# its command line. Excludes this script and its ancestors.
our_pids() {
    local self=" $$ ${BASHPID:-} " p=$$ ppid
    while [[ "$p" -gt 1 ]] && ppid=$(awk '{print $4}' "/proc/$p/stat" 2>/dev/null); do
        self+="$ppid "; p=$ppid
    done
    local d pid cmd
    local -a args
    for d in /proc/[0-9]*; do
        pid=${d#/proc/}
        [[ "$self" == *" $pid "* ]] && continue
        mapfile -d '' -t args 2>/dev/null <"$d/cmdline" || continue
        (( ${#args[@]} == 0 )) && continue   # kernel threads, zombies
        cmd="${args[*]} "
        if has_marker "$pid"; then
            echo "$pid"
        elif [[ "$cmd" == *"$STATE/"* || "$cmd" == *"$STATE "* || "$cmd" == *"$NODENAME"* ]]; then
            # Only what we start: processes of the postgres/rabbitmq users and our runuser/setsid launchers.
            # Someone's `tail -f $STATE/logs/...` is left alone (and reported by cmd_down).
            local owner comm
            owner=$(stat -c %U "$d" 2>/dev/null) || continue
            read -r comm 2>/dev/null <"$d/comm" || continue
            if [[ "$owner" == postgres || "$owner" == rabbitmq || "$comm" == runuser || "$comm" == setsid ]]; then
                echo "$pid"
            elif [[ -n "${REPORT_OTHERS:-}" ]]; then
                log "note: pid $pid mentions this instance but is not ours, left alone: ${cmd:0:120}"
            fi
        fi
    done
}

# Waits up to $2 seconds for process $1 to exit.
wait_exit() {
    local pid=$1 deadline=$((SECONDS + $2))
    while is_alive "$pid"; do
        (( SECONDS >= deadline )) && return 1
        sleep 0.2
    done
}

ensure_root() {
    [[ $EUID -eq 0 ]] || die "must run as root (it starts PostgreSQL and RabbitMQ as their system users via runuser)"
}

# Each path component above the state directory must be traversable by the postgres/rabbitmq users.
ensure_traversable() {
    local d="$STATE" mode
    while [[ -n "$d" && "$d" != "/" ]]; do
        mode=$(stat -c %A "$d")
        case "${mode: -1}" in x|t) ;; *) chmod o+x "$d" ;; esac
        d=$(dirname "$d")
    done
}

install_prerequisites() {
    local pkgs=()
    [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || command -v rabbitmq-server >/dev/null 2>&1 || pkgs+=(rabbitmq-server)
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || pkgs+=(postgresql-15)
    # The dashboard's browser tests drive Debian's chromium: Playwright's own browser download needs the internet.
    [[ -x /usr/lib/chromium/chromium ]] || pkgs+=(chromium)
    if (( ${#pkgs[@]} > 0 )); then
        log "installing ${pkgs[*]} (apt)"
        # The packages' postinst may start system-wide services (5432, 5672, epmd 4369); they are not ours.
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >&2
    fi
    RMQ_BIN=/usr/lib/rabbitmq/bin
    if [[ ! -x "$RMQ_BIN/rabbitmq-server" ]]; then
        RMQ_BIN="$(dirname "$(readlink -f "$(command -v rabbitmq-server)")")"
    fi
    [[ -x "$RMQ_BIN/rabbitmqctl" ]] || die "rabbitmqctl not found next to rabbitmq-server ($RMQ_BIN)"
    [[ -x "$PG_BIN/pg_ctl" ]] || die "PostgreSQL 15 binaries not found in $PG_BIN"
}

find_rmq_bin() {
    RMQ_BIN=/usr/lib/rabbitmq/bin
    if [[ ! -x "$RMQ_BIN/rabbitmqctl" ]] && command -v rabbitmqctl >/dev/null 2>&1; then
        RMQ_BIN="$(dirname "$(readlink -f "$(command -v rabbitmqctl)")")"
    fi
}

# ---------------------------------------------------------------------------------------------- secrets

# 32 hex characters (no quoting issues in connection strings or env files).
random_secret() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

declare -A SECRET=()

load_or_create_secrets() {
    local key value changed=0
    if [[ -f "$SECRETS" ]]; then
        while IFS='=' read -r key value; do
            [[ -z "$key" || "$key" == \#* ]] && continue
            SECRET["$key"]="$value"
        done <"$SECRETS"
    fi
    local keys=(PG_SUPERUSER_PASSWORD PG_ADMIN_PASSWORD RABBIT_PASSWORD) s
    for s in "${SERVICES[@]}"; do keys+=("DB_${s^^}_PASSWORD"); done
    for key in "${keys[@]}"; do
        if [[ -z "${SECRET[$key]:-}" ]]; then
            SECRET["$key"]="$(random_secret)"
            changed=1
        fi
    done
    if (( changed )); then
        (
            umask 077
            {
                echo "# Generated by scripts/infra.sh on first up; reused afterwards. Keep private."
                for key in "${keys[@]}"; do echo "$key=${SECRET[$key]}"; done
            } >"$SECRETS.tmp"
            mv -f "$SECRETS.tmp" "$SECRETS"
        )
    fi
    chmod 600 "$SECRETS"
}

write_env_file() {
    local s
    (
        umask 077
        {
            echo "# Written by scripts/infra.sh up: the local infrastructure's addresses and secrets. Keep private."
            echo "TRADEWIRE_PG_HOST=127.0.0.1"
            echo "TRADEWIRE_PG_PORT=$PG_PORT"
            echo "TRADEWIRE_PG_ADMIN_USER=tradewire_admin"
            echo "TRADEWIRE_PG_ADMIN_PASSWORD=${SECRET[PG_ADMIN_PASSWORD]}"
            for s in "${SERVICES[@]}"; do
                echo "TRADEWIRE_DB_${s^^}_PASSWORD=${SECRET[DB_${s^^}_PASSWORD]}"
            done
            echo "TRADEWIRE_RABBIT_HOST=127.0.0.1"
            echo "TRADEWIRE_RABBIT_PORT=$AMQP_PORT"
            echo "TRADEWIRE_RABBIT_MGMT_PORT=$MGMT_PORT"
            echo "TRADEWIRE_RABBIT_USER=tradewire"
            echo "TRADEWIRE_RABBIT_PASSWORD=${SECRET[RABBIT_PASSWORD]}"
        } >"$ENV_FILE.tmp"
        mv -f "$ENV_FILE.tmp" "$ENV_FILE"
    )
    chmod 600 "$ENV_FILE"
}

# ------------------------------------------------------------------------------------------- postgres

pg_pid() {
    local pid
    [[ -f "$PG_DATA/postmaster.pid" ]] || return 1
    pid=$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null) || return 1
    is_alive "$pid" && [[ "$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" == *"$PG_DATA"* ]] && echo "$pid"
}

pg_start() {
    local pid
    mkdir -p "$PG_DATA" "$PG_SOCK"
    chown postgres: "$PG_DATA" "$PG_SOCK"
    chmod 700 "$PG_DATA"
    chmod 755 "$PG_SOCK"
    if [[ ! -s "$PG_DATA/PG_VERSION" ]]; then
        log "postgres: initdb $PG_DATA"
        local pwfile="$PG_DATA.pwfile"
        (umask 077; printf '%s\n' "${SECRET[PG_SUPERUSER_PASSWORD]}" >"$pwfile")
        chown postgres: "$pwfile"
        if ! runuser -u postgres -- "${PG_ENV[@]}" initdb -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
                --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
                >"$LOGS/initdb.log" 2>&1; then
            rm -f "$pwfile"
            tail -n 20 "$LOGS/initdb.log" >&2
            die "postgres: initdb failed (log: $LOGS/initdb.log)"
        fi
        rm -f "$pwfile"
        echo "include_if_exists = 'tradewire.conf'" >>"$PG_DATA/postgresql.conf"
    fi
    # Rewritten on every start, so changed ports apply.
    cat >"$PG_DATA/tradewire.conf" <<EOF
# Written by scripts/infra.sh on every start.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK'
max_connections = 500
EOF
    # Where the time goes (./tradewire bench reads it); only when this PostgreSQL build ships the module.
    if [[ -f "$PG_BIN/../lib/pg_stat_statements.so" ]]; then
        printf "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.max = 2000\n" >>"$PG_DATA/tradewire.conf"
    fi
    chown postgres: "$PG_DATA/tradewire.conf"
    touch "$PG_LOG"; chown postgres: "$PG_LOG"
    log "postgres: starting on 127.0.0.1:$PG_PORT"
    if ! runuser -u postgres -- "${PG_ENV[@]}" pg_ctl -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start \
            </dev/null >>"$LOGS/pg_ctl.log" 2>&1 9>&-; then
        tail -n 20 "$PG_LOG" >&2
        die "postgres: did not start (log: $PG_LOG)"
    fi
}

pg_wait_ready() {
    local deadline=$((SECONDS + 60))
    until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -d postgres -t 2; do
        (( SECONDS >= deadline )) && die "postgres: not ready after 60 s (log: $PG_LOG)"
        sleep 0.3
    done
}

# Superuser session over the Unix socket (local auth is trust; the socket directory is ours).
pg_psql() {
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U postgres -d postgres "$@"
}

pg_apply_roles() {
    # Passwords reach psql through the environment (\getenv), never the command line.
    TW_PW="${SECRET[PG_ADMIN_PASSWORD]}" pg_psql >/dev/null <<'SQL'
\getenv pw TW_PW
SELECT 'CREATE ROLE tradewire_admin' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tradewire_admin') \gexec
SELECT format('ALTER ROLE tradewire_admin WITH SUPERUSER LOGIN PASSWORD %L', :'pw') \gexec
-- Service users may connect only to their own database.
REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE template1 FROM PUBLIC;
SQL
    # The service databases and roles: the postgres image's init script, on this cluster's socket. Passwords go
    # through the environment (exported by the builtin, so on no command line).
    (
        local s
        for s in "${SERVICES[@]}"; do export "${s^^}_DB_PASSWORD=${SECRET[DB_${s^^}_PASSWORD]}"; done
        export PATH="$PG_BIN:$PATH" PGHOST="$PG_SOCK" PGPORT="$PG_PORT" POSTGRES_USER=postgres POSTGRES_DB=postgres
        bash "$DB_INIT" >/dev/null
    )
    log "postgres: admin role and ${#SERVICES[@]} service databases/users ready"
}

pg_stop() {
    local pid
    if pid=$(pg_pid); then
        log "postgres: stopping (pid $pid)"
        runuser -u postgres -- "${PG_ENV[@]}" pg_ctl -D "$PG_DATA" -m fast -w -t "$STOP_TIMEOUT" stop \
            </dev/null >>"$LOGS/pg_ctl.log" 2>&1 || true
        if ! wait_exit "$pid" 5; then
            log "postgres: still running, killing pid $pid"
            kill -9 "$pid" 2>/dev/null || true
            wait_exit "$pid" 10 || true
        fi
    fi
}

# ------------------------------------------------------------------------------------------- rabbitmq

rmq_env() {
    local home
    home=$(getent passwd rabbitmq | cut -d: -f6)
    RMQ_ENV=(env -i
        PATH="/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
        LANG=C.UTF-8 LC_ALL=C.UTF-8
        HOME="${home:-/var/lib/rabbitmq}"
        "$MARKER"
        RABBITMQ_NODENAME="$NODENAME"
        RABBITMQ_USE_LONGNAME=false
        RABBITMQ_MNESIA_BASE="$RMQ/mnesia"
        RABBITMQ_LOG_BASE="$RMQ/log"
        RABBITMQ_CONFIG_FILE="$RMQ/rabbitmq.conf"
        RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ/advanced.config"
        RABBITMQ_CONF_ENV_FILE="$RMQ/rabbitmq-env.conf"
        RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ/enabled_plugins"
        RABBITMQ_PID_FILE="$RMQ_PID_FILE"
        RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
        RABBITMQ_NODE_PORT="$AMQP_PORT"
        RABBITMQ_DIST_PORT="$DIST_PORT"
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
        RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
        ERL_EPMD_PORT="$EPMD_PORT"
        ERL_EPMD_ADDRESS=127.0.0.1
        ERL_CRASH_DUMP="$RMQ/erl_crash.dump"
    )
}

# rabbitmqctl against our node, as the rabbitmq user (its ~/.erlang.cookie), our epmd.
rmq_ctl() {
    runuser -u rabbitmq -- "${RMQ_ENV[@]}" "$RMQ_BIN/rabbitmqctl" -n "$NODENAME" "$@" 9>&-
}

# The beam pid, if our node's VM runs (pid file, verified by our marker in its environment).
rmq_pid() {
    local pid
    [[ -f "$RMQ_PID_FILE" ]] || return 1
    pid=$(tr -dc '0-9' <"$RMQ_PID_FILE")
    is_alive "$pid" && has_marker "$pid" && echo "$pid"
}

ensure_cookie() {
    local home cookie
    home=$(getent passwd rabbitmq | cut -d: -f6)
    home=${home:-/var/lib/rabbitmq}
    cookie="$home/.erlang.cookie"
    if [[ ! -s "$cookie" ]]; then
        mkdir -p "$home"; chown rabbitmq: "$home"
        (umask 077; tr -dc 'A-Z' </dev/urandom | head -c 20 >"$cookie")
        chown rabbitmq: "$cookie"; chmod 400 "$cookie"
    fi
}

rmq_start() {
    mkdir -p "$RMQ/mnesia" "$RMQ/log"
    cat >"$RMQ/rabbitmq.conf" <<EOF
# Written by scripts/infra.sh on every start.
listeners.tcp.default = 127.0.0.1:$AMQP_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $MGMT_PORT
log.file.level = info
log.console = false
EOF
    echo "[rabbitmq_management]." >"$RMQ/enabled_plugins"
    echo "# Intentionally empty: isolates this node from /etc/rabbitmq/rabbitmq-env.conf." >"$RMQ/rabbitmq-env.conf"
    chown -R rabbitmq: "$RMQ"
    chmod 750 "$RMQ"
    ensure_cookie
    rm -f "$RMQ_PID_FILE"
    log "rabbitmq: starting $NODENAME (amqp 127.0.0.1:$AMQP_PORT, management :$MGMT_PORT, epmd :$EPMD_PORT)"
    # In the background in its own session rather than with -detached, so that boot errors printed before
    # logging is set up (bad node name, unusable port...) land in $RMQ_START_LOG instead of /dev/null.
    # No descriptor of ours is inherited (a caller reading our stdout would otherwise never see EOF).
    echo "--- $(date -Is) starting $NODENAME" >>"$RMQ_START_LOG"
    cd "$RMQ"
    setsid runuser -u rabbitmq -- "${RMQ_ENV[@]}" "$RMQ_BIN/rabbitmq-server" \
        </dev/null >>"$RMQ_START_LOG" 2>&1 9>&- &
    RMQ_LAUNCHER=$!
    cd /
    RMQ_STARTED_AT=$SECONDS
}

rmq_fail() {
    log "rabbitmq: $1"
    { tail -n 15 "$RMQ/log/$NODENAME.log"; tail -n 15 "$RMQ_START_LOG"; } 2>/dev/null | grep -v '^\s*$' >&2 || true
    die "rabbitmq: did not start (logs: $RMQ/log, $RMQ_START_LOG)"
}

rmq_wait_ready() {
    local deadline=$((${RMQ_STARTED_AT:-$SECONDS} + RABBIT_START_TIMEOUT)) pid
    while :; do
        if [[ -n "${RMQ_LAUNCHER:-}" ]] && ! is_alive "$RMQ_LAUNCHER"; then
            rmq_fail "the node exited during boot"
        fi
        if [[ -f "$RMQ_PID_FILE" ]]; then
            pid=$(tr -dc '0-9' <"$RMQ_PID_FILE")
            is_alive "$pid" || rmq_fail "the VM (pid $pid) exited during boot"
        elif (( SECONDS - ${RMQ_STARTED_AT:-0} > 30 )); then
            rmq_fail "no pid file after 30 s"
        fi
        if rmq_ctl await_startup --timeout 60 >/dev/null 2>&1 && port_open "$AMQP_PORT" && port_open "$MGMT_PORT"; then
            break
        fi
        (( SECONDS >= deadline )) && rmq_fail "not ready after $RABBIT_START_TIMEOUT s"
        sleep 1
    done
}

rmq_apply_user() {
    local out
    # The password goes through stdin, never the command line.
    if rmq_ctl list_users --silent 2>/dev/null | awk '{print $1}' | grep -qx tradewire; then
        out=$(printf '%s\n' "${SECRET[RABBIT_PASSWORD]}" | rmq_ctl change_password tradewire 2>&1) \
            || { echo "$out" >&2; die "rabbitmq: change_password failed"; }
    else
        out=$(printf '%s\n' "${SECRET[RABBIT_PASSWORD]}" | rmq_ctl add_user tradewire 2>&1) \
            || { echo "$out" >&2; die "rabbitmq: add_user failed"; }
    fi
    rmq_ctl set_user_tags tradewire administrator >/dev/null 2>&1 || die "rabbitmq: set_user_tags failed"
    rmq_ctl set_permissions -p / tradewire '.*' '.*' '.*' >/dev/null 2>&1 || die "rabbitmq: set_permissions failed"
    log "rabbitmq: user tradewire (administrator, vhost /) ready"
}

rmq_stop() {
    local pid
    pid=$(rmq_pid) || return 0
    log "rabbitmq: stopping $NODENAME (pid $pid)"
    if timeout 30 runuser -u rabbitmq -- "${RMQ_ENV[@]}" "$RMQ_BIN/rabbitmqctl" -n "$NODENAME" stop \
            </dev/null >/dev/null 2>&1 9>&-; then
        wait_exit "$pid" "$STOP_TIMEOUT" || true
    else
        # The VM stops gracefully on SIGTERM as well.
        log "rabbitmq: rabbitmqctl stop failed, sending SIGTERM to pid $pid"
        kill -TERM "$pid" 2>/dev/null || true
        wait_exit "$pid" 30 || true
    fi
    if is_alive "$pid"; then
        log "rabbitmq: still running, killing pid $pid"
        kill -9 "$pid" 2>/dev/null || true
        wait_exit "$pid" 10 || true
    fi
    rm -f "$RMQ_PID_FILE"
}

epmd_stop() {
    if port_open "$EPMD_PORT"; then
        env -i PATH=/usr/bin:/bin ERL_EPMD_PORT="$EPMD_PORT" epmd -port "$EPMD_PORT" -kill >/dev/null 2>&1 || true
    fi
}

# ---------------------------------------------------------------------------------------------- commands

prepare_state() {
    mkdir -p "$STATE" "$LOGS"
    chmod 711 "$STATE"
    ensure_traversable
}

cmd_up() {
    local t0=$SECONDS
    ensure_root
    install_prerequisites
    prepare_state
    exec 9>"$LOCK_FILE"
    flock -w 300 9 || die "another infra.sh holds $LOCK_FILE"
    load_or_create_secrets
    rmq_env

    # RabbitMQ boots slowly: start it first, set PostgreSQL up meanwhile, then wait for RabbitMQ.
    local rpid ppid p
    # Refuse early (before starting anything) if a port we need is taken by someone else.
    if ! pg_pid >/dev/null; then
        port_open "$PG_PORT" && die "postgres: port $PG_PORT is already in use by another process (set TRADEWIRE_PG_PORT)"
    fi
    if ! rmq_pid >/dev/null; then
        for p in "$AMQP_PORT" "$MGMT_PORT" "$DIST_PORT"; do
            port_open "$p" && die "rabbitmq: port $p is already in use by another process (see TRADEWIRE_*_PORT)"
        done
    fi
    if rpid=$(rmq_pid); then
        log "rabbitmq: already running (pid $rpid)"
    else
        rmq_start
    fi
    if ppid=$(pg_pid); then
        log "postgres: already running (pid $ppid)"
    else
        pg_start
    fi
    pg_wait_ready
    pg_apply_roles
    rmq_wait_ready
    rmq_apply_user
    write_env_file
    log "up in $((SECONDS - t0)) s: postgres 127.0.0.1:$PG_PORT (pid $(pg_pid)), rabbitmq 127.0.0.1:$AMQP_PORT management http://127.0.0.1:$MGMT_PORT/ (pid $(rmq_pid)); env: $ENV_FILE"
}

cmd_down() {
    local t0=$SECONDS
    if [[ ! -d "$STATE" ]]; then
        log "nothing to stop ($STATE does not exist)"
        return 0
    fi
    ensure_root
    find_rmq_bin
    mkdir -p "$LOGS"
    rmq_env
    exec 9>"$LOCK_FILE"
    flock -w 300 9 || die "another infra.sh holds $LOCK_FILE"
    # Both in parallel (RabbitMQ takes the longest), then our epmd once no node is registered with it.
    rmq_stop &
    local rmq_job=$!
    pg_stop
    wait "$rmq_job" || true
    epmd_stop
    # Anything left of this instance (beam helpers, epmd, a stray postmaster child) goes too.
    local pids deadline=$((SECONDS + 10))
    pids=$(our_pids)
    if [[ -n "$pids" ]]; then
        # shellcheck disable=SC2086
        kill -TERM $pids 2>/dev/null || true
        while [[ -n "$(our_pids)" ]] && (( SECONDS < deadline )); do sleep 0.2; done
        pids=$(our_pids)
        if [[ -n "$pids" ]]; then
            log "killing leftover processes: $(echo $pids)"
            # shellcheck disable=SC2086
            kill -9 $pids 2>/dev/null || true
            sleep 0.5
        fi
    fi
    pids=$(REPORT_OTHERS=1 our_pids)
    [[ -z "$pids" ]] || die "processes of this instance survived: $(echo $pids)"
    rm -f "$RMQ_PID_FILE"
    log "down in $((SECONDS - t0)) s"
}

cmd_status() {
    local rc=0 pid
    if [[ -d "$STATE" ]] && pid=$(pg_pid) && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2 2>/dev/null; then
        echo "postgres  running  pid $pid  port $PG_PORT"
    else
        echo "postgres  stopped  port $PG_PORT"; rc=3
    fi
    if [[ -d "$STATE" ]] && pid=$(rmq_pid) && port_open "$AMQP_PORT" && port_open "$MGMT_PORT"; then
        echo "rabbitmq  running  pid $pid  port $AMQP_PORT  management $MGMT_PORT  node $NODENAME"
    else
        echo "rabbitmq  stopped  port $AMQP_PORT  management $MGMT_PORT  node $NODENAME"; rc=3
    fi
    return $rc
}

# Fault drills: restart one component while the services run (their connections drop and must recover).
cmd_restart_rabbitmq() {
    ensure_root
    find_rmq_bin
    load_or_create_secrets
    rmq_env
    rmq_pid >/dev/null || die "rabbitmq: not running"
    rmq_ctl stop_app >/dev/null
    rmq_ctl start_app >/dev/null
    RMQ_STARTED_AT=$SECONDS rmq_wait_ready
    log "rabbitmq: application restarted"
}

cmd_restart_postgres() {
    ensure_root
    pg_pid >/dev/null || die "postgres: not running"
    pg_stop
    pg_start
    pg_wait_ready
    log "postgres: restarted (pid $(pg_pid))"
}

main() {
    [[ $# -eq 1 ]] || { usage; exit 2; }
    make_state_absolute
    set_paths
    cd /
    case "$1" in
        up) cmd_up ;;
        down) cmd_down ;;
        status) cmd_status || exit $? ;;
        env) echo "$ENV_FILE" ;;
        restart-rabbitmq) cmd_restart_rabbitmq ;;
        restart-postgres) cmd_restart_postgres ;;
        -h|--help|help) usage; exit 0 ;;
        *) usage; exit 2 ;;
    esac
}

main "$@"
