#!/usr/bin/env bash
# Builds the images the containers stack runs and writes the manifest it reads
# (stack/containers/.build/images-<source>-<configuration>.env).
#
#   --images local      no registry needed: a Debian base from debootstrap (docker import), then
#                       PostgreSQL, Redis and the .NET runtime on it, then auth and backend
#   --images registry   postgres:15.1 and redis:7.0 (the Testcontainers modules' defaults) are
#                       pulled; auth and backend are built FROM mcr.microsoft.com/dotnet/aspnet:10.0
#
# Every image is tagged with a hash of its inputs (its Dockerfile, what it copies, its base), so
# a rerun with unchanged inputs builds nothing. Safe to run concurrently (a lock serialises runs).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
source_kind=${GOLDENPATH__Containers__Images:-local}
configuration=Debug
build=1

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  echo "usage: build-images.sh [--images local|registry] [--configuration Debug|Release] [--no-build]"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --images) source_kind=${2:-}; shift 2 ;;
    --configuration|-c) configuration=${2:-}; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-images: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
source_kind=$(printf '%s' "$source_kind" | tr '[:upper:]' '[:lower:]')
case "$source_kind" in local|registry) ;; *) echo "build-images: --images must be local or registry (got '$source_kind')" >&2; exit 2 ;; esac

say() { printf 'build-images: %s\n' "$*"; }
fail() { say "$*"; exit 1; }
hash_of() { sha256sum | cut -c1-12; }
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

started=$(date +%s)
built=() cached=()

# Why no engine answers, in the words the containers stack uses (the socket, permission, the daemon, the API version).
engine_problem() { # $1: what docker version said
  local socket
  case "${DOCKER_HOST:-unix:///var/run/docker.sock}" in unix://*) socket=${DOCKER_HOST:-unix:///var/run/docker.sock}; socket=${socket#unix://} ;; *) socket="" ;; esac
  if [ -n "$socket" ] && [ ! -e "$socket" ]; then
    echo "no Docker engine: the Docker socket was not found ($socket)
  fix: install and start it: apt-get install docker.io, then dockerd >/var/log/dockerd.log 2>&1 & (or systemctl start docker)"
  elif printf '%s' "$1" | grep -q -i 'permission denied'; then
    echo "no Docker engine: permission denied on ${socket:-$DOCKER_HOST} (user $(id -un))
  fix: add the user to the docker group (sudo usermod -aG docker \$USER, then log in again), or run as root"
  elif printf '%s' "$1" | grep -q -i -e 'too new' -e 'too old' -e 'api version'; then
    echo "the Docker engine cannot be used: API version mismatch: $(printf '%s' "$1" | tail -n 1)
  fix: unset DOCKER_API_VERSION, or set it to what the engine speaks; or upgrade the engine"
  else
    echo "no Docker engine: the Docker daemon is not answering at ${DOCKER_HOST:-unix:///var/run/docker.sock}: $(printf '%s' "$1" | tail -n 1)
  fix: start or restart it: dockerd >/var/log/dockerd.log 2>&1 & (or systemctl restart docker)"
  fi
}

command -v docker >/dev/null || fail "the docker CLI is not on PATH: apt-get install docker.io (.ci/run does)"
engine=$(docker version --format '{{.Server.Version}}' 2>&1) || fail "$(engine_problem "$engine")"
export DOCKER_BUILDKIT=0 # the engine may predate BuildKit's defaults; the classic builder works everywhere

work="$here/.build"
mkdir -p "$work"
exec 9>"$work/.lock"
flock 9

say "images from the $source_kind source, services from the $configuration build, Docker engine $engine"

