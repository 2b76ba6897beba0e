#!/usr/bin/env bash
# Builds the watch image (deploy/watch/Dockerfile): publishes the runner, gathers environments/ and dialects/, and builds
# FROM the local .NET runtime image (no registry needed) unless --base names another.
#
#   deploy/watch/build-image.sh [--tag goldenpath/watch:dev] [--base IMAGE]
#
# The local runtime image comes from stack/containers/build-images.sh --images local (a Debian base from debootstrap and
# the host's .NET runtime); run that first. Needs a Docker engine.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
tag=goldenpath/watch:dev base=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag=$2; shift 2 ;;
    --base) base=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-image: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
say() { printf 'build-image: %s\n' "$*"; }

if [ -z "$base" ]; then
  # goldenpath/dotnet by name, never by label alone: an image built FROM it (this watch image too) inherits the label.
  base=$(docker image ls goldenpath/dotnet --filter label=goldenpath.image=dotnet --filter dangling=false --format '{{.Repository}}:{{.Tag}}' | head -n 1)
  [ -n "$base" ] || { say "no local .NET runtime image (label goldenpath.image=dotnet): run stack/containers/build-images.sh --images local first, or pass --base mcr.microsoft.com/dotnet/runtime:10.0 where a registry answers"; exit 1; }
fi

context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
say "publishing the runner"
dotnet publish "$root/tools/GoldenPath.Runner/GoldenPath.Runner.csproj" -c Release -o "$context/runner" -nologo -v:quiet >/dev/null
cp -R "$root/environments" "$root/dialects" "$context/"
say "building $tag FROM $base"
docker build -f "$here/Dockerfile" --build-arg "BASE_IMAGE=$base" -t "$tag" "$context"
say "built $tag: docker run --rm -p 127.0.0.1:9464:9464 -e GOLDENPATH__Endpoints__Auth=... $tag --interval 60 --metrics-listen 0.0.0.0:9464 --location NAME"
