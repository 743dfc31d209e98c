#!/usr/bin/env bash
# What the search index costs SMTP delivery: two fresh mail servers at once on this machine, one with the Lucene
# index (search.index=lucene, the default) and one with James's scanning search and no index fed
# (search.index=scanning), and bench/run's smtp scenario run REPS times, alternating the order of the two servers
# (A B, B A, A B, ...), so that a change of machine load falls on both. Prints each repetition's table, then per
# repetition and overall: delivered msg/s, server CPU per 1,000 messages (JVM + PostgreSQL) and lucene / scanning.
# usage: [REPS=4] bench/search-delivery-benchmark.sh [bench/run smtp options]   (default: --sizes 4k
#        --sessions 20 --messages 300 --recipients many; a 300-message warm-up of each server comes first)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOMAIN=bench.gov.vn
USERS=101
PASSWORD='Bench-Passw0rd!26'
WORK="$(mktemp -d /tmp/govmail-search-delivery.XXXXXX)"
TOKEN="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
JAVA_HOME="$("$ROOT/govmail" jdk)"
[ -f "$ROOT/mail-server/target/mail-server.jar" ] || { echo "bench: build first (mvn -pl mail-server -am package -DskipTests)" >&2; exit 1; }
SERVERS=()
cleanup() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

start() { # $1 = lucene|scanning, $2 = port offset; sets PIDS_<mode>
  local mode=$1 base=$2
  (
    export GOVMAIL_DATA="$WORK/$mode" GOVMAIL_BIND=127.0.0.1 GOVMAIL_HOSTNAME="mail.$DOMAIN" GOVMAIL_ADMIN_TOKEN="$TOKEN" \
      GOVMAIL_SMTP_PORT=$((base + 25)) GOVMAIL_SUBMISSION_PORT=$((base + 587)) GOVMAIL_SMTPS_PORT=$((base + 465)) \
      GOVMAIL_IMAP_PORT=$((base + 143)) GOVMAIL_IMAPS_PORT=$((base + 993)) GOVMAIL_MANAGESIEVE_PORT=$((base + 4190)) \
      GOVMAIL_ADMIN_PORT=$((base + 8000)) GOVMAIL_DEMO=false GOVMAIL_DEFAULT_DOMAIN="$DOMAIN" \
      GOVMAIL_CONNECTION_LIMIT=6000 GOVMAIL_CONNECTION_LIMIT_PER_IP=6000 GOVMAIL_DNS_SERVERS=127.0.0.1 GOVMAIL_SEARCH_INDEX="$mode"
    exec "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow ${GOVMAIL_JAVA_OPTS:--Xms256m -Xmx1g} \
      -cp "$ROOT/mail-server/target/mail-server.jar:$ROOT/mail-server/target/lib/*" vn.govmail.mailserver.GovmailMailServer
  ) > "$WORK/$mode.log" 2>&1 &
  SERVERS+=($!)
}

setup() { # $1 = mode, $2 = port offset, $3 = server pid
  local mode=$1 base=$2 pid=$3
  local waited=0
  until grep -q "govmail mail server is running" "$WORK/$mode.log"; do
    if ! kill -0 "$pid" 2>/dev/null || [ $((waited += 1)) -gt 300 ]; then
      echo "bench: the $mode server did not start" >&2; tail -20 "$WORK/$mode.log" >&2; exit 1
    fi
    sleep 1
  done
  admin() { curl -sS --fail-with-body -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" "http://127.0.0.1:$((base + 8000))/$1" ${2:+-d "$2"}; }
  admin "domains/$DOMAIN"
  for i in $(seq 0 $((USERS - 1))); do admin "users/user$i@$DOMAIN" "{\"password\":\"$PASSWORD\"}"; done
  echo "$pid,$(head -1 "$WORK/$mode/postgres/postmaster.pid")"
}

mkdir -p "$WORK/lucene" "$WORK/scanning"
start lucene 31000
start scanning 32000
echo "bench: starting both servers (logs in $WORK)..." >&2
LUCENE_PIDS="$(setup lucene 31000 "${SERVERS[0]}")"
SCANNING_PIDS="$(setup scanning 32000 "${SERVERS[1]}")"
echo "bench: govmail $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo '+changes'), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
[ $# -gt 0 ] || set -- --sizes 4k --sessions 20 --messages 300 --recipients many
LUCENE=(--target lucene --smtp 127.0.0.1:31025 --imap 127.0.0.1:31143 --pids "$LUCENE_PIDS" --data "$WORK/lucene")
SCANNING=(--target scanning --smtp 127.0.0.1:32025 --imap 127.0.0.1:32143 --pids "$SCANNING_PIDS" --data "$WORK/scanning")
REPS="${REPS:-4}"
for rep in $(seq 1 "$REPS"); do
  if [ $((rep % 2)) -eq 1 ]; then ORDER=("${LUCENE[@]}" "${SCANNING[@]}"); else ORDER=("${SCANNING[@]}" "${LUCENE[@]}"); fi
  WARMUP=0; [ "$rep" -eq 1 ] && WARMUP=300
  echo "bench: repetition $rep/$REPS, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  "$ROOT/bench/run" smtp --warmup "$WARMUP" "$@" --users "user%d@$DOMAIN" --user-count $((USERS - 1)) --password "$PASSWORD" \
    --imap-tls starttls "${ORDER[@]}" | tee "$WORK/rep-$rep.md"
done
python3 - "$WORK" "$REPS" <<'PY'
import re, sys
work, reps = sys.argv[1], int(sys.argv[2])
def figures(path):
    lines = [l for l in open(path) if l.startswith('|')]
    targets = [c.strip() for c in lines[0].strip('|\n').split('|')[3:5]]
    found = {}
    for line in lines[2:]:
        cells = [c.strip() for c in line.strip('|\n').split('|')]
        for metric, key in (('delivered', 'rate'), ('server CPU per 1,000 msg', 'cpu')):
            if cells[1].startswith(metric + ' '):
                for target, value in zip(targets, cells[3:5]):
                    found[(target, key)] = float(value.replace(',', ''))
    return found
rows = [figures(f"{work}/rep-{r}.md") for r in range(1, reps + 1)]
print("| repetition | delivered msg/s lucene | scanning | lucene / scanning | CPU-s per 1,000 msg lucene | scanning | lucene / scanning |")
print("|---:|---:|---:|---:|---:|---:|---:|")
for r, f in enumerate(rows, 1):
    print(f"| {r} | {f[('lucene','rate')]:.2f} | {f[('scanning','rate')]:.2f} | {f[('lucene','rate')]/f[('scanning','rate')]:.2f}× "
          f"| {f[('lucene','cpu')]:.1f} | {f[('scanning','cpu')]:.1f} | {f[('lucene','cpu')]/f[('scanning','cpu')]:.2f}× |")
mean = lambda key, t: sum(f[(t, key)] for f in rows) / len(rows)
print(f"| mean | {mean('rate','lucene'):.2f} | {mean('rate','scanning'):.2f} | {mean('rate','lucene')/mean('rate','scanning'):.2f}× "
      f"| {mean('cpu','lucene'):.1f} | {mean('cpu','scanning'):.1f} | {mean('cpu','lucene')/mean('cpu','scanning'):.2f}× |")
PY
echo "bench: load average after $(cut -d' ' -f1-3 /proc/loadavg)" >&2
grep -h "Search index" "$WORK/lucene.log" "$WORK/lucene/logs/"*.log 2>/dev/null | tail -2 >&2 || true
