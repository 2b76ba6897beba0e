#!/usr/bin/env bash
# Proves the README's first command on a Debian machine that has nothing but the .NET SDK: a minimal
# bookworm root filesystem (debootstrap, cached), this machine's SDK, NuGet, apt and DNS settings copied
# in, the repository cloned inside, then `./run-tests.sh --filter Category=GoldenPath` as root in a chroot
# with a clean environment. Exits with run-tests' exit code; the log goes to the results folder.
#   .ci/fresh-machine.sh [--shell] [--keep] [--containers-setup] [--results DIR] [REPO]
#    REPO       a path or URL to clone (default: the repository holding this script, at its HEAD)
#    --shell    a login shell in the fresh copy (in the clone) instead of the run
#    --containers-setup  instead of the golden path: the machine image's docker CLI (no engine) copied in, then
#               `./run-tests.sh setup --env ci --stack containers` must install an engine (dockerd), debootstrap,
#               prometheus and prometheus-alertmanager
#    --keep     keep the throwaway copy (its path is printed)
#    --results  where the log and the suite's results go (default: results/fresh-machine)
# Needs root and debootstrap. The rootfs is cached under /var/cache/goldenpath-fresh, keyed by its package list.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
suite=bookworm
# A bare Debian plus what the .NET SDK needs (Microsoft's list for Debian 12) and git: no postgresql,
# redis-server, chromium or sudo. Change this list and the cached rootfs is rebuilt.
packages=ca-certificates,git,libc6,libgcc-s1,libgssapi-krb5-2,libicu72,libssl3,libstdc++6,tzdata,zlib1g
cache=/var/cache/goldenpath-fresh
command_line='./run-tests.sh --filter Category=GoldenPath'

shell=0 keep=0 containers=0 results="$here/results/fresh-machine" repo="$here"
while [ $# -gt 0 ]; do
  case "$1" in
    --shell) shell=1; shift ;;
    --keep) keep=1; shift ;;
    --containers-setup) containers=1; shift ;;
    --results) results=${2:?--results takes a folder}; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fresh-machine: unknown option '$1'" >&2; exit 2 ;;
    *) repo=$1; shift ;;
  esac
done

say() { printf 'fresh-machine: %s\n' "$*"; }
now() { date +%s.%N; }
took() { awk -v from="$1" -v to="$(now)" 'BEGIN { printf "%.1f s", to - from }'; }
[ "$(id -u)" = 0 ] || { say "needs root (debootstrap, mount, chroot)"; exit 2; }
command -v debootstrap >/dev/null || { say "debootstrap is not installed: apt-get install debootstrap"; exit 2; }
dotnet=$(command -v dotnet) || { say "dotnet is not on PATH: this machine's SDK is what gets copied in"; exit 2; }
sdk=$(dirname "$(readlink -f "$dotnet")")

# The Debian mirror apt uses here (deb822 .sources or one-line .list), the security suite left out.
mirror=$(for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    case "$file" in
      *.sources) awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }' "$file" ;;
      *) awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { print $i; break } }' "$file" ;;
    esac
  done | grep -v security | grep -m 1 '/debian/\?$') || { say "no Debian mirror in /etc/apt/sources.list*"; exit 2; }

