#!/usr/bin/env bash
# Benchmark: import N accounts (default 10,000) through `govmail admin import` into a fresh mail server, and measure
# in the same run the floor set by password hashing alone (the same PBKDF2 work on the same cores).
# Prints wall time, accounts/s, CPU seconds and peak RSS of the server (its JVM and its embedded PostgreSQL) and of
# the CLI, and the ratio to the hashing floor. Needs the built mail server (./govmail build); the webmail is not
# started, so its CPU does not count.
# usage: bench/import-benchmark.sh [N]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-10000}"
WORK="$(mktemp -d /tmp/govmail-import-bench.XXXXXX)"
export GOVMAIL_DATA="$WORK/data" GOVMAIL_DEV_PORTS=true GOVMAIL_ADMIN_PORT="${GOVMAIL_ADMIN_PORT:-18999}"
export GOVMAIL_SMTP_PORT="${GOVMAIL_SMTP_PORT:-20025}" GOVMAIL_SUBMISSION_PORT="${GOVMAIL_SUBMISSION_PORT:-20587}" GOVMAIL_SMTPS_PORT="${GOVMAIL_SMTPS_PORT:-20465}"
export GOVMAIL_IMAP_PORT="${GOVMAIL_IMAP_PORT:-20143}" GOVMAIL_IMAPS_PORT="${GOVMAIL_IMAPS_PORT:-20993}" GOVMAIL_MANAGESIEVE_PORT="${GOVMAIL_MANAGESIEVE_PORT:-24190}"
JAR="$ROOT/mail-server/target/mail-server.jar"
[ -f "$JAR" ] || { echo "bench: build the mail server first (./govmail build)" >&2; exit 1; }
JDK="$("$ROOT/govmail" jdk)"
JAVA=("$JDK/bin/java" --sun-misc-unsafe-memory-access=allow -cp "$JAR:$ROOT/mail-server/target/lib/*")
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

python3 "$ROOT/bench/generate_province_accounts.py" "$N" demo.gov.vn "$WORK/accounts.csv"
# The JVM itself is started here (not through `govmail start`, a shell that also starts the webmail), so $! is the
# server's own process and /proc/$SERVER is what it spends.
"${JAVA[@]}" -Xms256m -Xmx1g vn.govmail.mailserver.GovmailMailServer > "$WORK/server.log" 2>&1 &
SERVER=$!
echo "bench: starting the server (pid $SERVER)..." >&2
for _ in $(seq 1 600); do grep -q "govmail mail server is running" "$WORK/server.log" && break; sleep 1; done
grep -q "govmail mail server is running" "$WORK/server.log" || { echo "bench: the server did not start:" >&2; tail -30 "$WORK/server.log" >&2; exit 1; }
POSTMASTER=$(head -1 "$GOVMAIL_DATA/postgres/postmaster.pid")

# CPU clock ticks (utime + stime) of a process; with cutime + cstime of its reaped children for the postmaster,
# whose backends come and go. Unlike wall time, barely affected by other load on the machine.
ticks() { awk -v kids="$2" '{sub(/^.*\) /, ""); t = $12 + $13; if (kids) t += $14 + $15; print t}' "/proc/$1/stat"; }
postgres_ticks() { # the postmaster (with reaped backends) + the backends alive now
  local total; total=$(ticks "$POSTMASTER" 1)
  for child in $(ps -o pid= --ppid "$POSTMASTER"); do total=$((total + $(ticks "$child" 1 2>/dev/null || echo 0))); done
  echo "$total"
}
SERVER_START=$(ticks "$SERVER" 0); PG_START=$(postgres_ticks)
START=$(date +%s.%N)
/usr/bin/time -f '%U %S %M' -o "$WORK/cli.time" "${JAVA[@]}" vn.govmail.mailserver.cli.GovmailCli import "$WORK/accounts.csv"
END=$(date +%s.%N)
TCK=$(getconf CLK_TCK)
SERVER_CPU=$(echo "($(ticks "$SERVER" 0) - $SERVER_START) / $TCK" | bc -l)
PG_CPU=$(echo "($(postgres_ticks) - $PG_START) / $TCK" | bc -l)
read -r CLI_USER CLI_SYS CLI_KB < "$WORK/cli.time"
IMPORT=$(echo "$END - $START" | bc)
PEAK_KB=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status")

# The floor: the same number of PBKDF2-HMAC-SHA512 (5,000 iterations) hashes on all cores, nothing else.
cat > "$WORK/Floor.java" <<'JAVA'
import javax.crypto.SecretKeyFactory; import javax.crypto.spec.PBEKeySpec; import java.util.stream.IntStream;
public class Floor { public static void main(String[] a) throws Exception {
  int n = Integer.parseInt(a[0]); long start = System.nanoTime();
  IntStream.range(0, n).parallel().forEach(i -> { try { SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(
    new PBEKeySpec(("password" + i).toCharArray(), ("user" + i + "@demo.gov.vn").getBytes(), 5000, 512)).getEncoded(); }
    catch (Exception e) { throw new RuntimeException(e); } });
  System.out.printf("%.1f%n", (System.nanoTime() - start) / 1e9); } }
JAVA
/usr/bin/time -f '%U %S' -o "$WORK/floor.time" "$JDK/bin/java" "$WORK/Floor.java" "$N" > "$WORK/floor.out"
FLOOR=$(cat "$WORK/floor.out"); read -r FLOOR_USER FLOOR_SYS < "$WORK/floor.time"

printf '\nbench import: %d accounts in %.1f s (%.0f accounts/s), server JVM peak RSS %d MB, load average %s\n' "$N" "$IMPORT" \
  "$(echo "$N / $IMPORT" | bc -l)" "$((PEAK_KB / 1024))" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'bench cpu   : server JVM %.1f s + its PostgreSQL %.1f s = %.2f ms per account; CLI %.1f s CPU, peak RSS %d MB\n' \
  "$SERVER_CPU" "$PG_CPU" "$(echo "($SERVER_CPU + $PG_CPU) * 1000 / $N" | bc -l)" "$(echo "$CLI_USER + $CLI_SYS" | bc -l)" "$((CLI_KB / 1024))"
printf 'bench floor : the same %d password hashes alone on %d cores: %.1f s wall, %.1f s CPU; import / floor = %.2f (wall), %.2f (CPU)\n' \
  "$N" "$(nproc)" "$FLOOR" "$(echo "$FLOOR_USER + $FLOOR_SYS" | bc -l)" "$(echo "$IMPORT / $FLOOR" | bc -l)" \
  "$(echo "($SERVER_CPU + $PG_CPU) / ($FLOOR_USER + $FLOOR_SYS)" | bc -l)"
