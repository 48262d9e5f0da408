#!/usr/bin/env bash
# Checks the operations files: docker-compose.yml (docker-compose config), the Prometheus
# configuration, the alert rules with their unit tests (promtool), the Alertmanager configuration and
# its routes (amtool), each alert's runbook entry, and the Grafana dashboards (the
# committed JSON is what the generator writes; every query parses). Run by 'mvn verify' when
# promtool is installed, and always by CI.
# Each check runs only when its tools are here: a missing tool skips that check with a line saying
# so and never fails the build; a check that runs and fails does.
# Compose: 'docker-compose' (v1) if on PATH, else 'docker compose' (v2) if 'docker compose version' works.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
  echo "SKIPPED: $1"
}

compose=()
if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
fi
has_promtool=false
if command -v promtool >/dev/null 2>&1; then
  has_promtool=true
fi
has_python3=false
if command -v python3 >/dev/null 2>&1 && python3 -c '' >/dev/null 2>&1; then
  has_python3=true
fi

if ((${#compose[@]} > 0)); then
  "${compose[@]}" --env-file ops/compose-check.env config -q
  "${compose[@]}" --env-file ops/compose-check.env -f docker-compose.yml -f ops/compose/kafka-tools.yml config -q
  echo "docker-compose.yml: valid (${compose[*]} config)"
else
  skip "docker-compose.yml check: neither 'docker-compose' nor 'docker compose' is installed"
fi

if $has_promtool; then
  promtool check config --syntax-only ops/prometheus/prometheus.yml
  bash ops/check-rules.sh
else
  skip "Prometheus configuration and alert rules checks: promtool is not installed"
fi

# every alert rule has its entry in the runbook its annotations point to
for alert in $(sed -n 's/^ *- alert: //p' ops/prometheus/rules/*.yml); do
  grep -q "\*\*\`$alert\`\*\*" docs/OPERATIONS.md \
    || { echo "docs/OPERATIONS.md: no entry for the alert $alert under 'Alerts: what each means and what to do'"; exit 1; }
done
echo "alert rules: each has its entry in docs/OPERATIONS.md"

if command -v amtool >/dev/null 2>&1; then
  amtool check-config ops/alertmanager/alertmanager.yml
  # followup's per-case pages and the rules' pages reach on-call; the watchdog reaches the heartbeat, the
  # triage-quality alerts the triage owners
  route() {
    amtool config routes test --config.file=ops/alertmanager/alertmanager.yml "$@" 2>/dev/null
  }
  for labels in "alertname=ComplaintMilestoneBreach severity=page" "alertname=ComplaintEscalation severity=page" \
      "alertname=ComplaintServiceDown severity=page" "alertname=ComplaintConsumerLagHigh severity=warning"; do
    # shellcheck disable=SC2086
    [ "$(route $labels)" = "on-call" ] || { echo "alertmanager.yml: $labels does not reach on-call"; exit 1; }
  done
  [ "$(route alertname=ComplaintAlertingWatchdog severity=none)" = "heartbeat" ] \
    || { echo "alertmanager.yml: the watchdog does not reach the heartbeat receiver"; exit 1; }
  for alert in ComplaintTriageSuggestionsTakenUnread ComplaintTriageCorrectionsRising ComplaintTriageUnsureRising ComplaintTriageRetrainingDue; do
    [ "$(route alertname=$alert severity=info team=triage field=category)" = "triage-owners" ] \
      || { echo "alertmanager.yml: $alert does not reach the triage-owners receiver"; exit 1; }
  done
  echo "alertmanager.yml: valid, routes as documented (amtool)"
else
  skip "Alertmanager configuration check: amtool is not installed"
fi

if $has_promtool && $has_python3; then
  bash ops/grafana/check-dashboards.sh
elif $has_python3; then
  skip "Grafana dashboards check: promtool is not installed"
elif $has_promtool; then
  skip "Grafana dashboards check: python3 is not installed"
else
  skip "Grafana dashboards check: promtool and python3 are not installed"
fi
