#!/usr/bin/env bash
# Benchmark: time to ingest an official-document mail carrying a 5 MB PDF into the eOffice document inbox
# (MIME parse, Tika text, metadata extraction, record + attachment in PostgreSQL, Lucene index, acknowledgement),
# p50/p99 over RUNS mails, against a baseline measured in the same run (MIME parse + one plain INSERT of the PDF).
# Needs PostgreSQL on 127.0.0.1:5432 (trust) and fonts-dejavu-core. usage: bench/eoffice-ingest-benchmark.sh [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-40}"
export JAVA_HOME="${JAVA_HOME:-$("$ROOT/govmail" jdk)}" MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
cd "$ROOT"
LOG="$(mktemp /tmp/eoffice-bench.XXXXXX)"
trap 'rm -f "$LOG"' EXIT
if ! mvn -B -q -pl eoffice -am verify -Dtest=IngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
     -Deoffice.bench=true -Deoffice.bench.runs="$RUNS" > "$LOG" 2>&1 || ! grep -q "eoffice ingest" "$LOG"; then
  tail -40 "$LOG" >&2
  exit 1
fi
grep -A4 "eoffice ingest" "$LOG"
