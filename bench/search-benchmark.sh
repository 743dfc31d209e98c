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
SERVER=""
stop_server() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true; SERVER=""; }
trap 'stop_server; rm -rf "$WORK"' EXIT

start_server() { # $1 = lucene | scanning
  GOVMAIL_SEARCH_INDEX="$1" "$ROOT/govmail" start > "$WORK/server-$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do grep -q "govmail mail server is running" "$WORK/server-$1.log" && return; sleep 1; done
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
python3 "$ROOT/bench/search_benchmark.py" time "$GOVMAIL_IMAPS_PORT" "$USER_ADDRESS" "$PASSWORD" "$ROUNDS" > "$WORK/lucene.json"
stop_server

echo "bench: same mailbox, scanning search..." >&2
start_server scanning
python3 "$ROOT/bench/search_benchmark.py" time "$GOVMAIL_IMAPS_PORT" "$USER_ADDRESS" "$PASSWORD" "$SCAN_ROUNDS" > "$WORK/scanning.json"
stop_server

python3 - "$WORK" "$N" "$INDEX_KB" <<'PY'
import json, sys
work, n, index_kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
load = json.load(open(work + "/load.json"))
lucene = [json.loads(l) for l in open(work + "/lucene.json")]
scanning = [json.loads(l) for l in open(work + "/scanning.json")]
print("\nbench search: %d messages appended in %.0f s; index %.1f MB on disk" % (n, load["seconds"], index_kb / 1024))
print("%-28s %8s %10s %10s %12s %8s %8s" % ("SEARCH BODY", "hits", "lucene p50", "lucene p99", "scanning p50", "hits", "ratio"))
for l, s in zip(lucene, scanning):
    print("%-28s %8d %8.1fms %8.1fms %10.1fms %8d %7.0fx" % (l["query"], l["hits"], l["p50_ms"], l["p99_ms"], s["p50_ms"], s["hits"],
                                                        s["p50_ms"] / max(l["p50_ms"], 0.1)))
PY
