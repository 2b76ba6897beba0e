#!/usr/bin/env bash
# Builds the suite once and runs it: every layer, or one; optionally filtered.
# Exit 0 only when tests ran and none failed: a filter that matches nothing is an error.
set -uo pipefail

usage() {
  cat <<'USAGE'
Usage: ./run-tests.sh [options]

  --layer unit|integration|e2e   run one layer (default: all three, in that order)
  --env NAME                     the environment file environments/NAME.json (default: $GOLDENPATH_ENV or local)
  --stack processes|containers|auto|remote
                                 override the environment's stack provider
  --filter EXPR                  a dotnet test filter, e.g. "Category=GoldenPath"
  --configuration Debug|Release  build configuration (default: Debug)
  --results DIR                  where TRX results and the run report go (default: ./results)
  --no-build                     use the existing build
  -h, --help                     this text

Examples:
  ./run-tests.sh --filter Category=GoldenPath    the golden path on the embedded local stack
  ./run-tests.sh                                  the whole suite
USAGE
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
layer="" filter="" configuration="Debug" results="$root/results" build=1 env_name="" stack=""

while [ $# -gt 0 ]; do
  case "$1" in
    --layer) layer=${2:-}; shift 2 ;;
    --layer=*) layer=${1#*=}; shift ;;
    --env) env_name=${2:-}; shift 2 ;;
    --env=*) env_name=${1#*=}; shift ;;
    --stack) stack=${2:-}; shift 2 ;;
    --stack=*) stack=${1#*=}; shift ;;
    --filter) filter=${2:-}; shift 2 ;;
    --filter=*) filter=${1#*=}; shift ;;
    --configuration|-c) configuration=${2:-}; shift 2 ;;
    --results) results=${2:-}; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-tests: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

case "$layer" in
  "") projects=(UnitTests IntegrationTests E2ETests) ;;
  unit) projects=(UnitTests) ;;
  integration) projects=(IntegrationTests) ;;
  e2e) projects=(E2ETests) ;;
  *) echo "run-tests: --layer must be unit, integration or e2e (got '$layer')" >&2; exit 2 ;;
esac

say() { printf 'run-tests: %s\n' "$*"; }

if [ -n "$env_name" ]; then
  [ -f "$root/environments/$env_name.json" ] || { echo "run-tests: no environment '$env_name': environments/$env_name.json does not exist" >&2; exit 2; }
  export GOLDENPATH_ENV="$env_name"
fi
case "$stack" in
  "") ;;
  processes|containers|auto|remote) export GOLDENPATH__Stack__Provider="$stack" ;;
  *) echo "run-tests: --stack must be processes, containers, auto or remote (got '$stack')" >&2; exit 2 ;;
esac

command -v dotnet >/dev/null || { echo "run-tests: dotnet is not on PATH: install the .NET 10 SDK (https://dot.net)" >&2; exit 2; }
cd "$root" || exit 2
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

mkdir -p "$results"
results=$(cd "$results" && pwd)
rm -f "$results"/*.trx "$results/run-report.txt"
export GOLDENPATH_RESULTS_DIR="$results"

child=""
on_signal() {
  say "interrupted: stopping the test run (the stack tears itself down)"
  [ -n "$child" ] && kill -TERM "$child" 2>/dev/null && wait "$child" 2>/dev/null
  exit 130
}
trap on_signal INT TERM

if [ $build = 1 ]; then
  say "building GoldenPath.Tests.sln ($configuration)"
  started=$(date +%s)
  dotnet build GoldenPath.Tests.sln -c "$configuration" -nologo -clp:ErrorsOnly -v:quiet &
  child=$!; wait $child; status=$?; child=""
  if [ $status -ne 0 ]; then
    say "the build failed (exit $status): see the errors above"
    exit $status
  fi
  say "built in $(( $(date +%s) - started )) s"
fi

failed_projects=()
for project in "${projects[@]}"; do
  say "running GoldenPath.$project${filter:+ (filter: $filter)}"
  args=(test "tests/GoldenPath.$project/GoldenPath.$project.csproj" --no-build -c "$configuration" -nologo
        --results-directory "$results" --logger "trx;LogFileName=GoldenPath.$project.trx"
        --logger "console;verbosity=normal" --settings "$root/coverlet.runsettings")
  [ -n "$filter" ] && args+=(--filter "$filter")
  dotnet "${args[@]}" &
  child=$!; wait $child; status=$?; child=""
  [ $status -ne 0 ] && failed_projects+=("GoldenPath.$project (exit $status)")
done

# Count what ran from the TRX files: the runner itself exits 0 when a filter matches nothing.
total=0 passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  count() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(( total + $(count executed) ))
  passed=$(( passed + $(count passed) ))
  failed=$(( failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
  skipped=$(( skipped + $(count notExecuted) ))
done

if [ -f "$results/run-report.txt" ]; then
  echo
  say "stack report:"
  sed 's/^/  /' "$results/run-report.txt"
fi
echo
say "results in $results"

if [ "$total" -eq 0 ] && [ ${#failed_projects[@]} -eq 0 ]; then
  say "no test ran${filter:+: the filter '$filter' matched no test}${layer:+ in layer '$layer'}. A run that executes nothing proves nothing: check the filter (e.g. Category=GoldenPath, Category=Integration)."
  echo "0 passed, 0 failed"
  exit 1
fi

echo "$passed passed, $failed failed, $skipped skipped"
if [ ${#failed_projects[@]} -gt 0 ] || [ "$failed" -gt 0 ]; then
  say "FAILED: ${failed_projects[*]:-$failed tests failed}"
  exit 1
fi
say "all $passed tests passed"
