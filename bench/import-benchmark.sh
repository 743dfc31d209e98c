#!/usr/bin/env bash
# Benchmark: import N accounts (default 10,000) through `govmail admin import` into a fresh server, and measure
# in the same run the floor set by password hashing alone (the same PBKDF2 work on the same cores).
# Prints wall time, accounts/s, the server's peak RSS and the ratio to the hashing floor.
# usage: bench/import-benchmark.sh [N]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-10000}"
WORK="$(mktemp -d /tmp/govmail-import-bench.XXXXXX)"
export GOVMAIL_DATA="$WORK/data" GOVMAIL_DEV_PORTS=true GOVMAIL_ADMIN_PORT="${GOVMAIL_ADMIN_PORT:-18999}"
export GOVMAIL_SMTP_PORT="${GOVMAIL_SMTP_PORT:-20025}" GOVMAIL_SUBMISSION_PORT="${GOVMAIL_SUBMISSION_PORT:-20587}" GOVMAIL_SMTPS_PORT="${GOVMAIL_SMTPS_PORT:-20465}"
export GOVMAIL_IMAP_PORT="${GOVMAIL_IMAP_PORT:-20143}" GOVMAIL_IMAPS_PORT="${GOVMAIL_IMAPS_PORT:-20993}" GOVMAIL_MANAGESIEVE_PORT="${GOVMAIL_MANAGESIEVE_PORT:-24190}"
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

python3 "$ROOT/bench/generate_province_accounts.py" "$N" demo.gov.vn "$WORK/accounts.csv"
"$ROOT/govmail" start > "$WORK/server.log" 2>&1 &
SERVER=$!
echo "bench: starting the server..." >&2
for _ in $(seq 1 600); do grep -q "govmail mail server is running" "$WORK/server.log" && break; sleep 1; done
grep -q "govmail mail server is running" "$WORK/server.log" || { echo "bench: the server did not start:" >&2; tail -30 "$WORK/server.log" >&2; exit 1; }
JAVA_PID="$SERVER"   # the launcher execs java: the same process (not another instance on this machine)

# CPU seconds the server spends (utime + stime, in clock ticks): unlike wall time, barely affected by other load.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$JAVA_PID/stat"; }
CPU_START=$(cpu_ticks)
START=$(date +%s.%N)
"$ROOT/govmail" admin import "$WORK/accounts.csv"
END=$(date +%s.%N)
CPU=$(echo "($(cpu_ticks) - $CPU_START) / $(getconf CLK_TCK)" | bc -l)
IMPORT=$(echo "$END - $START" | bc)
PEAK_KB=$(awk '/VmHWM/ {print $2}' "/proc/$JAVA_PID/status")

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
FLOOR=$("$("$ROOT/govmail" jdk)/bin/java" "$WORK/Floor.java" "$N")

printf '\nbench import: %d accounts in %.1f s (%.0f accounts/s), server peak RSS %d MB\n' "$N" "$IMPORT" "$(echo "$N / $IMPORT" | bc -l)" "$((PEAK_KB / 1024))"
printf 'bench cpu   : the server used %.1f CPU seconds for the import (%.2f ms per account)\n' "$CPU" "$(echo "$CPU * 1000 / $N" | bc -l)"
printf 'bench floor : the same %d password hashes alone on %d cores: %.1f s; import / floor = %.2f\n' "$N" "$(nproc)" "$FLOOR" "$(echo "$IMPORT / $FLOOR" | bc -l)"