# $1 tag, $2 Dockerfile, $3 context, rest: docker build arguments
build_image() {
  local tag=$1 dockerfile=$2 context=$3 clock log
  shift 3
  if image_exists "$tag"; then
    cached+=("$tag")
    return
  fi
  say "building $tag ($(basename "$dockerfile"))"
  clock=$(date +%s)
  log="$work/build-${tag//[\/:]/-}.log"
  if ! docker build --force-rm -f "$dockerfile" -t "$tag" "$@" "$context" >"$log" 2>&1; then
    say "building $tag failed; the end of its log ($log):"
    tail -n 25 "$log" | sed 's/^/  /'
    exit 1
  fi
  rm -f "$log"
  built+=("$tag")
  say "built $tag in $(( $(date +%s) - clock )) s"
}

# $1 repository, $2 tag to keep, rest: extra filters. Removes older builds that nothing runs.
prune_older() {
  local repository=$1 keep=$2 old
  shift 2
  for old in $(docker images "$repository" "$@" --format '{{.Repository}}:{{.Tag}}'); do
    [ "$old" = "$keep" ] || docker rmi "$old" >/dev/null 2>&1 || true
  done
}

# --- the services' framework-dependent publish output --------------------------------------
publish_options=(-c "$configuration" -p:UseAppHost=false --nologo -v:quiet)
[ $build = 1 ] || publish_options+=(--no-build)
publish() { # $1 short name, $2 project
  local out="$work/$configuration/$1"
  rm -rf "$out/app"
  mkdir -p "$out"
  dotnet publish "$root/stack/$2/$2.csproj" -o "$out/app" "${publish_options[@]}" >"$out/publish.log" 2>&1 \
    || { say "dotnet publish $2 failed:"; tail -n 25 "$out/publish.log" | sed 's/^/  /'; exit 1; }
}
clock=$(date +%s)
# One after the other: both build GoldenPath.Platform.Common.
publish auth GoldenPath.AuthService
publish backend GoldenPath.Backend
say "published auth and backend ($configuration$([ $build = 0 ] && echo ', no build')) in $(( $(date +%s) - clock )) s"

