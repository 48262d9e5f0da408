#!/usr/bin/env bash
# The sentence-embedding experiment of triage training (docs/triage-accuracy-log.md, "Sentence embeddings"): computes the
# embedding of every labelled text with LangChain4j's in-process ONNX models, quantised: all-MiniLM-L6-v2 for English,
# bge-small-zh-v1.5 for Chinese (Maven profile `embeddings`, test scope: never in the service) on one thread,
# writes them to triage-service/target/embeddings and prints the cost (load time, heap, CPU ms per text).
# Then cross-validate with them (no model files are written):
#   JAVA_TOOL_OPTIONS="-Dtriage.train.embeddings=triage-service/target/embeddings -Dtriage.train.embeddings.scale=1" \
#     bench/triage-train.sh --report /tmp/with-embeddings.md
# --static words|chars: instead, a static embedding distilled from the model (each token embedded once, a text the
# SIF-weighted mean of its tokens; docs/triage-accuracy-log.md, "A static embedding").
# Usage: bench/triage-embed.sh [--data ../shared/data] [--labels DIR] [--out DIR] [--whole-text | --static words|chars]
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(MAVEN_ARGS="${MAVEN_ARGS:-} -Pembeddings" dev/test-classpath.sh triage-service)
exec java -Xmx1g -cp "$CP" com.complaintflow.triage.model.training.EmbedCommand "$@"
