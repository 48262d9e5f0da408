#!/usr/bin/env bash
# Triage accuracy: per-field accuracy, confusion matrices and misses on the labelled set, then the
# category/playbook distribution and fallback rates on the real complaints in ../shared/data.
# Usage: bench/triage-eval.sh [rules-file.yml]   (default: the bundled rules)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl triage-service -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/triage-bench.classpath -Dmdep.includeScope=test
CP="triage-service/target/classes:triage-service/target/test-classes:$(cat triage-service/target/triage-bench.classpath)"
java -cp "$CP" com.complaintflow.triage.rules.TriageEvaluation "$@"
if [ -d ../shared/data ]; then
  java -Dtriage.data.dir=../shared/data -cp "$CP" com.complaintflow.triage.rules.RealComplaints "${SAMPLE:-10}"
fi
