#!/usr/bin/env bash
# Retargeting, proven: the golden-path specs, unchanged, against a separately started stack through
# GOLDENPATH_ENV=staging with its URLs overridden; then the doctor against that stack once stopped must
# give the TCP diagnosis and exit non-zero within 10 s. Runs after ./run-tests.sh has built everything.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { printf 'staging-check: %s\n' "$*"; }
mkdir -p results/staging
# staging.json names no browser (a CI runner brings Playwright's own); this machine has Debian's chromium.
[ -x /usr/bin/chromium ] && export GOLDENPATH_BROWSER_PATH="${GOLDENPATH_BROWSER_PATH:-/usr/bin/chromium}"

./run-tests.sh stack up --no-build | tee results/staging/stack-up.txt || { say "the stack did not start"; exit 1; }
exports=$(grep -E '^  export GOLDENPATH_ENV=staging ' results/staging/stack-up.txt) || { say "stack up printed no URLs"; ./run-tests.sh stack down; exit 1; }
eval "$exports"

./run-tests.sh --no-build --env staging --filter Category=GoldenPath --results results/staging
specs=$?
./run-tests.sh stack down

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

[ $specs -eq 0 ] || { say "the golden-path specs failed against the staging-shaped environment"; exit $specs; }
say "the golden-path specs passed unchanged against GOLDENPATH_ENV=staging"
