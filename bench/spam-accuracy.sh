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
#    SA_FOLDS=1 limits SpamAssassin to the first fold (its training alone takes ~4-10 min a fold here).
#    SA_RESULTS=dir keeps SpamAssassin's per-message answers (fold-K-results.txt: kind path verdict score/threshold).
#    SA_CLIENTS=n parallel spamc clients for the accuracy checks (default 2).
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
bayes_auto_expire 0
bayes_file_mode 0777
bayes_path $WORK/sa/bayes/bayes
skip_rbl_checks 1
dns_available no
CF
caught=0; spam_total=0; flagged=0; ham_total=0
SA_FOLDS=${SA_FOLDS:-5}   # sa-learn is slow (~1-10 msg/s here): SA_FOLDS=1 runs SpamAssassin on fold 1 only
# Bayes counts add up: training on folds {2,3,4,5} gives the same database as training on each of them and
# summing the counts. So each fold's messages are learned once into a database of their own (sa-learn
# --dbpath), dumped with --backup, and the four dumps of a training set are summed and --restore'd: a
# quarter of the learning of a plain "sa-learn the 2,500 training messages" per fold, same token counts.
for j in $(seq 1 5); do
  mkdir -p "$WORK/sa/part-$j"
  for kind in spam ham; do
    awk -v k="$kind" '$1 == k {print $2}' "$WORK/folds/fold-$j-test.txt" \
      | xargs sa-learn --siteconfigpath "$WORK/sa" --dbpath "$WORK/sa/part-$j/bayes" --"$kind" --no-sync | tail -1
  done
  sa-learn --siteconfigpath "$WORK/sa" --dbpath "$WORK/sa/part-$j/bayes" --sync
  sa-learn --siteconfigpath "$WORK/sa" --dbpath "$WORK/sa/part-$j/bayes" --backup > "$WORK/sa/part-$j.dump"
done
for k in $(seq 1 "$SA_FOLDS"); do
  rm -rf "$WORK/sa/bayes"; mkdir -p "$WORK/sa/bayes"
  python3 - "$k" "$WORK/sa" > "$WORK/sa/train-$k.dump" <<'PY'
import sys
k, sa = int(sys.argv[1]), sys.argv[2]
spam = ham = 0; tokens = {}; seen = {}
for j in range(1, 6):
    if j == k:
        continue
    for line in open(f"{sa}/part-{j}.dump", encoding="latin-1"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "v" and f[2] == "num_spam": spam += int(f[1])
        elif f[0] == "v" and f[2] == "num_nonspam": ham += int(f[1])
        elif f[0] == "t":
            old = tokens.get(f[4], (0, 0, 0))
            tokens[f[4]] = (old[0] + int(f[1]), old[1] + int(f[2]), max(old[2], int(f[3])))
        elif f[0] == "s": seen[f[2]] = f[1]
print("v\t3\tdb_version # this must be the first line!!!")
print(f"v\t{spam}\tnum_spam"); print(f"v\t{ham}\tnum_nonspam")
for token, (s, h, atime) in tokens.items(): print(f"t\t{s}\t{h}\t{atime}\t{token}")
for msgid, flag in seen.items(): print(f"s\t{flag}\t{msgid}")
PY
  sa-learn --siteconfigpath "$WORK/sa" --restore "$WORK/sa/train-$k.dump"
  sa-learn --siteconfigpath "$WORK/sa" --dump magic | grep -E 'nspam|nham' | tr -s ' ' | tr '\n' ' '; echo "(fold $k training set)"
  chmod -R a+rwX "$WORK/sa"
  spamd -L -x -i 127.0.0.1 -p "$PORT" --siteconfigpath "$WORK/sa" -m 2 -s stderr >"$WORK/sa/spamd.log" 2>&1 &
  SPAMD_PID=$!
  for _ in $(seq 1 120); do spamc -p "$PORT" -K >/dev/null 2>&1 && break; sleep 0.5; done
  spamc -p "$PORT" -K >/dev/null 2>&1 || { echo "spamd did not start:"; tail -5 "$WORK/sa/spamd.log"; exit 1; }
  # spamc -c answers "score/threshold" and exits 1 for spam, 0 for ham; SA_CLIENTS parallel clients (default 2,
  # as many as spamd's children) give the same answers sooner
  RESULTS="$WORK/sa/fold-$k-results.txt"
  PORT=$PORT xargs -a "$WORK/folds/fold-$k-test.txt" -P "${SA_CLIENTS:-2}" -L 1 sh -c \
    'code=0; score=$(spamc -p "$PORT" -c < "$1" 2>/dev/null) || code=$?
     case $code in 0) v=ham ;; 1) v=spam ;; *) v="error-$code" ;; esac
     echo "$0 $1 $v $score"' > "$RESULTS"
  if grep -q ' error-' "$RESULTS"; then echo "spamc failed:"; grep ' error-' "$RESULTS" | head -3; exit 1; fi
  if [ -n "${SA_RESULTS:-}" ]; then mkdir -p "$SA_RESULTS"; cp "$RESULTS" "$SA_RESULTS/"; fi
  read -r fold_spam fold_caught fold_ham fold_flagged < <(awk '$1 == "spam" {s++; if ($3 == "spam") c++}
    $1 == "ham" {h++; if ($3 == "spam") f++} END {print s+0, c+0, h+0, f+0}' "$RESULTS")
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
