#!/usr/bin/env bash
# BusFlow's single test command (and CI's, via .ci/run).
#
#   ./test.sh [extra dotnet test args...]     e.g. ./test.sh --filter 'FullyQualifiedName~Storage'
#
# Works on a fresh Debian 12 machine as root: installs what the tests need with
# apt-get (PostgreSQL, python3-aiosmtpd, Chromium + ChromeDriver, npm when missing),
# axe-core with `npm ci` (tests/BusFlow.Host.Tests/Browser/axe) and the JSON editor's
# packages (src/BusFlow.Web/Assets/editor), starts a
# throwaway PostgreSQL cluster on a free 127.0.0.1 port, runs
# `dotnet test BusFlow.sln -c Release`, tears the cluster down again and prints
# a closing line "N passed, N failed[, N skipped]" computed from the TRX results.
# Exits with dotnet test's exit code, or 1 if no test ran at all.
#
# Exported for the tests:
#   BUSFLOW_TEST_POSTGRES      Npgsql connection string of the throwaway cluster
#                              (superuser "postgres", trust auth; tests create their own databases)
#   BUSFLOW_TEST_CHROMIUM      /usr/bin/chromium
#   BUSFLOW_TEST_CHROMEDRIVER  /usr/bin/chromedriver
#   BUSFLOW_TEST_PYTHON        a python3 that can `import aiosmtpd`
#   BUSFLOW_TEST_AXE           axe-core's axe.min.js, for the browser tests' accessibility check
#   BUSFLOW_TEST_PG_BIN        PostgreSQL's server binaries (initdb, pg_ctl), for the fault tests' clusters of their own
#
# Options (environment):
#   BUSFLOW_TEST_DRY=1   only install, start the cluster, run `select version()` (and
#                        `show max_connections`) through psql and stop again: checks the
#                        environment without building anything.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

log() { printf 'test.sh: %s\n' "$*" >&2; }
die() { printf 'test.sh: ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [[ $(id -u) -eq 0 ]]; }

# ---------------------------------------------------------------------------
# Dependencies
# ---------------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET SDK) is not on PATH"

pkg_installed() {
    # shellcheck disable=SC2016 # ${Status} is dpkg-query's field, not a shell variable
    [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true) == "install ok installed" ]]
}

missing=()
for pkg in postgresql python3-aiosmtpd chromium chromium-driver fonts-dejavu-core; do
    pkg_installed "$pkg" || missing+=("$pkg")
