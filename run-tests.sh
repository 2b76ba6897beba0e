#!/usr/bin/env bash
# Builds the suite once and runs it: every layer, or one; optionally filtered.
# Exit 0 only when tests ran and none failed: a filter that matches nothing is an error.
set -uo pipefail

usage() {
  cat <<'USAGE'
Usage: ./run-tests.sh [options]            build, then run the tests
       ./run-tests.sh doctor [--env NAME]  check the environment layer by layer, print the preflight table
       ./run-tests.sh stack up|down        run the reference platform on its own (as a deployed one would be)
       ./run-tests.sh selftest             the golden-path selection once healthy and once per fault switch of the
                                           reference stack: a matrix of fault, went red?, rule named, rule expected

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
command_name=tests
case "${1:-}" in
  doctor) command_name=doctor; shift ;;
  selftest) command_name=selftest; shift ;;
  stack)
    case "${2:-}" in
      up|down) command_name="stack-$2"; shift 2 ;;
      *) echo "run-tests: 'stack' takes 'up' or 'down'" >&2; exit 2 ;;
    esac ;;
esac
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

setting() { # SECTION__KEY: a GOLDENPATH__ variable, else the environment file's value; lower case
  local variable="GOLDENPATH__$1" key
  key=$(printf '%s' "${1##*__}" | tr '[:upper:]' '[:lower:]')
  if [ -n "${!variable:-}" ]; then printf '%s' "${!variable}"; else
    grep -i -o "\"$key\"[[:space:]]*:[[:space:]]*\"[A-Za-z]*\"" "$root/environments/${GOLDENPATH_ENV:-local}.json" 2>/dev/null | head -n 1 | sed 's/.*"\([A-Za-z]*\)"$/\1/'
  fi | tr '[:upper:]' '[:lower:]'
}
frontend() { # endpoints.frontend: GOLDENPATH__Endpoints__Frontend, else the environment file's (the only "frontend" key it has)
  if [ -n "${GOLDENPATH__Endpoints__Frontend:-}" ]; then printf '%s' "$GOLDENPATH__Endpoints__Frontend"; else
    grep -o '"frontend"[[:space:]]*:[[:space:]]*"[^"]*"' "$root/environments/${GOLDENPATH_ENV:-local}.json" 2>/dev/null | head -n 1 | sed 's/.*:[[:space:]]*"\([^"]*\)"$/\1/'
  fi
}

mkdir -p "$results"
results=$(cd "$results" && pwd)

# doctor and stack run the stack host (fixtures/GoldenPath.StackHost); it is built with the solution.
stack_host="$root/fixtures/GoldenPath.StackHost/bin/$configuration/net10.0/GoldenPath.StackHost.dll"
ensure_stack_host() {
  if [ ! -f "$stack_host" ] || [ $build = 1 ]; then
    say "building the stack host ($configuration)"
    dotnet build "$root/fixtures/GoldenPath.StackHost/GoldenPath.StackHost.csproj" -c "$configuration" -nologo -clp:ErrorsOnly -v:quiet || exit $?
  fi
}
state="$results/stack-up.json"
stack_log="$results/stack-up.log"
stack_pid() { [ -f "$state" ] && sed -n 's/.*"pid":"\([0-9]*\)".*/\1/p' "$state"; }
state_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$state"; }
print_stack() {
  echo "  auth       $(state_field auth)"
  echo "  backend    $(state_field backend)"
  echo "  websocket  $(state_field websocket)"
  echo "To run the specs against it as a deployed environment:"
  echo "  export GOLDENPATH_ENV=staging GOLDENPATH__Endpoints__Auth=$(state_field auth) GOLDENPATH__Endpoints__Backend=$(state_field backend) GOLDENPATH__Endpoints__WebSocket=$(state_field websocket) GOLDENPATH__Endpoints__Frontend=$(state_field backend) GOLDENPATH_JWT_SECRET_KEY=\"\$(cat $(state_field keyFile))\""
}

