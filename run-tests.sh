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

# The runner runs from a copy of its build (obj/runner-<checksum>), so the suite's build can rewrite bin/ under it. Several
# run-tests may start at once in one checkout: a copy is never changed once made; a new build goes to a new copy, and
# obj/runner-current (the name of the copy to run) is replaced by a rename. Each runner holds a shared lock on its copy's
# .in-use file (inherited through exec), and a copy is deleted only when no runner holds it. Building takes
# obj/runner-build.lock, so two shims never build the runner at the same moment.
project="$root/tools/GoldenPath.Runner"
obj="$project/obj"
current="$obj/runner-current"
lock() { # FD -x|-s [-n]: flock(1), or perl's flock on the same open file where flock(1) is missing (macOS)
  if command -v flock >/dev/null; then flock -w 300 "$2" ${3:-} "$1"
  else perl -MFcntl=:flock -e 'open(my $f, "+<&=", $ARGV[0]) or exit 1; alarm 300; flock($f, ($ARGV[1] eq "-x" ? LOCK_EX : LOCK_SH) | ($ARGV[2] ? LOCK_NB : 0)) or exit 1' "$1" "$2" "${3:-}"; fi
}
copy_to_run() { local name; name=$(cat "$current" 2>/dev/null) && [ -f "$obj/$name/GoldenPath.Runner.dll" ] && printf '%s' "$obj/$name"; }

case " $* " in *" --no-build "*) build=0 ;; *) build=1 ;; esac
if [ $build = 1 ] || ! copy_to_run >/dev/null; then
  mkdir -p "$obj" && exec 8<>"$obj/runner-build.lock" || { say "cannot create $obj/runner-build.lock"; exit 2; }
  lock 8 -x -n || { say "waiting for another run-tests to finish building the runner (up to 5 min)"; lock 8 -x; } \
    || { say "another run-tests has been building the runner for 5 min: stop it, or try again"; exit 2; }
  output=$(dotnet build "$project/GoldenPath.Runner.csproj" -c Debug -nologo -clp:ErrorsOnly -v:quiet 2>&1) \
    || { printf '%s\n' "$output" >&2; say "the runner (tools/GoldenPath.Runner) did not build: see the errors above"; exit 2; }
  bin="$project/bin/Debug/net10.0"
  name="runner-$(cd "$bin" && find . -type f | LC_ALL=C sort | xargs cat | cksum | cut -d' ' -f1)"
  if [ ! -f "$obj/$name/GoldenPath.Runner.dll" ]; then
    rm -rf "$obj/$name.tmp" && cp -R "$bin" "$obj/$name.tmp" && : >"$obj/$name.tmp/.in-use" && mv "$obj/$name.tmp" "$obj/$name" \
      || { say "could not copy the runner to $obj/$name"; exit 2; }
  fi
  printf '%s\n' "$name" >"$current.$$" && mv -f "$current.$$" "$current" || { say "could not write $current"; exit 2; }
  for old in "$obj"/runner-*/; do # the copies no runner runs from any more
    [ "$(basename "$old")" = "$name" ] || ( exec 7<>"$old/.in-use" && lock 7 -x -n && rm -rf "$old" ) 2>/dev/null
  done
  exec 8>&-
fi

# A copy replaced (and deleted) between reading its name and locking it: read the name again.
for _ in 1 2 3; do
  if dir=$(copy_to_run) && { exec 9<>"$dir/.in-use"; } 2>/dev/null && lock 9 -s && [ -f "$dir/GoldenPath.Runner.dll" ]; then
    exec dotnet "$dir/GoldenPath.Runner.dll" "$@"
  fi
  exec 9>&-
done
say "could not start the runner from $(cat "$current" 2>/dev/null || echo "$current"): run without --no-build to rebuild it"
exit 2
