#!/usr/bin/env bash
# Spam filter accuracy and throughput, side by side with SpamAssassin on the same folds.
#
#   bench/spam-accuracy.sh [corpus-dir] [--no-spamassassin]
#
# 1. govmail: 5-fold cross-validation of the whole spam-filter pipeline (DNS answered by a local stub,
#    Bayes statistics in memory), spam recall and ham false-positive rate, then msg/s on 1 and 2 threads.
# 2. SpamAssassin (Debian spamassassin + spamc): for each fold sa-learn on the same training messages into
#    a fresh Bayes database, spamd on a free high port with network tests off, spamc -c on the same test
#    messages; then spamc throughput on 1 and 2 parallel clients. spamd is stopped afterwards.
#    FOLDS_DIR=dir reuses the fold lists of an earlier run and runs SpamAssassin only.
#    SA_FOLDS=1 limits SpamAssassin to the first fold (its training alone takes ~4 min a fold here).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-/work/shared/corpus/spamassassin}
RUN_SA=yes
[ "${2:-}" = "--no-spamassassin" ] && RUN_SA=no
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
WORK=$(mktemp -d /tmp/spam-accuracy.XXXXXX)
SPAMD_PID=""
cleanup() { [ -n "$SPAMD_PID" ] && kill "$SPAMD_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

chmod 755 "$WORK"   # spamd's children run as nobody and must read the config and Bayes files
if [ -n "${FOLDS_DIR:-}" ]; then   # reuse the folds of an earlier run (same seed = same split): SpamAssassin only
  mkdir -p "$WORK/folds"; cp "$FOLDS_DIR"/fold-*.txt "$WORK/folds/"
else
mvn -B -q -pl spam-filter -am test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$(cat "$WORK/cp.txt"):spam-filter/target/classes:spam-filter/target/test-classes"
echo "== govmail spam-filter (corpus $CORPUS)"
"$JAVA_HOME/bin/java" -Xmx512m -cp "$CP" vn.govmail.spamfilter.bench.SpamAccuracyBenchmark "$CORPUS" "$WORK/folds" 5 \
  2>/dev/null | grep --line-buffered -v 'false positive:'
fi

[ "$RUN_SA" = yes ] || exit 0
command -v spamd >/dev/null && command -v spamc >/dev/null || { echo "SpamAssassin not installed (apt-get install spamassassin spamc)"; exit 0; }
echo "== SpamAssassin $(spamd --version | head -1 | awk '{print $4}') (network tests off, Bayes trained on the same folds)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$WORK/sa"
cp /etc/spamassassin/*.pre "$WORK/sa/"   # plugin loading (Bayes...): --siteconfigpath replaces /etc/spamassassin
cat > "$WORK/sa/local.cf" <<CF
use_bayes 1
bayes_auto_learn 0
bayes_file_mode 0777
bayes_path $WORK/sa/bayes/bayes
skip_rbl_checks 1
dns_available no
CF
caught=0; spam_total=0; flagged=0; ham_total=0
SA_FOLDS=${SA_FOLDS:-5}   # sa-learn is slow (~10 msg/s here): SA_FOLDS=1 runs SpamAssassin on fold 1 only
for k in $(seq 1 "$SA_FOLDS"); do
  rm -rf "$WORK/sa/bayes"; mkdir -p "$WORK/sa/bayes"
  xargs -a "$WORK/folds/fold-$k-train-spam.txt" sa-learn --siteconfigpath "$WORK/sa" --spam --no-sync | tail -1
  xargs -a "$WORK/folds/fold-$k-train-ham.txt" sa-learn --siteconfigpath "$WORK/sa" --ham --no-sync | tail -1
  sa-learn --siteconfigpath "$WORK/sa" --sync
  chmod -R a+rwX "$WORK/sa"
  spamd -L -x -i 127.0.0.1 -p "$PORT" --siteconfigpath "$WORK/sa" -m 2 -s stderr >"$WORK/sa/spamd.log" 2>&1 &
  SPAMD_PID=$!
  for _ in $(seq 1 120); do spamc -p "$PORT" -K >/dev/null 2>&1 && break; sleep 0.5; done
  spamc -p "$PORT" -K >/dev/null 2>&1 || { echo "spamd did not start:"; tail -5 "$WORK/sa/spamd.log"; exit 1; }
  fold_caught=0; fold_spam=0; fold_flagged=0; fold_ham=0
  while read -r kind path; do
    code=0; spamc -p "$PORT" -c < "$path" >/dev/null 2>&1 || code=$?
    case $code in 0) verdict=ham ;; 1) verdict=spam ;; *) echo "spamc failed ($code) on $path"; exit 1 ;; esac
    if [ "$kind" = spam ]; then fold_spam=$((fold_spam+1)); [ $verdict = spam ] && fold_caught=$((fold_caught+1)); true
    else fold_ham=$((fold_ham+1)); [ $verdict = spam ] && fold_flagged=$((fold_flagged+1)); true; fi
  done < "$WORK/folds/fold-$k-test.txt"
  echo "spamassassin fold $k: spam recall $fold_caught/$fold_spam, ham false positives $fold_flagged/$fold_ham"
  caught=$((caught+fold_caught)); spam_total=$((spam_total+fold_spam)); flagged=$((flagged+fold_flagged)); ham_total=$((ham_total+fold_ham))
  if [ "$k" -lt "$SA_FOLDS" ]; then kill "$SPAMD_PID"; wait "$SPAMD_PID" 2>/dev/null || true; SPAMD_PID=""; fi
done
python3 -c "print('spamassassin $SA_FOLDS fold(s): spam recall %.2f %% (%d/%d), ham false positives %.2f %% (%d/%d)' % (100*$caught/$spam_total, $caught, $spam_total, 100*$flagged/$ham_total, $flagged, $ham_total))"
# throughput on the last fold's test messages, spamd already trained
cut -d' ' -f2 "$WORK/folds/fold-$SA_FOLDS-test.txt" > "$WORK/sample.txt"
n=$(wc -l < "$WORK/sample.txt")
for clients in 1 2; do
  start=$(date +%s.%N)
  xargs -a "$WORK/sample.txt" -P "$clients" -I{} sh -c "spamc -p $PORT -c < '{}' >/dev/null 2>&1 || true"
  end=$(date +%s.%N)
  python3 -c "print('spamassassin throughput, %d client(s): %.1f msg/s (%d messages, spamd -m 2)' % ($clients, $n/($end-$start), $n))"
done
kill "$SPAMD_PID"; wait "$SPAMD_PID" 2>/dev/null || true; SPAMD_PID=""
