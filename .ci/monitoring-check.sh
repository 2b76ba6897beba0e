#!/usr/bin/env bash
# deploy/monitoring checked by the tools themselves (docs/monitoring.md): promtool check config and rules, promtool's unit
# tests of the alert rules (each alert fires on its series, and not before), and amtool check-config. The check that every
# metric the rules and the dashboard use is one the runner exports is a unit test (tests/GoldenPath.UnitTests/Monitoring).
# Needs prometheus (promtool) and prometheus-alertmanager (amtool): ./run-tests.sh setup installs them for the E2E layer.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../deploy/monitoring"
say() { printf 'monitoring-check: %s\n' "$*"; }

status=0
for tool in promtool:prometheus amtool:prometheus-alertmanager; do
  command -v "${tool%%:*}" >/dev/null || { say "${tool%%:*} is missing: sudo apt-get install ${tool#*:}"; exit 1; }
done
say "$(promtool --version 2>&1 | head -n 1); $(amtool --version 2>&1 | head -n 1)"

check() { # WHAT COMMAND...
  local what=$1
  shift
  say "$what: $*"
  "$@" 2>&1 | sed 's/^/  /'
  [ "${PIPESTATUS[0]}" -eq 0 ] || { say "FAILED: $what"; status=1; }
}
check "Prometheus config" promtool check config prometheus.yml
check "alert rules" promtool check rules goldenpath-rules.yml
check "alert rules' unit tests" promtool test rules goldenpath-rules.test.yml
check "Alertmanager config" amtool check-config alertmanager.yml

say "$( [ $status = 0 ] && echo passed || echo FAILED)"
exit $status
