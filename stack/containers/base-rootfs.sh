#!/usr/bin/env bash
# Makes the root filesystem of the local base image: Debian bookworm (minbase) with PostgreSQL 15,
# Redis and what the .NET runtime needs, stripped of docs, caches and the JIT-only LLVM libraries
# (PostgreSQL then runs with jit=off). The image tag hashes this file: change it and the base is rebuilt.
#   base-rootfs.sh DIR      DIR must not exist; needs root (debootstrap)
set -euo pipefail

dir=${1:?usage: base-rootfs.sh DIR}
suite=bookworm
packages=postgresql-15,redis-server,ca-certificates,libicu72

say() { printf 'base-rootfs: %s\n' "$*"; }

# The Debian mirror apt already uses on this machine (deb822 .sources or one-line .list), unless
# GOLDENPATH_DEBIAN_MIRROR names one: no host is written into the repository.
debian_mirror() {
  if [ -n "${GOLDENPATH_DEBIAN_MIRROR:-}" ]; then echo "$GOLDENPATH_DEBIAN_MIRROR"; return; fi
  local file
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    case "$file" in
      *.sources) awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }' "$file" ;;
      *) awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { print $i; break } }' "$file" ;;
    esac
  done | grep -v -e '-security' -e 'security\.' | grep -m 1 '/debian/\?$'
}

[ "$(id -u)" = 0 ] || { say "debootstrap needs root: run build-images.sh as root (CI does)"; exit 2; }
command -v debootstrap >/dev/null || { say "debootstrap is not installed: apt-get install debootstrap (.ci/run does)"; exit 2; }
mirror=$(debian_mirror) || { say "no Debian mirror found in /etc/apt/sources.list*: set GOLDENPATH_DEBIAN_MIRROR to one"; exit 2; }
[ ! -e "$dir" ] || { say "$dir already exists"; exit 2; }

say "debootstrap --variant=minbase $suite from $mirror with $packages"
log="$dir.debootstrap.log"
if ! debootstrap --variant=minbase --include="$packages" "$suite" "$dir" "$mirror" >"$log" 2>&1; then
  say "debootstrap failed; the end of its log ($log):"
  tail -n 20 "$log" | sed 's/^/  /'
  [ -f "$dir/debootstrap/debootstrap.log" ] && tail -n 20 "$dir/debootstrap/debootstrap.log" | sed 's/^/  /'
  exit 1
fi
rm -f "$log"

say "stripping docs, caches, the package cluster and the JIT-only LLVM libraries"
rm -rf "$dir"/usr/share/doc/* "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/lintian \
       "$dir"/var/cache/apt/* "$dir"/var/lib/apt/lists/* "$dir"/var/cache/debconf/*-old "$dir"/var/log/* \
       "$dir"/usr/lib/postgresql/15/lib/llvmjit* "$dir"/usr/lib/postgresql/15/lib/bitcode \
       "$dir"/var/lib/postgresql/15 "$dir"/etc/postgresql/15
find "$dir"/usr/lib -name 'libLLVM*' -delete
find "$dir"/usr/lib -name 'libz3.so*' -delete
find "$dir"/usr/share/locale -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} +
say "root filesystem ready: $(du -sh "$dir" | cut -f1)"
