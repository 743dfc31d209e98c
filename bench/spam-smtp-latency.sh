#!/usr/bin/env bash
# Added SMTP latency of the spam filter at end of DATA: p50/p99 of the time from the final "." to the reply, with
# the filter on and off, measured in the same run. Two mail servers run side by side (same build, fresh data
# directories; one with spam.enabled=false) and every message goes to both, one right after the other, in
# alternating order, so machine load hits both alike. The filter's DNS is a local stub answering NXDOMAIN (real
# UDP round trips for SPF, DKIM, DMARC, DNSBL); the client connects from 127.0.0.2 as an outside mail server
# (127.0.0.1/32 is the only trusted network), so the connect and MAIL FROM checks run too (not timed here).
# usage: bench/spam-smtp-latency.sh [N messages, default 400] [corpus dir]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-400}"
CORPUS="${2:-/work/shared/corpus/spamassassin}"
WORK="$(mktemp -d /tmp/govmail-spam-latency.XXXXXX)"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
echo "bench: building the mail server (mvn package -pl mail-server -am, tests skipped)..." >&2
(cd "$ROOT" && MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}" mvn -q -B -DskipTests -pl mail-server -am package)
CLASSPATH_SERVER="$ROOT/mail-server/target/mail-server.jar:$ROOT/mail-server/target/lib/*"

python3 "$ROOT/bench/spam_smtp_latency.py" dns "$WORK/dns-port" & PIDS+=($!)
for _ in $(seq 1 50); do [ -s "$WORK/dns-port" ] && break; sleep 0.1; done

start_server() { # $1 = name, $2 = port offset, $3 = spam.enabled
  : > "$WORK/$1.log"
  local base=$((31000 + $2))
  env GOVMAIL_DATA="$WORK/$1" GOVMAIL_BIND=127.0.0.1 GOVMAIL_ADMIN_PORT=$((base + 80)) \
    GOVMAIL_SMTP_PORT=$((base + 25)) GOVMAIL_SUBMISSION_PORT=$((base + 87)) GOVMAIL_SMTPS_PORT=$((base + 65)) \
    GOVMAIL_IMAP_PORT=$((base + 43)) GOVMAIL_IMAPS_PORT=$((base + 93)) GOVMAIL_MANAGESIEVE_PORT=$((base + 90)) \
    GOVMAIL_SPAM_ENABLED="$3" GOVMAIL_SPAM_DNS_SERVER=127.0.0.1 GOVMAIL_SPAM_DNS_PORT="$(cat "$WORK/dns-port")" \
    GOVMAIL_SPAM_DNSBL_ZONES=bl.bench.test GOVMAIL_SPAM_SMTP_TRUSTED_NETWORKS=127.0.0.1/32 \
    "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -Xms256m -Xmx1g -cp "$CLASSPATH_SERVER" \
    vn.govmail.mailserver.GovmailMailServer > "$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do grep -q "govmail mail server is running" "$WORK/$1.log" && return; sleep 1; done
  echo "bench: the $1 server did not start" >&2; tail -20 "$WORK/$1.log" >&2; exit 1
}

echo "bench: starting the two servers (filter on: port 31125, off: port 31325)..." >&2
start_server filter-on 100 true
start_server filter-off 300 false
echo "bench: $N messages from $CORPUS to both (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
python3 "$ROOT/bench/spam_smtp_latency.py" measure 31125 31325 "$N" "$CORPUS"
echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