# The fingerprint the stack provider compares with the build it runs from, to catch stale images.
fingerprint() { # $1 dir
  (cd "$1" && for f in $(ls GoldenPath.*.dll | LC_ALL=C sort); do printf '%s %s\n' "$f" "$(sha256sum <"$f" | cut -d' ' -f1)"; done) | sha256sum | cut -d' ' -f1
}
content_hash() { # $1 dir
  (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | hash_of
}

# --- postgres, redis and the runtime -----------------------------------------------------------
if [ "$source_kind" = registry ]; then
  postgres_image=postgres:15.1 redis_image=redis:7.0 runtime_image=mcr.microsoft.com/dotnet/aspnet:10.0
  for image in $postgres_image $redis_image $runtime_image; do
    if image_exists "$image"; then cached+=("$image"); continue; fi
    say "pulling $image"
    docker pull -q "$image" >/dev/null || fail "could not pull $image: no registry answers?
  fix: use the local source (build-images.sh --images local; environment setting containers.images = Local)"
    built+=("$image")
  done
else
  base_image="goldenpath/base:$(hash_of <"$here/base-rootfs.sh")"
  if image_exists "$base_image"; then
    cached+=("$base_image")
  else
    say "building $base_image: debootstrap + docker import (2 to 5 minutes the first time, mostly the download)"
    clock=$(date +%s)
    rootfs=$(mktemp -d /var/tmp/goldenpath-rootfs.XXXXXX)
    trap 'rm -rf "$rootfs" "$rootfs.debootstrap.log"' EXIT
    rmdir "$rootfs"
    "$here/base-rootfs.sh" "$rootfs"
    tar -C "$rootfs" -c . | docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'ENV LANG=C.UTF-8' \
      --change 'LABEL goldenpath.image=base' - "$base_image" >/dev/null
    rm -rf "$rootfs"
    built+=("$base_image")
    say "built $base_image in $(( $(date +%s) - clock )) s"
    prune_older goldenpath/base "$base_image"
  fi

  postgres_image="goldenpath/postgres:$(cat "$here/Dockerfile.postgres" "$here/postgres-entrypoint.sh" <(echo "$base_image") | hash_of)"
  build_image "$postgres_image" "$here/Dockerfile.postgres" "$here" --build-arg "BASE_IMAGE=$base_image" --label goldenpath.image=postgres
  redis_image="goldenpath/redis:$(cat "$here/Dockerfile.redis" <(echo "$base_image") | hash_of)"
  build_image "$redis_image" "$here/Dockerfile.redis" "$here" --build-arg "BASE_IMAGE=$base_image" --label goldenpath.image=redis

  # The host's ASP.NET Core runtime (newest 10.0 of each part), copied only when the image is built.
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  newest() { find "$1" -mindepth 1 -maxdepth 1 -name '10.0.*' -printf '%f\n' 2>/dev/null | sort -V | tail -n 1; }
  runtime_parts=(dotnet "host/fxr/$(newest "$dotnet_root/host/fxr")"
                 "shared/Microsoft.NETCore.App/$(newest "$dotnet_root/shared/Microsoft.NETCore.App")"
                 "shared/Microsoft.AspNetCore.App/$(newest "$dotnet_root/shared/Microsoft.AspNetCore.App")")
  for part in "${runtime_parts[@]}"; do
    case "$part" in */) fail "no .NET 10 runtime part under $dotnet_root/${part%/}: install the .NET 10 SDK or runtime" ;; esac
  done
  runtime_image="goldenpath/dotnet:$( (cat "$here/Dockerfile.dotnet"; echo "$base_image"; cd "$dotnet_root" && find "${runtime_parts[@]}" -type f -printf '%p %s\n' | LC_ALL=C sort) | hash_of)"
  if ! image_exists "$runtime_image"; then
    rm -rf "$work/dotnet" && mkdir -p "$work/dotnet/dotnet"
    (cd "$dotnet_root" && cp -a --parents "${runtime_parts[@]}" "$work/dotnet/dotnet/")
    cp "$here/Dockerfile.dotnet" "$work/dotnet/"
  fi
  build_image "$runtime_image" "$work/dotnet/Dockerfile.dotnet" "$work/dotnet" --build-arg "BASE_IMAGE=$base_image" --label goldenpath.image=dotnet
  rm -rf "$work/dotnet"
  for role in postgres redis dotnet; do
    current_var="${role}_image"; [ $role = dotnet ] && current_var=runtime_image
    prune_older "goldenpath/$role" "${!current_var}"
  done
fi

# --- auth and backend ----------------------------------------------------------------------
declare -A service_image service_fingerprint
for service in auth backend; do
  assembly=$([ $service = auth ] && echo GoldenPath.AuthService || echo GoldenPath.Backend)
  app="$work/$configuration/$service/app"
  tag="goldenpath/$service:$( (cat "$here/Dockerfile.service"; echo "$runtime_image"; content_hash "$app") | hash_of)"
  build_image "$tag" "$here/Dockerfile.service" "$work/$configuration/$service" \
    --build-arg "RUNTIME_IMAGE=$runtime_image" --build-arg "ASSEMBLY=$assembly" \
    --label goldenpath.image=$service --label "goldenpath.configuration=$configuration" --label "goldenpath.images=$source_kind"
  prune_older "goldenpath/$service" "$tag" --filter "label=goldenpath.configuration=$configuration" --filter "label=goldenpath.images=$source_kind"
  service_image[$service]=$tag
  service_fingerprint[$service]=$(fingerprint "$app")
done

manifest="$work/images-$source_kind-$configuration.env"
cat >"$manifest.tmp" <<MANIFEST
# Written by stack/containers/build-images.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ); read by the containers stack.
source=$source_kind
configuration=$configuration
postgres=$postgres_image
redis=$redis_image
auth=${service_image[auth]}
backend=${service_image[backend]}
auth.fingerprint=${service_fingerprint[auth]}
backend.fingerprint=${service_fingerprint[backend]}
MANIFEST
mv "$manifest.tmp" "$manifest"

say "built: ${built[*]:-nothing}"
say "cached: ${cached[*]:-nothing}"
say "images ready in $(( $(date +%s) - started )) s; manifest $manifest"
