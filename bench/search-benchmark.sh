#!/usr/bin/env bash
# Benchmark: IMAP SEARCH BODY on one N-message mailbox (default 10,000: SpamAssassin ham + generated Vietnamese
# mail), with the Lucene index and then, on the same data directory in the same run, with James's scanning search
# (search.index=scanning). Prints p50/p99 per query for both and the scanning/Lucene ratio.
# usage: bench/search-benchmark.sh [N] [ROUNDS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-10000}"
ROUNDS="${2:-20}"
SCAN_ROUNDS=1  # the scanning search reads every message: one round per query is already slow
USER_ADDRESS=nguyenvana@demo.gov.vn
PASSWORD=Bench-Passw0rd!
WORK="$(mktemp -d /tmp/govmail-search-bench.XXXXXX)"
CORPUS="${GOVMAIL_CORPUS:-$ROOT/../shared/corpus}"
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus
export GOVMAIL_DATA="$WORK/data" GOVMAIL_DEMO_PASSWORD="$PASSWORD" GOVMAIL_BIND=127.0.0.1 GOVMAIL_ADMIN_PORT=28999
export GOVMAIL_SMTP_PORT=30025 GOVMAIL_SUBMISSION_PORT=30587 GOVMAIL_SMTPS_PORT=30465 GOVMAIL_IMAP_PORT=30143 GOVMAIL_IMAPS_PORT=30993 GOVMAIL_MANAGESIEVE_PORT=34190
JAVA_HOME="$("$ROOT/govmail" jdk)"
# the mail server alone (no webmail), from the packaged jar
[ -f "$ROOT/mail-server/target/mail-server.jar" ] || { echo "bench: build first (mvn -pl mail-server -am package -DskipTests)" >&2; exit 1; }
SERVER=""
stop_server() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true; SERVER=""; }
trap 'stop_server; rm -rf "$WORK"' EXIT

start_server() { # $1 = lucene | scanning
  GOVMAIL_SEARCH_INDEX="$1" "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow ${GOVMAIL_JAVA_OPTS:--Xms256m -Xmx1g} \
    -cp "$ROOT/mail-server/target/mail-server.jar:$ROOT/mail-server/target/lib/*" vn.govmail.mailserver.GovmailMailServer \
    > "$WORK/server-$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do
    if grep -q "govmail mail server is running" "$WORK/server-$1.log"; then
      # the server JVM and every PostgreSQL process: their CPU is counted per query
      PG="$(head -1 "$GOVMAIL_DATA/postgres/postmaster.pid")"
      PIDS="$SERVER,$PG,$(pgrep -d, -P "$PG" || true)"
      return
    fi
    sleep 1
  done
  echo "bench: the server did not start" >&2; tail -20 "$WORK/server-$1.log" >&2; exit 1
}

echo "bench: loading $N messages (Lucene index on)..." >&2
start_server lucene
python3 "$ROOT/bench/search_benchmark.py" load "$GOVMAIL_IMAPS_PORT" "$USER_ADDRESS" "$PASSWORD" "$N" "$CORPUS" > "$WORK/load.json"
# Let the background indexing queue drain before timing (a search would index what is missing itself, but the
# first one would then pay for it).
for _ in $(seq 1 600); do
  TOKEN="hosochuyen$(( (N - 1) / 10 * 10 ))"
  curl -s -H "Authorization: Bearer $(cat "$GOVMAIL_DATA/admin-token")" \
    "http://127.0.0.1:$GOVMAIL_ADMIN_PORT/govmail/search?user=$USER_ADDRESS&q=$TOKEN" | grep -q "\"uid\"" && break
  sleep 1
done
INDEX_KB=$(du -sk "$GOVMAIL_DATA/search-index" | cut -f1)
# one warm-up round (the JIT compiles the search path), then the timed rounds
python3 "$ROOT/bench/search_benchmark.py" time "$GOVMAIL_IMAPS_PORT" "$USER_ADDRESS" "$PASSWORD" 1 > /dev/null
PIDS="$PIDS,$(pgrep -d, -P "$PG" || true)"  # PostgreSQL backends opened since the start
python3 "$ROOT/bench/search_benchmark.py" time "$GOVMAIL_IMAPS_PORT" "$USER_ADDRESS" "$PASSWORD" "$ROUNDS" "$PIDS" > "$WORK/lucene.json"
grep -i "summarise\|could not be indexed" "$WORK/server-lucene.log" "$GOVMAIL_DATA"/logs/*.log 2>/dev/null | head -5 >&2 || true
stop_server

echo "bench: same mailbox, scanning search..." >&2
start_server scanning
PIDS="$PIDS,$(pgrep -d, -P "$PG" || true)"
python3 "$ROOT/bench/search_benchmark.py" time "$GOVMAIL_IMAPS_PORT" "$USER_ADDRESS" "$PASSWORD" "$SCAN_ROUNDS" "$PIDS" > "$WORK/scanning.json"
stop_server

python3 - "$WORK" "$N" "$INDEX_KB" <<'PY'
import json, sys
work, n, index_kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
load = json.load(open(work + "/load.json"))
lucene = [json.loads(l) for l in open(work + "/lucene.json")]
scanning = [json.loads(l) for l in open(work + "/scanning.json")]
print("\nbench search: %d messages appended in %.0f s; index %.1f MB on disk" % (n, load["seconds"], index_kb / 1024))
print("%-32s %6s %10s %10s %10s %12s %10s %6s %7s" % ("UID SEARCH", "hits", "lucene p50", "lucene p99", "lucene CPU",
                                                      "scanning p50", "scan CPU", "hits", "ratio"))
for l, s in zip(lucene, scanning):
    print("%-32s %6d %8.1fms %8.1fms %8.1fms %10.1fms %8.0fms %6d %6.0fx" % (
        l["query"], l["hits"], l["p50_ms"], l["p99_ms"], l["server_cpu_ms"], s["p50_ms"], s["server_cpu_ms"], s["hits"],
        s["p50_ms"] / max(l["p50_ms"], 0.1)))
print("(CPU: server JVM + PostgreSQL CPU per search, averaged over the rounds; ratio: scanning p50 / lucene p50)")
PY