done
# npm may come from elsewhere than Debian (e.g. a Node.js install of its own): Debian's only when there is none.
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
    log "installing missing packages: ${missing[*]}"
    is_root || die "packages missing (${missing[*]}) and not root: install them with apt-get first"
    command -v apt-get >/dev/null 2>&1 || die "packages missing (${missing[*]}) and no apt-get on this machine"
    export DEBIAN_FRONTEND=noninteractive
    # apt's own chatter goes to a log; shown only if it fails.
    apt_log=$(mktemp)
    if ! { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1; then
        cat "$apt_log" >&2
        rm -f "$apt_log"
        die "apt-get could not install: ${missing[*]}"
    fi
    rm -f "$apt_log"
fi

# PostgreSQL's server binaries are not on PATH on Debian: take the newest version installed.
pg_bin=""
for dir in /usr/lib/postgresql/*/bin; do
    [[ -x $dir/initdb && -x $dir/pg_ctl ]] || continue
    if [[ -z $pg_bin ]] || [[ $(basename "$(dirname "$dir")") -gt $(basename "$(dirname "$pg_bin")") ]]; then
        pg_bin=$dir
    fi
done
[[ -n $pg_bin ]] || die "no PostgreSQL server found under /usr/lib/postgresql/*/bin (package postgresql)"

# /root/.pyenv's python3 may come first on PATH and lack Debian's aiosmtpd: prefer /usr/bin/python3.
python=""
for candidate in /usr/bin/python3 "$(command -v python3 || true)"; do
    if [[ -n $candidate && -x $candidate ]] && "$candidate" -c 'import aiosmtpd' >/dev/null 2>&1; then
        python=$candidate
        break
    fi
done
[[ -n $python ]] || die "no python3 that can 'import aiosmtpd' (package python3-aiosmtpd)"

[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium missing (package chromium)"
[[ -x /usr/bin/chromedriver ]] || die "/usr/bin/chromedriver missing (package chromium-driver)"

# npm packages pinned by a package-lock.json: installed again only when node_modules is missing or
# older than the lock file (npm ci writes node_modules/.package-lock.json last).
npm_ci_when_stale() {
    local dir=$1 what=$2
    if [[ ! -f $dir/node_modules/.package-lock.json || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
        log "installing $what (npm ci in $dir)"
        npm_log=$(mktemp)
        if ! npm ci --prefix "$dir" --no-audit --no-fund >"$npm_log" 2>&1; then
            cat "$npm_log" >&2
            rm -f "$npm_log"
            die "npm ci could not install $what in $dir"
        fi
        rm -f "$npm_log"
    fi
}

# axe-core, for the browser tests' accessibility check.
axe_dir=tests/BusFlow.Host.Tests/Browser/axe
npm_ci_when_stale "$axe_dir" axe-core
# The draft page's JSON editor: BusFlow.Web's build would run npm ci itself, but the solution builds that
# project in more than one configuration at once, and two npm ci in one folder at once trip over each other.
npm_ci_when_stale src/BusFlow.Web/Assets/editor "the JSON editor's packages"
axe=$PWD/$axe_dir/node_modules/axe-core/axe.min.js
[[ -f $axe ]] || die "$axe missing after npm ci"

# ---------------------------------------------------------------------------
# Throwaway PostgreSQL cluster
# ---------------------------------------------------------------------------
tmp=$(mktemp -d -t busflow-test.XXXXXX)
pg_data=$tmp/data
pg_log=$tmp/postgres.log

# initdb refuses to run as root: as root, run the cluster as the postgres system user.
# The subshell cds into the temp dir so the server never sits in a directory
# (such as /root/...) that the postgres user cannot enter.
as_pg() {
    if is_root; then
        (cd "$tmp" && runuser -u postgres -- "$@")
    else
        (cd "$tmp" && "$@")
    fi
}

cleanup() {
    local rc=$?
    # postmaster.pid exists from the server's start until it stops, even if pg_ctl gave up waiting.
    if [[ -f $pg_data/postmaster.pid ]]; then
        as_pg "$pg_bin/pg_ctl" stop -D "$pg_data" -m immediate -w >/dev/null 2>&1 \
            || log "warning: could not stop PostgreSQL (data dir $pg_data)"
    fi
    rm -rf "$tmp"
    exit "$rc"
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap runs.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

if is_root; then
    id postgres >/dev/null 2>&1 || die "no 'postgres' system user (package postgresql creates it)"
    chown postgres: "$tmp"
fi

# C.UTF-8 is built into Debian 12's glibc; fall back to --no-locale elsewhere.
if locale -a 2>/dev/null | grep -qixE 'c\.utf-?8'; then
    locale_args=(--encoding=UTF8 --locale=C.UTF-8)
else
    locale_args=(--encoding=UTF8 --no-locale)
fi
if ! as_pg "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres "${locale_args[@]}" >"$tmp/initdb.log" 2>&1; then
    cat "$tmp/initdb.log" >&2
    die "initdb failed"
fi

mkdir -p "$tmp/socket"
is_root && chown postgres: "$tmp/socket"
cat >>"$pg_data/postgresql.conf" <<EOF

# Added by test.sh: a throwaway cluster on loopback only.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$tmp/socket'
max_connections = 300
EOF

free_port() {
    "$python" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# The port is free when picked but could be taken before the server binds it:
# on that failure only, retry on another port.
for attempt in 1 2 3; do
    pg_port=$(free_port)
    if as_pg "$pg_bin/pg_ctl" start -D "$pg_data" -l "$pg_log" -w -t 60 -o "-p $pg_port" >/dev/null 2>&1; then
        break
    fi
    if ((attempt == 3)) || ! grep -q 'Address already in use' "$pg_log" 2>/dev/null; then
        cat "$pg_log" >&2 || true
        die "PostgreSQL did not start (log above)"
    fi
    log "port $pg_port was taken meanwhile, retrying on another port"
done
log "PostgreSQL $(basename "$(dirname "$pg_bin")") running on 127.0.0.1:$pg_port (data in $pg_data)"

export BUSFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Include Error Detail=true"
export BUSFLOW_TEST_CHROMIUM=/usr/bin/chromium
export BUSFLOW_TEST_CHROMEDRIVER=/usr/bin/chromedriver
export BUSFLOW_TEST_PYTHON=$python
export BUSFLOW_TEST_AXE=$axe
export BUSFLOW_TEST_PG_BIN=$pg_bin

if [[ ${BUSFLOW_TEST_DRY:-} == 1 ]]; then
    psql=$pg_bin/psql
    [[ -x $psql ]] || psql=psql
    "$psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -X -A -t -c 'select version()' -c 'show max_connections'
    log "dry run: environment OK (python: $python)"
    exit 0
fi

# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results=$tmp/results
rc=0
dotnet test BusFlow.sln -c Release \
    --logger "console;verbosity=normal" \
    --logger "trx;LogFilePrefix=busflow" \
    --results-directory "$results" \
    "$@" || rc=$?

# Sum the TRX counters of every test project. Errors, timeouts and aborts count as
# failures. The TRX logger leaves skipped tests out of "executed" but does not always
# count them in "notExecuted", so skipped is the larger of the two readings.
# (Concurrent test projects never overwrite each other's file: the logger bumps the
# timestamp in the name until it is unused.)
counts=$("$python" - "$results" <<'EOF'
import pathlib, sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for trx in pathlib.Path(sys.argv[1]).glob("**/*.trx"):
    for el in ET.parse(trx).iter():
        if el.tag.rsplit("}", 1)[-1] != "Counters":
            continue
        count = {k: int(v) for k, v in el.attrib.items() if v.isdigit()}
        passed += count.get("passed", 0)
        failed += sum(count.get(k, 0) for k in ("failed", "error", "timeout", "aborted"))
        skipped += max(count.get("notExecuted", 0), count.get("total", 0) - count.get("executed", 0))
print(passed, failed, skipped)
EOF
) || { log "warning: could not read the TRX results"; counts="0 0 0"; }
read -r passed failed skipped <<<"$counts"

# CI keeps only the end of the output: name every failed test there, with the start of its message.
if ((failed > 0)); then
    echo
    echo "Failed tests:"
    "$python" - "$results" <<'EOF' || log "warning: could not list the failed tests"
import pathlib, sys
import xml.etree.ElementTree as ET

for trx in sorted(pathlib.Path(sys.argv[1]).glob("**/*.trx")):
    for el in ET.parse(trx).iter():
        if el.tag.rsplit("}", 1)[-1] != "UnitTestResult" or el.get("outcome") in ("Passed", "NotExecuted"):
            continue
        message = next((m.text or "" for m in el.iter() if m.tag.rsplit("}", 1)[-1] == "Message"), "")
        print(f"  {el.get('outcome')}: {el.get('testName')}")
        for line in message.strip().splitlines()[:12]:
            print(f"      {line}")
EOF
fi

echo
if ((skipped)); then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi

if ((rc != 0)); then
    log "dotnet test failed (exit code $rc)"
elif ((passed + failed == 0)); then
    die "no test ran (dotnet test exited 0 but the TRX results count no executed test)"
elif ((failed > 0)); then
    rc=1
fi
exit "$rc"
