#!/usr/bin/env bash
# Triage accuracy: per-field accuracy, confusion matrices and misses on the labelled set, then the
# category/playbook distribution and fallback rates on the real complaints in ../shared/data.
# Usage: bench/triage-eval.sh [rules-file.yml]   (default: the bundled rules)
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(dev/test-classpath.sh triage-service)
java -cp "$CP" com.complaintflow.triage.rules.TriageEvaluation "$@"
if [ -d ../shared/data ]; then
  java -Dtriage.data.dir=../shared/data -cp "$CP" com.complaintflow.triage.rules.RealComplaints "${SAMPLE:-10}"
fi
