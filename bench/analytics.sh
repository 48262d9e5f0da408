#!/bin/sh
# Analytics benchmark: events ingested per second (real broker, Mongo wire server) and the summary
# query over rollups of 10,000,000 complaints. Usage: bench/analytics.sh [complaints] [rollup complaints]
set -eu
cd "$(dirname "$0")/.."
cp=$(dev/test-classpath.sh analytics-service)
exec java -Xmx4g -XX:+UseParallelGC -cp "$cp" com.complaintflow.analytics.rollup.AnalyticsBenchmark "$@"
