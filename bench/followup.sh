#!/usr/bin/env bash
# Follow-up benchmark: pending milestones in the MongoDB wire server (memory backend), case
# creation throughput through Kafka, reminder lateness p50/p99/max, lost or doubled reminders,
# and the service's heap. The broker and the wire server run in a second JVM.
# Usage: bench/followup.sh [milestones=1000000] [kafkaCases=10000] [dueReminders=20000] [windowSeconds=60] [lookahead=1s]
# Environment: FOLLOWUP_BENCH_HEAP (service JVM, default 512m), FOLLOWUP_BENCH_INFRA_HEAP (default 8g),
# FOLLOWUP_BENCH_BACKEND=plain (mongo-java-server's memory backend without the wire-server module's _id lookup).
set -euo pipefail
cd "$(dirname "$0")/.."
CLASSPATH_BUILT=$(dev/test-classpath.sh followup-service)
# Run from a copy of the classes, so a rebuild during the run cannot change them under the JVM.
COPY=$(mktemp -d)
trap 'rm -rf "$COPY"' EXIT
cp -r followup-service/target/classes "$COPY/classes"
cp -r followup-service/target/test-classes "$COPY/test-classes"
CP="$COPY/test-classes:$COPY/classes:${CLASSPATH_BUILT#*/target/classes:}"
java -Xmx"${FOLLOWUP_BENCH_HEAP:-512m}" -cp "$CP" com.complaintflow.followup.bench.FollowupBenchmark "$@"
