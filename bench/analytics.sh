#!/bin/sh
# Analytics benchmark: events ingested per second (real broker, Mongo wire server) and the summary
# query over rollups of 10,000,000 complaints. Usage: bench/analytics.sh [complaints] [rollup complaints]
# Builds analytics-service (complaint-events and service-support must be installed: mvn install once).
set -eu
cd "$(dirname "$0")/.."
mvn -q -pl analytics-service test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/analytics-bench.classpath
cp="analytics-service/target/test-classes:analytics-service/target/classes:$(cat analytics-service/target/analytics-bench.classpath)"
exec java -Xmx4g -XX:+UseParallelGC -cp "$cp" com.complaintflow.analytics.rollup.AnalyticsBenchmark "$@"
