#!/usr/bin/env bash
# Sharded scale, proven on one machine (docs/distributed.md): one reference stack started on its own (stack up), then
#   1. one process running all SHARDS x USERS users (scale, as one load generator);
#   2. SHARDS processes, shard i/SHARDS each, each connecting from its own loopback address 127.0.0.(i+1) (a port range
#      of its own, as on separate machines), a common --start-at, then run-tests merge: it must pass as the single run does;
#   3. the stack again with leak-events-spread (one run frame in LEAK_EVERY also goes to a user picked across all
#      connections): the same shards, merged: the merge must fail naming leaks across shards, and find more of them
#      than the shards found inside themselves (what they would have missed alone).
# Between 2 and 3, slo as SHARDS shards of 40 journeys, merged: it must pass.
# Usage: .ci/shards-proof.sh [SHARDS=4] [USERS_PER_SHARD=100] [LEAK_EVERY=100] [RESULTS=results/shards-proof]
# Runs after ./run-tests.sh has built everything. Exit 0 when all three hold.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shards=${1:-4}
per_shard=${2:-100}
leak_every=${3:-100}
out=${4:-results/shards-proof}
users=$((shards * per_shard))
ramp=$(( users / 200 > 5 ? users / 200 : 5 ))          # users arrive at 200 a second, as benchmarks/scale.sh has them
say() { printf 'shards-proof: %s\n' "$*"; }
rm -rf "$out"; mkdir -p "$out"

stack_up() { # $1: the faults, "" for none
  GOLDENPATH_FAULTS="$1" GOLDENPATH_FAULT_LEAK_EVERY="$leak_every" ./run-tests.sh stack up --no-build --results "$out/stack" > "$out/stack-up.txt" 2>&1 \
    || { cat "$out/stack-up.txt"; say "the stack did not start"; return 1; }
  eval "$(grep -E '^  export GOLDENPATH_ENV=staging ' "$out/stack-up.txt")"
}
stack_down() { ./run-tests.sh stack down --no-build --results "$out/stack" > /dev/null 2>&1; }
trap stack_down EXIT INT TERM

# Runs SHARDS shard processes into $out/$1/shard-i, then merges them into $out/$1/merged; returns the merge's exit code.
sharded() {
  local name=$1 start pids=()
  start=$(date -u -d "+${lead} seconds" +%Y-%m-%dT%H:%M:%SZ)
  for i in $(seq 1 "$shards"); do
    ./run-tests.sh scale --no-build --users "$users" --ramp-up "${ramp}s" --shard "$i/$shards" --start-at "$start" \
      --source-address "127.0.0.$((i + 1))" --results "$out/$name/shard-$i" > "$out/$name/shard-$i.txt" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  ./run-tests.sh merge --no-build "$out/$name"/shard-*/ --results "$out/$name/merged" > "$out/$name/merge.txt" 2>&1
}

stack_up "" || exit 1
mkdir -p "$out/single" "$out/sharded" "$out/leaky" "$out/slo"
say "single process: $users users, ramp-up ${ramp} s"
./run-tests.sh scale --no-build --users "$users" --ramp-up "${ramp}s" --results "$out/single/run" > "$out/single/run.txt" 2>&1
single=$?
# The common start leaves every shard time to make its users: as long as the single run took for all of them (the shards
# share the one auth service), and a quarter more.
made=$(grep -oE 'users ready in [0-9]+' "$out/single/run.txt" | grep -oE '[0-9]+$' || echo 60)
lead=$(( made * 5 / 4 + 20 ))
say "$shards shards of $per_shard users, each from its own 127.0.0.x, common start in ${lead} s"
sharded sharded
merged=$?
say "slo as $shards shards of 40 journeys in all, 8 at a time, merged"
for i in $(seq 1 "$shards"); do
  ./run-tests.sh slo --no-build --journeys 40 --concurrency 8 --shard "$i/$shards" --source-address "127.0.0.$((i + 1))" \
    --results "$out/slo/shard-$i" > "$out/slo/shard-$i.txt" 2>&1 &
done
wait
./run-tests.sh merge --no-build "$out/slo"/shard-*/ --results "$out/slo/merged" > "$out/slo/merge.txt" 2>&1
slo=$?
stack_down
stack_up "leak-events-spread" || exit 1
say "$shards shards against the stack with leak-events-spread (every ${leak_every}th run frame)"
sharded leaky
leaky=$?
stack_down

# The figures side by side: the single run's page, the merge's (with its table of shards), the leaks across shards.
for page in single/run sharded/merged leaky/merged; do
  say "$page/scale.md:"; sed -n '1,/^| completion /p' "$out/$page/scale.md"; grep -A 8 '^### ' "$out/$page/scale.md" || true
done
grep -m 3 "merge: leak across shards" "$out/leaky/merge.txt"

failed=0
[ $single -eq 0 ] || { say "the single run failed ($out/single/run/scale.md)"; failed=1; }
[ $slo -eq 0 ] || { say "the merged slo shards failed ($out/slo/merge.txt)"; failed=1; }
grep -E "^slo: (PASSED|FAILED)" "$out/slo/merge.txt" || true
[ $merged -eq 0 ] || { say "the merged shards failed where the single run passes ($out/sharded/merged/scale.md)"; failed=1; }
# "### 4 shards: 54 leak(s) across shards, 18 inside one"
counts=$(grep -oE '^### [0-9]+ shards: [0-9]+ leak\(s\) across shards, [0-9]+ inside one' "$out/leaky/merged/scale.md" | grep -oE '[0-9]+' | tail -2)
across=$(echo "$counts" | head -1); inside=$(echo "$counts" | tail -1)
if [ $leaky -eq 1 ] && [ "$across" -gt "$inside" ]; then
  say "leak-events-spread: the merge failed with $across leak(s) across shards; the shards alone found $inside"
else
  say "leak-events-spread: the merge should exit 1 with more leaks across shards than inside them; it exited $leaky with $across across and $inside inside ($out/leaky/merge.txt)"
  failed=1
fi
exit $failed