# The cached rootfs. Built beside its final place and renamed, so an interrupted build is never used;
#   a lock keeps two runs from building it at once.
base="$cache/$(printf '%s\n' "$suite" "$packages" "$mirror" | sha256sum | cut -c1-16)"
mkdir -p "$base"
exec 9>"$base/lock"
flock 9
if [ ! -d "$base/rootfs" ]; then
  say "building the $suite rootfs (debootstrap --variant=minbase from $mirror; 1 to 5 minutes, mostly the download)"
  started=$(now)
  rm -rf --one-file-system "$base/partial"
  if ! debootstrap --variant=minbase --include="$packages" "$suite" "$base/partial" "$mirror" >"$base/debootstrap.log" 2>&1; then
    say "debootstrap failed; the end of $base/debootstrap.log:"; tail -n 20 "$base/debootstrap.log" >&2; exit 1
  fi
  # Like a fresh image: no downloaded .debs, no package lists (so apt-get install needs apt-get update first).
  rm -rf "$base"/partial/var/cache/apt/archives/*.deb "$base"/partial/var/cache/apt/*.bin "$base"/partial/var/lib/apt/lists/*
  mv "$base/partial" "$base/rootfs"
  say "rootfs built in $(took "$started"): $(du -sh "$base/rootfs" | cut -f1) in $base/rootfs"
fi
exec 9>&-  # not inherited by what runs inside

# The throwaway copy, and its removal whatever happens: processes still running inside (dotnet's build
#   servers outlive the build) are ended by id, everything mounted under it is unmounted, then it is deleted.
run=$(mktemp -d /var/tmp/goldenpath-fresh.XXXXXX)
root="$run/root"
cleanup() {
  local status=$? pids
  set +e
  for _ in 1 2 3 4 5; do
    pids=$(for p in /proc/[0-9]*; do [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && echo "${p#/proc/}"; done)
    [ -n "$pids" ] || break
    say "ending what still runs inside: $(echo $pids)"; kill -KILL $pids 2>/dev/null; sleep 0.5
  done
  awk -v run="$run/" 'index($2 "/", run) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do
    umount "$m" || umount -l "$m"
  done
  if awk -v run="$run/" 'index($2 "/", run) == 1' /proc/mounts | grep -q .; then
    say "something is still mounted under $run: left in place"
  elif [ $keep = 1 ]; then
    say "kept the copy: chroot $root /bin/bash (mount /proc, /sys, /dev first); rm -rf --one-file-system $run removes it"
  else
    rm -rf --one-file-system "$run"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=$(now)
cp -a "$base/rootfs" "$root"
say "rootfs copied to $root in $(took "$started")"

# What this machine gives a fresh one: its SDK (where Microsoft's package puts it), NuGet configuration
#   (not its package cache: restore must really download), CA certificates it trusts beyond Debian's
#   (a TLS-inspecting proxy's, here), apt sources and settings, DNS.
started=$(now)
mkdir -p "$root/usr/share/dotnet"
cp -a "$sdk/." "$root/usr/share/dotnet/"
ln -sf /usr/share/dotnet/dotnet "$root/usr/bin/dotnet"
say "SDK $sdk copied in $(took "$started")"
for config in "$HOME/.nuget/NuGet/NuGet.Config" "$HOME/.nuget/NuGet/config" /etc/opt/NuGet /etc/nuget; do
  [ -e "$config" ] || continue
  target="$root${config/#$HOME//root}"
  mkdir -p "$(dirname "$target")"; cp -a "$config" "$target"; say "NuGet configuration: $config"
done
if compgen -G '/usr/local/share/ca-certificates/*' >/dev/null; then
  cp -a /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null 2>&1
fi
rm -f "$root/etc/apt/sources.list"
for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
  [ -f "$file" ] && cp "$file" "$root$file"
done
# apt settings on how to reach the mirror (a proxy, a snapshot's expired Valid-Until), nothing else
for file in /etc/apt/apt.conf /etc/apt/apt.conf.d/*; do
  [ -f "$file" ] && grep -q -E '^[[:space:]]*Acquire::(Check-|https?|ftp|socks|Retries)' "$file" && cp "$file" "$root$file"
done
cp /etc/resolv.conf /etc/hosts "$root/etc/"

# Images of this kind ship a docker CLI on PATH and no engine: a setup that looks only for `docker` installs nothing.
if [ $containers = 1 ]; then
  # prometheus and prometheus-alertmanager: the E2E monitoring spec and .ci/monitoring-check.sh (docs/monitoring.md).
  command_line='./run-tests.sh setup --env ci --stack containers && for program in dockerd debootstrap prometheus prometheus-alertmanager; do command -v "$program" >/dev/null || { echo "fresh-machine: setup left no $program" >&2; exit 1; }; done && echo "fresh-machine: setup installed $(command -v dockerd), $(command -v debootstrap), $(command -v prometheus) and $(command -v prometheus-alertmanager)"'
  if cli=$(command -v docker); then
    cp "$cli" "$root/usr/local/bin/docker"
    say "the docker CLI of this machine ($cli, no engine with it) copied to /usr/local/bin/docker, as on a new machine"
  else
    printf '#!/bin/sh\necho "Docker version 28.2.2 (client only: no engine on this machine)"\n' >"$root/usr/local/bin/docker"
    chmod +x "$root/usr/local/bin/docker"
    say "a client-only docker stand-in put at /usr/local/bin/docker, as on a new machine"
  fi
fi

mount --bind /proc "$root/proc"
mount --bind /sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t tmpfs -o mode=1777 shm "$root/dev/shm"

# The clone happens inside, with the chroot's git: a local repository arrives as a bundle of its HEAD
# (and its branch), so it is what is committed that gets proven, not the working tree.
if [ -d "$repo" ]; then
  [ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ] || say "note: $repo has uncommitted changes; the run uses its HEAD"
  git -C "$repo" bundle create "$root/tmp/source.bundle" HEAD $(git -C "$repo" symbolic-ref -q HEAD || true) 2>/dev/null
  source=/tmp/source.bundle
else
  source=$repo
fi
# A clean environment: nothing of this shell's, except how NuGet is configured here (NUGET_* settings, not paths).
environment=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb CI=true)
for name in $(compgen -e | grep '^NUGET_' | grep -v -E 'PACKAGES|PATH|SCRATCH' || true); do environment+=("$name=${!name}"); done
inside() { chroot "$root" /usr/bin/env -i "${environment[@]}" /bin/bash -c "$1"; }
inside "git -c advice.detachedHead=false clone -q '$source' /root/goldenpath && git -C /root/goldenpath log -1 --format='cloned %h %s'"

if [ $shell = 1 ]; then
  environment+=("TERM=${TERM:-dumb}")
  inside "cd /root/goldenpath && exec bash -l"  # its exit code is the script's
  exit 0
fi

mkdir -p "$results"
results=$(cd "$results" && pwd)
log="$results/fresh-machine.log"
say "running '$command_line' in the chroot; log: $log"
started=$(now)
status=0
# tee ignores Ctrl-C so that what run-tests prints while it stops still reaches the terminal and the log
inside "cd /root/goldenpath && $command_line" 2>&1 | (trap '' INT; exec tee "$log") || status=$?
say "run-tests exited $status after $(took "$started")" | tee -a "$log"
rm -rf "$results/suite"
[ -d "$root/root/goldenpath/results" ] && cp -a "$root/root/goldenpath/results" "$results/suite"
exit "$status"
