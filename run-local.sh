#!/usr/bin/env bash
# Runs the whole system on embedded defaults: a real Kafka broker (KRaft, child JVM), a MongoDB wire
# server (H2 files under ./data) and the four services on ports 8081-8084. Needs only JDK 17+ (./mvnw fetches Maven).
# Builds first when any source changed since the last build. Ctrl-C stops everything.
#   ./run-local.sh              the services share one JVM (fastest start, least memory)
#   ./run-local.sh --processes  the database, the broker and each service in its own JVM (logs in data/logs)
#   ./run-local.sh --smoke      start on a fresh temporary data folder, post the README's complaint, wait until
#                               analytics counts it once, stop; exit 0 or 1 (CI runs it; combines with --processes)
set -euo pipefail
cd "$(dirname "$0")"
classpath=$(dev/build-if-needed.sh local-stack)
exec java ${JAVA_OPTS:--Xms512m -Xmx2g} -cp "$classpath" com.complaintflow.localstack.LocalStack "$@"
