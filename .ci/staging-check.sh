#!/usr/bin/env bash
# Retargeting and conformance, proven: the reference stack started on its own with GOLDENPATH_VARIANT=relaxed (it
# uses every latitude of PROTOCOL.md §0: short ids, extra fields and frames, longer interleaved runs), then the whole
# suite, unchanged, against it through GOLDENPATH_ENV=staging with its URLs overridden: a remote stack, so the
# Conformance specs run and run-tests says what it left out. Then the doctor against that stack once stopped must
# give the TCP diagnosis and exit non-zero within 10 s. Runs after ./run-tests.sh has built everything.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { printf 'staging-check: %s\n' "$*"; }
mkdir -p results/staging
# staging.json names no browser (a CI runner brings Playwright's own); this machine has Debian's chromium.
[ -x /usr/bin/chromium ] && export GOLDENPATH_BROWSER_PATH="${GOLDENPATH_BROWSER_PATH:-/usr/bin/chromium}"

GOLDENPATH_VARIANT=relaxed ./run-tests.sh stack up --no-build | tee results/staging/stack-up.txt || { say "the stack did not start"; exit 1; }
exports=$(grep -E '^  export GOLDENPATH_ENV=staging ' results/staging/stack-up.txt) || { say "stack up printed no URLs"; ./run-tests.sh stack down; exit 1; }
eval "$exports"

./run-tests.sh --no-build --env staging --results results/staging/run 2>&1 | tee results/staging/run.txt
specs=${PIPESTATUS[0]}
# Isolation at scale against the same relaxed stack: short decimal ids ("42") in every frame, extra frames, interleaved runs,
# and still no leak reported where there is none (staging.json's scale section: 200 users).
./run-tests.sh scale --no-build --env staging --results results/staging/scale 2>&1 | tee results/staging/scale.txt
scale=${PIPESTATUS[0]}
./run-tests.sh stack down

left_out=$(grep -E "^run-tests: remote stack .*left out the ReferenceStack specs" results/staging/run.txt) \
  || { say "run-tests did not say which specs it left out on a remote stack"; exit 1; }
say "said: ${left_out#run-tests: }"

started=$(date +%s%N)
timeout 10 ./run-tests.sh doctor --no-build --env staging > results/staging/doctor-stopped.txt 2>&1
doctor=$?
took_ms=$(( ($(date +%s%N) - started) / 1000000 ))
cat results/staging/doctor-stopped.txt
if [ $doctor -eq 1 ] && grep -q "preflight: tcp (.*connection refused" results/staging/doctor-stopped.txt; then
  say "doctor against the stopped stack: TCP diagnosis, exit 1, in ${took_ms} ms"
else
  say "doctor against the stopped stack should exit 1 with the TCP diagnosis within 10 s; it exited $doctor after ${took_ms} ms"
  exit 1
fi

[ $specs -eq 0 ] || { say "the Conformance specs failed against a relaxed reference stack through GOLDENPATH_ENV=staging"; exit $specs; }
[ $scale -eq 0 ] || { say "isolation at scale failed against a relaxed reference stack through GOLDENPATH_ENV=staging (results/staging/scale/scale.md)"; exit $scale; }
say "the Conformance specs and isolation at scale passed unchanged against a relaxed reference stack through GOLDENPATH_ENV=staging"
