#!/usr/bin/env bash
# Decisions per second of one triage instance: the rule engine alone, rules with the learned models
# (load time, heap, CPU per decision median/p99 over the real texts in ../shared/data), then the whole
# service through an embedded Kafka broker and the MongoDB wire server.
# Usage: bench/triage-bench.sh [engine] [model] [kafka]
# Tunables: -Dbench.seconds=10 -Dbench.complaints=20000 -Dbench.concurrency=1 -Dbench.regions=200 -Dbench.wire=h2 (the wire
# server's H2 file backend instead of the in-memory one) -Dbench.maxPollRecords=500 via BENCH_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(dev/test-classpath.sh triage-service)
exec java -Xmx1g -Dtriage.data.dir=../shared/data ${BENCH_OPTS:-} -cp "$CP" com.complaintflow.triage.bench.TriageBenchmark "$@"
