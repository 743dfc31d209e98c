#!/usr/bin/env bash
# Side by side: the same bench scenario against govmail (packaged, fresh data directory, embedded PostgreSQL with
# fsync on) and the Postfix + Dovecot reference stack, in one run on this machine; prints govmail / reference ratios.
#   bench/compare.sh <smtp|imap|mixed|idle> [bench/run options]
#   e.g. bench/compare.sh smtp --sizes 4k --sessions 20 --messages 2000 --recipients many
# Several scenarios on the same two servers: separate them with a lone '+':
#   bench/compare.sh smtp --sessions 20 + imap --mailbox-size 2000 --sessions 1,20 + idle --connections 500
# REFERENCE=0 runs govmail alone (before/after figures of a server change; ratios need the reference).
# GOVMAIL_JAVA_OPTS, GOVMAIL_SPOOLER_THREADS, ... are passed on to the server (README's configuration table).
# SPAM=1 keeps govmail's spam pipeline on; by default it is off, for the pure transport figures (the reference
# stack has no filter either), as the issue "Benchmarks" asks: report the figures with the filter separately.
# PORT_OFFSET=N adds N to every govmail port (two runs side by side).
# KEEP=1 leaves both running and the work directory in place (stop them with the printed commands).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 1 ] || { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 64; }

DOMAIN=bench.gov.vn
USERS=101                      # user0..user99 receive mail, user100 holds the large IMAP mailbox
PASSWORD='Bench-Passw0rd!26'
WORK="$(mktemp -d /tmp/govmail-compare.XXXXXX)"
chmod 755 "$WORK"   # Postfix and Dovecot run as their own users under it
export REF_DIR="$WORK/reference" BENCH_DOMAIN="$DOMAIN" BENCH_USERS="$USERS" BENCH_PASSWORD="$PASSWORD"
TOKEN="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
# PORT_OFFSET moves every govmail port (and the webmail's) so that two runs can share the machine.
P=${PORT_OFFSET:-0}
export GOVMAIL_DATA="$WORK/govmail-data" GOVMAIL_BIND=127.0.0.1 GOVMAIL_HOSTNAME="mail.$DOMAIN" GOVMAIL_ADMIN_TOKEN="$TOKEN" \
  GOVMAIL_SMTP_PORT=$((20025 + P)) GOVMAIL_SUBMISSION_PORT=$((20587 + P)) GOVMAIL_SMTPS_PORT=$((20465 + P)) \
  GOVMAIL_IMAP_PORT=$((20143 + P)) GOVMAIL_IMAPS_PORT=$((20993 + P)) GOVMAIL_MANAGESIEVE_PORT=$((24190 + P)) \
  GOVMAIL_ADMIN_PORT=$((28000 + P)) GOVMAIL_WEBMAIL_PORT=$((28080 + P)) GOVMAIL_DEMO=false \
  GOVMAIL_DEFAULT_DOMAIN="$DOMAIN" GOVMAIL_CONNECTION_LIMIT=6000 GOVMAIL_CONNECTION_LIMIT_PER_IP=6000 \
  GOVMAIL_DNS_SERVERS=127.0.0.1
[ "${SPAM:-0}" = 1 ] || export GOVMAIL_SPAM_ENABLED=false

SERVER=""
cleanup() {
  if [ "${KEEP:-}" = 1 ]; then
    echo "compare: left running: kill $SERVER; REF_DIR=$REF_DIR $ROOT/bench/reference-stack.sh down; rm -rf $WORK" >&2
    return
  fi
  [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
  "$ROOT/bench/reference-stack.sh" down >&2 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$ROOT/govmail" start > "$WORK/govmail.log" 2>&1 &
SERVER=$!
echo "compare: starting govmail (log $WORK/govmail.log)..." >&2
for _ in $(seq 1 300); do
  grep -q "govmail mail server is running" "$WORK/govmail.log" && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/govmail.log" >&2; exit 1; }
  sleep 1
done
grep -q "govmail mail server is running" "$WORK/govmail.log" || { echo "compare: govmail did not start" >&2; exit 1; }

admin() { curl -sS --fail-with-body -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" "http://127.0.0.1:$GOVMAIL_ADMIN_PORT/$1" ${2:+-d "$2"}; }
admin "domains/$DOMAIN"
for i in $(seq 0 $((USERS - 1))); do admin "users/user$i@$DOMAIN" "{\"password\":\"$PASSWORD\"}"; done
echo "compare: govmail has $USERS accounts on $DOMAIN" >&2

[ "${REFERENCE:-1}" = 0 ] || "$ROOT/bench/reference-stack.sh" up >&2

POSTGRES_PID="$(head -1 "$GOVMAIL_DATA/postgres/postmaster.pid")"
COMMON=(--users "user%d@$DOMAIN" --user-count $((USERS - 1)) --password "$PASSWORD" --imap-tls starttls)
echo "compare: govmail $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo '+changes'), JVM ${GOVMAIL_JAVA_OPTS:--Xms256m -Xmx1g}, spam filter $([ "${SPAM:-0}" = 1 ] && echo on || echo off)" >&2
GOVMAIL_TARGET=(--target govmail --smtp "127.0.0.1:$GOVMAIL_SMTP_PORT" --imap "127.0.0.1:$GOVMAIL_IMAP_PORT"
  --pids "$SERVER,$POSTGRES_PID" --data "$GOVMAIL_DATA")
REFERENCE_TARGET=()
[ "${REFERENCE:-1}" = 0 ] || REFERENCE_TARGET=(--target postfix+dovecot --smtp 127.0.0.1:2525 --imap 127.0.0.1:1143
  --pids "$("$ROOT/bench/reference-stack.sh" pids)" --data "$REF_DIR/vmail,$REF_DIR/spool")
STATUS=0
SCENARIO=()
for arg in "$@" +; do
  if [ "$arg" = + ]; then
    [ ${#SCENARIO[@]} -gt 0 ] && { "$ROOT/bench/run" "${SCENARIO[@]}" "${COMMON[@]}" "${GOVMAIL_TARGET[@]}" "${REFERENCE_TARGET[@]}" || STATUS=1; }
    SCENARIO=()
  else
    SCENARIO+=("$arg")
  fi
done
exit $STATUS
