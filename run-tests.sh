#!/usr/bin/env bash
# Bootstraps the runner (tools/GoldenPath.Runner) and hands it every argument; it does the rest: installing what a run
# needs, building, the stack, the specs, the reports. ./run-tests.sh --help lists its commands and options.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
say() { printf 'run-tests: %s\n' "$*" >&2; }

if ! command -v dotnet >/dev/null; then
  say "dotnet is not on PATH: install the .NET 10 SDK (https://dot.net; Debian/Ubuntu: https://learn.microsoft.com/dotnet/core/install/linux)"
  exit 2
fi
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# The runner runs from a copy of its build, so the suite's build can rewrite tools/GoldenPath.Runner/bin under it.
project="$root/tools/GoldenPath.Runner"
copy="$project/obj/runner"
case " $* " in *" --no-build "*) build=0 ;; *) build=1 ;; esac
if [ $build = 1 ] || [ ! -f "$copy/GoldenPath.Runner.dll" ]; then
  output=$(dotnet build "$project/GoldenPath.Runner.csproj" -c Debug -nologo -clp:ErrorsOnly -v:quiet 2>&1) \
    || { printf '%s\n' "$output" >&2; say "the runner (tools/GoldenPath.Runner) did not build: see the errors above"; exit 2; }
  rm -rf "$copy" && cp -R "$project/bin/Debug/net10.0" "$copy" || { say "could not copy the runner to $copy"; exit 2; }
fi
exec dotnet "$copy/GoldenPath.Runner.dll" "$@"
