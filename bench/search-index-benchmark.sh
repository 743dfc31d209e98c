#!/usr/bin/env bash
# In-process benchmark of the search index on N messages (default 100,000; SpamAssassin corpus + generated
# Vietnamese mail, a fifth with a DOCX or PDF attachment): indexing throughput, index size on disk, latency of the
# index's answer per criterion (p50/p99 over ROUNDS) against James's scanning matcher over the same messages in
# memory (SCAN_ROUNDS rounds). No IMAP, no PostgreSQL: see docs/benchmarks.md#full-text-search for what each figure
# measures, and bench/search-benchmark.sh for end-to-end IMAP SEARCH.
# usage: [INDEX_THREADS=1] bench/search-index-benchmark.sh [N] [ROUNDS] [SCAN_ROUNDS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-100000}"
ROUNDS="${2:-50}"
SCAN_ROUNDS="${3:-1}"
CORPUS="${GOVMAIL_CORPUS:-$ROOT/../shared/corpus}"
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
# SEARCH_BENCH_DIR=dir keeps the index there; a second run with the same N reuses it and only times the queries.
if [ -n "${SEARCH_BENCH_DIR:-}" ]; then
  WORK="$SEARCH_BENCH_DIR"; mkdir -p "$WORK"
else
  WORK="$(mktemp -d /tmp/govmail-search-index-bench.XXXXXX)"
  trap 'rm -rf "$WORK"' EXIT
fi
cd "$ROOT"
mvn -B -o -q -pl mail-server -am test-compile -DskipTests
mvn -B -o -q -pl mail-server dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath"
# A copy of the compiled classes, so that a build during the (long) run cannot change them under it.
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
cp -r "$ROOT/mail-server/target/test-classes" "$WORK/classes/test" && cp -r "$ROOT/mail-server/target/classes" "$WORK/classes/main"
cp -r "$ROOT/vietnamese-text/target/classes" "$WORK/classes/text"
CP="$WORK/classes/test:$WORK/classes/main:$WORK/classes/text:$(cat "$WORK/classpath")"
"$JAVA_HOME/bin/java" -Xmx8g -Dbench.indexThreads="${INDEX_THREADS:-1}" --sun-misc-unsafe-memory-access=allow -Dlogback.configurationFile=/dev/null \
  -cp "$CP" vn.govmail.mailserver.search.SearchIndexBenchmark "$CORPUS" "$N" "$ROUNDS" "$SCAN_ROUNDS" "$WORK"
