#!/usr/bin/env bash
# Dialects, proven (PROTOCOL.md §6, docs/dialects.md): the reference stack started on its own speaking Netra Apex's wire
# (GOLDENPATH_DIALECT=netra-apex), then the whole suite against it as a remote stack read in that dialect
# (protocol.dialect=netra-apex): it must pass and say what it cannot check. Then the same stack read in the default
# dialect: doctor must exit 1 naming the dialect the frames fit. Runs after ./run-tests.sh has built everything.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { printf 'dialect-check: %s\n' "$*"; }
out=results/dialect-netra-apex
mkdir -p "$out"

GOLDENPATH_DIALECT=netra-apex ./run-tests.sh stack up --no-build | tee "$out/stack-up.txt" || { say "the netra-apex stack did not start"; exit 1; }
exports=$(grep -E '^  export GOLDENPATH_ENV=staging ' "$out/stack-up.txt") || { say "stack up printed no URLs"; ./run-tests.sh stack down; exit 1; }
eval "$exports"

# isolation at 20 users (staging.json says 10), as the golden path of the dialect asks
GOLDENPATH__Protocol__Dialect=netra-apex GOLDENPATH__Isolation__Users=20 ./run-tests.sh --no-build --env staging --results "$out/run" 2>&1 | tee "$out/run.txt"
specs=${PIPESTATUS[0]}
./run-tests.sh doctor --no-build --env staging > "$out/doctor-default-dialect.txt" 2>&1
doctor=$?
./run-tests.sh stack down

cat "$out/doctor-default-dialect.txt"
status=0
if [ $specs -ne 0 ]; then
  say "the whole suite failed against the netra-apex stack read in dialect netra-apex ($out/run/summary.md)"; status=1
fi
if ! grep -q "not checkable in dialect netra-apex" "$out/run/run-report.txt" 2>/dev/null; then
  say "the run did not say what dialect netra-apex cannot check"; status=1
else
  say "said what netra-apex cannot check: $(grep -c '^  - ' "$out/run/run-report.txt") lines in $out/run/run-report.txt"
fi
if [ $doctor -eq 1 ] && grep -q "these frames fit netra-apex, not protocol-1.2" "$out/doctor-default-dialect.txt"; then
  say "doctor in the default dialect at the netra-apex stack: exit 1, naming netra-apex"
else
  say "doctor in the default dialect at the netra-apex stack should exit 1 naming netra-apex; it exited $doctor"; status=1
fi
[ $status -eq 0 ] && say "the whole suite passed against a Netra-speaking stack in dialect netra-apex, and doctor named the dialect"
exit $status
