#!/usr/bin/env bash
# Isolation at scale, measured (not a timed test): `run-tests scale` with 100, 1,000, 5,000 and 10,000 users on the processes
# stack, two runs each, a tenth of the users with two tabs, and 1,000 users on the containers stack (when a Docker engine
# answers). Users arrive at 200 a second (the ramp-up grows with them), so a row measures the platform, not a burst.
# Writes the table to benchmarks/scale.md (the README quotes it) and each run's scale.json under results/benchmarks-scale/.
#   benchmarks/scale.sh [USERS...]     e.g. benchmarks/scale.sh 100 1000
set -uo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-100 1000 5000 10000}")
read -r -a sizes <<< "${sizes[*]}"
results=results/benchmarks-scale
table=benchmarks/scale.md
rm -rf "$results"
mkdir -p "$results"
status=0
rows=()
header=""   # the table's header comes with each run's row (scale-row.md), so its columns are named in one place
build=()   # the first run builds the suite, the others reuse it

measure() { # LABEL STACK USERS RUN
  local label=$1 stack=$2 users=$3 run=$4 dir="$results/$1-$3-$4"
  local ramp=$(( users / 200 > 1 ? users / 200 : 1 ))
  echo "== $label: $users users, run $run (ramp-up ${ramp}s)"
  ./run-tests.sh scale "${build[@]}" --stack "$stack" --users "$users" --runs 2 --tabs 2 --tabbed-share 0.1 --ramp-up "${ramp}s" \
    --label "$label" --results "$dir" 2>&1 | grep -E '^run-tests: (scale|Wall|[0-9])|^\| |✗' || true
  build=(--no-build)
  if [ -f "$dir/scale-row.md" ]; then
    [ -n "$header" ] || header=$(head -n 2 "$dir/scale-row.md")
    rows+=("$(tail -n 1 "$dir/scale-row.md")")
    grep -q '| passed |$' "$dir/scale-row.md" || status=1
  else
    rows+=("| $label | $users | - | - | - | - | - | - | - | - | - | - | - | - | - | no report: see $dir |")
    status=1
  fi
}

for users in "${sizes[@]}"; do
  for run in 1 2; do measure processes processes "$users" "$run"; done
done
if docker version >/dev/null 2>&1; then
  measure containers containers 1000 1
else
  rows+=("| containers | 1,000 | - | - | - | - | - | - | - | - | - | - | - | - | - | not run: no Docker engine answered (start dockerd) |")
fi

{
  echo "# Isolation at scale: measured"
  echo
  echo "\`benchmarks/scale.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version 2>/dev/null | sed 's/^/.NET SDK /')."
  echo "Each user sends 2 runs; a tenth have 2 tabs. Users arrive at 200 a second. Memory per connection: with every connection open, less before any."
  echo "Wall: the whole check (registering the users, connecting, the runs, the isolation check). runs/s: over the runs phase."
  echo
  echo "${header:-(no run wrote a report)}"
  printf '%s\n' "${rows[@]}"
} > "$table"
echo "== table written to $table"
cat "$table"
exit $status
