#!/bin/sh
# Analytics benchmark: events ingested per second by one instance of the Kafka Streams application
# (real broker, Mongo wire server, both in the benchmark's JVM), the time until the rollups in MongoDB
# are complete and exact, and the summary query over rollups of 10,000,000 complaints.
# Usage: bench/analytics.sh [complaints] [rollup complaints, 0 skips] [span of the complaints, ISO: P30D, PT1H]
set -eu
cd "$(dirname "$0")/.."
cp=$(dev/test-classpath.sh analytics-service)
exec java -Xmx4g -XX:+UseParallelGC -cp "$cp" com.complaintflow.analytics.rollup.AnalyticsBenchmark "$@"
