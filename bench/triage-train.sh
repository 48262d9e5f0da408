#!/usr/bin/env bash
# Trains the triage model: converts the labellers' files (if a directory of them is given with
# LABELS_IN=...) into the label store, cross-validates per language (rules alone, model alone, the
# combination), writes docs/triage-model-evaluation.md, then trains on all labels and writes the model
# files beside the rules (triage-service/src/main/resources/rules/models).
# The hand-written sets 1-3, 5, 7 and 8 (triage-service/src/test/resources/eval) train too; sets 4, 6 and 9 are only scored.
# Usage: bench/triage-train.sh [--corrections corrections.jsonl] [--folds 5] [--no-cv] [--data ../shared/data]
#        [--written a.psv,b.psv] [--written-test c.psv,d.psv] [--no-written]
#        [--disagreements FILE]  (JSON Lines of held-out rows whose decision differs from the label: rows to re-read in a label review)
#        [--models DIR] [--report FILE] [--no-models]
#        [--in-force DIR | --choose-anew]  (each field keeps the operating point of the models in force, default the bundled ones,
#                                           unless a new one is better by more than -Dtriage.train.keep-margin=0.005)
# Staff corrections: curl --fail -sS -u supervisor:... localhost:8082/api/v1/triage/corrections -o corrections.jsonl (docs/OPERATIONS.md, Retraining)
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(dev/test-classpath.sh triage-service)
if [ -n "${LABELS_IN:-}" ]; then
  java -cp "$CP" com.complaintflow.triage.model.training.LabelImport "$LABELS_IN" triage-service/training/labels
fi
exec java -Xmx2g -cp "$CP" com.complaintflow.triage.model.training.TrainCommand "$@"
