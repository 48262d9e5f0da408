#!/usr/bin/env bash
# Compares candidate triage models' evaluation report with the report of the models in force (both written by
# bench/triage-train.sh with cross-validation): prints each combined figure of the corpus and of the written sets never
# trained on, before and after, and exits 0 (ACCEPT) when none fell beyond the noise (2 points; churn-HIGH recall 5;
# one text of a small set) and the wrong fallback to STANDARD_CARE stays within 5 %, 1 (REJECT) otherwise.
# Usage: bench/triage-compare.sh docs/triage-model-evaluation.md candidate/report.md   (docs/OPERATIONS.md, Retraining)
set -euo pipefail
reports=()
for report in "$@"; do reports+=("$(realpath -m "$report")"); done
cd "$(dirname "$0")/.."
exec java -cp "$(dev/test-classpath.sh triage-service)" com.complaintflow.triage.model.training.ReportComparison "${reports[@]}"
