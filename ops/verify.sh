#!/usr/bin/env bash
# Checks the operations files: docker-compose.yml (docker-compose config), the Prometheus
# configuration, the alert rules with their unit tests (promtool) and the Grafana dashboards (the
# committed JSON is what the generator writes; every query parses). Run by 'mvn verify' when
# promtool is installed, and always by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
docker-compose --env-file ops/compose-check.env config -q
echo "docker-compose.yml: valid"
promtool check config --syntax-only ops/prometheus/prometheus.yml
bash ops/check-rules.sh
bash ops/grafana/check-dashboards.sh
