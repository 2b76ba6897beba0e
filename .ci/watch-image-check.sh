#!/usr/bin/env bash
# Watch as a service, proven (issue 20, point 4): deploy/watch/build-image.sh builds the image FROM the local .NET runtime
# image (built by stack/containers/build-images.sh before this runs), the container watches a reference stack started
# on its own (as it would watch staging: a Remote environment, URLs from GOLDENPATH__Endpoints__*), its /metrics must
# say goldenpath_up 1 within 90 s, and `docker stop` (SIGTERM, as a rollout sends) must end it with exit 0.
# Needs a Docker engine (.ci/run starts one). Tears down the container and the stack on any exit.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { printf 'watch-image-check: %s\n' "$*"; }
out=results/watch-image
mkdir -p "$out"
name="goldenpath-watch-check-$$"
port=${GOLDENPATH_WATCH_CHECK_PORT:-19464}
stack_up=""
cleanup() {
  docker rm -f "$name" >/dev/null 2>&1 || true
  [ -z "$stack_up" ] || ./run-tests.sh stack down >/dev/null 2>&1 || true
}
trap cleanup EXIT

deploy/watch/build-image.sh --tag goldenpath/watch:ci 2>&1 | tee "$out/build.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || { say "deploy/watch/build-image.sh failed ($out/build.txt)"; exit 1; }

./run-tests.sh stack up --no-build > "$out/stack-up.txt" 2>&1 || { cat "$out/stack-up.txt"; say "the reference stack did not start"; exit 1; }
stack_up=yes
exports=$(grep -E '^  export GOLDENPATH_ENV=staging ' "$out/stack-up.txt") || { say "stack up printed no URLs"; exit 1; }
eval "$exports"

# --network host: the stack listens on loopback; the container's metrics go to 127.0.0.1:$port. Users register (staging.json).
docker run -d --name "$name" --network host \
  -e GOLDENPATH_ENV=staging \
  -e GOLDENPATH__Endpoints__Auth="$GOLDENPATH__Endpoints__Auth" \
  -e GOLDENPATH__Endpoints__Backend="$GOLDENPATH__Endpoints__Backend" \
  -e GOLDENPATH__Endpoints__WebSocket="$GOLDENPATH__Endpoints__WebSocket" \
  goldenpath/watch:ci --interval 5 --metrics-listen "127.0.0.1:$port" --location ci-container > /dev/null \
  || { say "docker run failed"; exit 1; }

up=""
for _ in $(seq 1 90); do
  if metrics=$(curl -fsS "http://127.0.0.1:$port/metrics" 2>/dev/null) && up=$(grep -E '^goldenpath_up\{' <<<"$metrics") && grep -qE ' 1$' <<<"$up"; then
    break
  fi
  up=""
  [ "$(docker inspect -f '{{.State.Running}}' "$name" 2>/dev/null)" = true ] || break
  sleep 1
done
docker logs "$name" > "$out/watch.log" 2>&1
if [ -z "$up" ]; then
  tail -n 30 "$out/watch.log"
  say "the watch container did not report goldenpath_up 1 on 127.0.0.1:$port within 90 s ($out/watch.log)"
  exit 1
fi
{ echo "$up"; grep -E '^goldenpath_(journeys_total|preflight_check)\{' <<<"$metrics" | head -n 4; } | tee "$out/metrics.txt"

docker stop -t 30 "$name" > /dev/null
code=$(docker inspect -f '{{.State.ExitCode}}' "$name")
docker logs "$name" > "$out/watch.log" 2>&1
[ "$code" = 0 ] || { tail -n 20 "$out/watch.log"; say "docker stop (SIGTERM) ended the watch with exit $code, not 0"; exit 1; }
say "the watch image ran as a service: goldenpath_up 1 served from the container, SIGTERM → exit 0"
