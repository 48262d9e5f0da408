#!/usr/bin/env bash
# Triage accuracy: per-field accuracy, confusion matrices and misses on the ten hand-written sets (only the
# totals of sets 6 and 9, the blind tests), by the rules alone and then by the rules with the bundled models (as
# the service decides; sets 1-3, 5, 7 and 8 are the models' training data, sets 4, 6, 9 and 10 never), then the
# category/playbook distribution and fallback
# rates of the rules on the real complaints in ../shared/data.
# Usage: bench/triage-eval.sh [rules-file.yml]   (default: the bundled rules)
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(dev/test-classpath.sh triage-service)
java -cp "$CP" com.complaintflow.triage.rules.TriageEvaluation "$@"
if [ -d ../shared/data ]; then
  java -Dtriage.data.dir=../shared/data -cp "$CP" com.complaintflow.triage.rules.RealComplaints "${SAMPLE:-10}"
fi