case "$command_name" in
  doctor)
    [ -f "$stack_host" ] || ensure_stack_host
    exec dotnet "$stack_host" doctor ;;
  stack-up)
    pid=$(stack_pid)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      say "a stack is already up (pid $pid; ./run-tests.sh stack down stops it)"; print_stack; exit 0
    fi
    ensure_stack_host
    rm -f "$state"
    setsid nohup dotnet "$stack_host" up --state "$state" >"$stack_log" 2>&1 </dev/null &
    host=$!
    for _ in $(seq 1 450); do
      grep -q GOLDENPATH_STACK_READY "$stack_log" 2>/dev/null && break
      kill -0 "$host" 2>/dev/null || { say "the stack did not start:"; cat "$stack_log" >&2; exit 1; }
      sleep 0.2
    done
    grep -q GOLDENPATH_STACK_READY "$stack_log" || { say "the stack did not come up within 90 s:"; cat "$stack_log" >&2; kill -TERM "$host"; exit 1; }
    say "stack up (pid $host; ./run-tests.sh stack down stops it): $(grep -o 'healthy_in=[^ ]*' "$stack_log")"
    print_stack
    exit 0 ;;
  stack-down)
    pid=$(stack_pid)
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
      say "no stack is up"; rm -f "$state" "$state.key"; exit 0
    fi
    kill -TERM "$pid"
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then say "the stack (pid $pid) did not stop within 30 s"; exit 1; fi
    rm -f "$state" "$state.key"; say "stack down"; exit 0 ;;
esac

# A remote stack runs the Conformance specs only: the ReferenceStack ones need a local reference stack. And the
# browser specs only where the environment names the chat page to drive (endpoints.frontend).
if [ "$command_name" = tests ] && [ "$(setting Stack__Provider)" = remote ] && [ "$layer" != unit ]; then
  env_label=${GOLDENPATH_ENV:-local}
  case "${filter// /}" in
    *Category=ReferenceStack*)
      echo "run-tests: the filter '$filter' asks for ReferenceStack specs, which need a local reference stack (--stack processes or containers: fault switches, a second instance, TLS files); they cannot run on the remote stack of environment '$env_label'" >&2
      exit 2 ;;
  esac
  say "remote stack (environment '$env_label'): left out the ReferenceStack specs (they need a local reference stack: fault switches, a second instance, TLS files, the reference agent's wording); running the Conformance specs"
  filter="${filter:+($filter)&}Category!=ReferenceStack"
  if [ -z "$(frontend)" ]; then
    say "remote stack (environment '$env_label'): left out the browser specs (Category=Browser): the environment names no endpoints.frontend, the chat page to drive (see docs/page-contract.md)"
    filter="$filter&Category!=Browser"
  fi
fi

# A fresh results folder per run (TRX, coverage, browser artifacts, the report); a running stack's state stays.
find "$results" -mindepth 1 -maxdepth 1 ! -name 'stack-up.*' -exec rm -rf {} +
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

if [ "$command_name" = selftest ]; then
  dotnet "$stack_host" selftest --results "$results/selftest" --configuration "$configuration" &
  child=$!; wait $child; exit $?
fi

# The containers stack runs images built from this build (stack/containers/build-images.sh, cached
# by a hash of their inputs). Category=Containers (cleanup specs that start their own containers
# stack) runs only when the run uses the containers stack, so a machine without Docker runs the rest.
uses_containers=0
case "$(setting Stack__Provider)" in
  containers) uses_containers=1 ;;
  auto) command -v docker >/dev/null && timeout 10 docker version >/dev/null 2>&1 && uses_containers=1 ;;
esac
if [ $uses_containers = 1 ] && [ "$layer" != unit ]; then
  images=$(setting Containers__Images)
  "$root/stack/containers/build-images.sh" --images "${images:-local}" --configuration "$configuration" --no-build &
  child=$!; wait $child; status=$?; child=""
  [ $status -eq 0 ] || { say "the containers stack's images could not be built (exit $status): see above"; exit $status; }
elif [ $uses_containers = 0 ]; then
  say "Category=Containers (the containers stack's cleanup specs) runs only on the containers stack (--stack containers)"
  filter="${filter:+($filter)&}Category!=Containers"
fi

failed_projects=()
for project in "${projects[@]}"; do
  say "running GoldenPath.$project${filter:+ (filter: $filter)}"
  args=(test "tests/GoldenPath.$project/GoldenPath.$project.csproj" --no-build -c "$configuration" -nologo
        --results-directory "$results" --logger "trx;LogFileName=GoldenPath.$project.trx"
        --logger "junit;LogFilePath=$results/GoldenPath.$project.junit.xml;MethodFormat=Class;FailureBodyFormat=Verbose"
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
