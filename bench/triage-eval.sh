#!/usr/bin/env bash
# Triage accuracy: per-field accuracy, confusion matrices and misses on the seven hand-written sets,
# by the rules alone and then by the rules with the bundled models (as the service decides; sets 1-3,
# 5 and 7 are the models' training data, sets 4 and 6 never), then the category/playbook distribution and fallback
# rates of the rules on the real complaints in ../shared/data.
# Usage: bench/triage-eval.sh [rules-file.yml]   (default: the bundled rules)
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(dev/test-classpath.sh triage-service)
java -cp "$CP" com.complaintflow.triage.rules.TriageEvaluation "$@"
if [ -d ../shared/data ]; then
  java -Dtriage.data.dir=../shared/data -cp "$CP" com.complaintflow.triage.rules.RealComplaints "${SAMPLE:-10}"
fi
