#!/usr/bin/env bash
# Webmail benchmark (docs/webmail.md): a 10,000-message INBOX on the packaged mail server, measured in Chromium.
# Needs chromium + chromium-driver. Usage: bench/webmail-benchmark.sh [messages]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="$("$ROOT/govmail" jdk)"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
cd "$ROOT"
mvn -B -q -pl mail-server,webmail -am verify -Dtest=none -Dit.test=WebmailBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dwebmail.test.args="-Dbench.messages=${1:-10000}"
cat webmail/target/webmail-benchmark.txt
