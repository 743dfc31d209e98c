#!/usr/bin/env bash
# Cold start and idle heap of the mail server (issue "Benchmarks": cold start <= 10 s, idle heap <= 256 MB).
#   bench/cold-start.sh [runs]          embedded PostgreSQL (the default set-up), fresh data directory per run
#   DB=external bench/cold-start.sh     PostgreSQL on 127.0.0.1:5432 (trust auth), a fresh database per run
#   GOVMAIL_JAVA_OPTS='...' bench/cold-start.sh   other JVM options (default: the launcher's)
#   COLD_START_PORT_BASE=22 bench/cold-start.sh   ports 22025, 22143, ... instead of 21xxx (two runs side by side)
#   FIRST_START=0 bench/cold-start.sh   measure the second start of the same data directory (the usual restart)
# Starts the server through the launcher (`./govmail mail-server`, which execs the JVM, so its pid is the JVM's),
# then polls SMTP and IMAP with a TCP connect every 50 ms, and waits for the "is running" banner. When running, it
# waits 10 s, forces a full GC and reads the heap (jcmd GC.heap_info) and the process's RSS.
# Prints one line per run: smtp, imap and ready in seconds since exec, the JVM's CPU seconds until ready (the figure
# other load on the machine changes least), heap used/committed after GC, RSS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
JDK="$("$ROOT/govmail" jdk)"
SMTP_PORT=${COLD_START_PORT_BASE:-21}025 IMAP_PORT=${COLD_START_PORT_BASE:-21}143

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

one_run() {
  local work="$1" log="$1/server.log"
  export GOVMAIL_DATA="$work/data" GOVMAIL_BIND=127.0.0.1 GOVMAIL_DEMO=false GOVMAIL_DEV_PORTS=false \
    GOVMAIL_SMTP_PORT=$SMTP_PORT GOVMAIL_SUBMISSION_PORT=${COLD_START_PORT_BASE:-21}587 GOVMAIL_SMTPS_PORT=${COLD_START_PORT_BASE:-21}465 GOVMAIL_IMAP_PORT=$IMAP_PORT \
    GOVMAIL_IMAPS_PORT=${COLD_START_PORT_BASE:-21}993 GOVMAIL_MANAGESIEVE_PORT=${COLD_START_PORT_BASE:-21}190 GOVMAIL_ADMIN_PORT=${COLD_START_PORT_BASE:-21}080 GOVMAIL_ADMIN_TOKEN=cold-start-token
  local start smtp="" imap="" ready="" ready_cpu=""
  start="$(now)"
  "$ROOT/govmail" mail-server > "$log" 2>&1 &
  local pid=$!
  while [ -z "$ready" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "cold-start: the server stopped, see $log" >&2; tail -20 "$log" >&2; return 1; }
    [ -z "$smtp" ] && port_open $SMTP_PORT && smtp="$(since "$start" "$(now)")"
    [ -z "$imap" ] && port_open $IMAP_PORT && imap="$(since "$start" "$(now)")"
    if grep -q "govmail mail server is running" "$log"; then
      ready="$(since "$start" "$(now)")"
      ready_cpu="$(awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$pid/stat")"
    fi
    [ "$(since "$start" "$(now)" | cut -d. -f1)" -lt 1200 ] || { echo "cold-start: not running after 1200 s" >&2; kill "$pid"; return 1; }
    sleep 0.05
  done
  # The first start after a build writes the class data sharing archive once running (ClassDataSharingArchive):
  # let it finish, so that the next start can use it.
  if tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q RecordDynamicDumpInfo; then
    for _ in $(seq 1 600); do grep -q "Class data sharing archive" "$log" && break; sleep 1; done
  fi
  sleep 10
  "$JDK/bin/jcmd" "$pid" GC.run > /dev/null
  local heap used committed rss cpu
  heap="$("$JDK/bin/jcmd" "$pid" GC.heap_info)"
  # G1: " garbage-first heap   total reserved 1048576K, committed 262144K, used 61234K"
  committed="$(echo "$heap" | grep -o 'committed [0-9]*K' | head -1 | tr -dc 0-9)"
  used="$(echo "$heap" | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)"
  rss="$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")"
  cpu="$(awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$pid/stat")"
  echo "smtp ${smtp}s  imap ${imap}s  ready ${ready}s  heap used $((used / 1024)) MB / committed $((committed / 1024)) MB after GC  RSS $((rss / 1024)) MB  JVM CPU until ready ${ready_cpu}s, at ready+10s ${cpu}s"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

WORK="$(mktemp -d /tmp/govmail-cold-start.XXXXXX)"
[ "${KEEP:-0}" = 1 ] && echo "cold-start: logs kept in $WORK" >&2 || trap 'rm -rf "$WORK"' EXIT
echo "cold-start: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "$ROOT")$(git -C "$ROOT" diff --quiet 2>/dev/null || echo "+changes"), DB ${DB:-embedded}, JVM options ${GOVMAIL_JAVA_OPTS:-(launcher default)}, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for run in $(seq 1 "$RUNS"); do
  dir="$WORK/run$run"; mkdir -p "$dir"
  if [ "${DB:-embedded}" = external ]; then
    db="govmail_cold_start_$$_$run"
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" postgres
    export GOVMAIL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" GOVMAIL_DB_USER=postgres GOVMAIL_DB_PASSWORD=""
  fi
  if [ "${FIRST_START:-1}" = 0 ]; then one_run "$dir" > /dev/null; fi
  echo "run $run: $(one_run "$dir")"
  [ "${DB:-embedded}" = external ] && psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db" postgres
done
