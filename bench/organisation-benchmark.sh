#!/usr/bin/env bash
# Benchmark: the cost of placing imported accounts in the organisation tree. Saves N profiles (default 10,000)
# spread over U units (default 700, Lai Châu has 698) in batches of 500, as the import does, against the
# PostgreSQL on 127.0.0.1:5432 (trust auth): once the profile rows alone (baseline), once with unit placement.
# Needs the packaged server (./govmail build, or mvn -pl mail-server -am package -DskipTests).
# usage: bench/organisation-benchmark.sh [N] [U]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA="$("$ROOT/govmail" jdk)/bin/java"
CP="$ROOT/mail-server/target/mail-server.jar:$ROOT/mail-server/target/lib/*"
exec "$JAVA" -cp "$CP" "$ROOT/bench/OrganisationImportBench.java" "${1:-10000}" "${2:-700}"
