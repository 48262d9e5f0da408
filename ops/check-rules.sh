#!/usr/bin/env bash
# Checks the Prometheus alert rules (promtool check rules) and runs their unit tests
# (promtool test rules); exits non-zero when either fails.
set -euo pipefail
cd "$(dirname "$0")/prometheus"
promtool check rules rules/*.yml
promtool test rules tests/*.yml
