#!/usr/bin/env bash
# Runs the whole system on embedded defaults: a real Kafka broker (KRaft, child JVM), a MongoDB wire
# server (H2 files under ./data) and the four services on ports 8081-8084. Needs only JDK 17+ and Maven.
# Builds first when any source changed since the last build. Ctrl-C stops everything.
#   ./run-local.sh              the services share one JVM (fastest start, least memory)
#   ./run-local.sh --processes  the database, the broker and each service in its own JVM (logs in data/logs)
set -euo pipefail
cd "$(dirname "$0")"
classpath=$(local-stack/build-if-needed.sh)
exec java ${JAVA_OPTS:--Xms512m -Xmx2g} -cp "$classpath" com.complaintflow.localstack.LocalStack "$@"
