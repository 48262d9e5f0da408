#!/bin/sh
# Analytics benchmark: events ingested per second by one instance of the Kafka Streams application
# (real broker, Mongo wire server, both in the benchmark's JVM), the time until the rollups in MongoDB
# are complete and exact, and the summary query over rollups of 10,000,000 complaints.
# Usage: [JFR=file.jfr] bench/analytics.sh [complaints] [rollup complaints, 0 skips] [span of the complaints, ISO: P30D, PT1H]
# HEAP=12g gives the benchmark's JVM more heap than the default 4g (a million complaints: their
# timelines sit in the in-memory wire server).
# WIRE_FILE=target/bench.mv keeps the wire server's documents in that H2 file instead of the heap
# (a million complaints' timelines take more than 16 GB of heap in memory; the file is deleted before
# and after the run).
# JFR=file.jfr records a Flight Recorder profile of the run (settings=profile; read it with
# `jfr print --events jdk.ExecutionSample file.jfr` or `jfr summary file.jfr`).
set -eu
cd "$(dirname "$0")/.."
cp=$(dev/test-classpath.sh analytics-service)
wire=${WIRE_FILE:+-Dcomplaintflow.test.wire-server-file=$WIRE_FILE}
[ -z "${WIRE_FILE:-}" ] || rm -f "$WIRE_FILE"
jfr=${JFR:+-XX:StartFlightRecording=settings=profile,filename=$JFR}
status=0
java -Xmx${HEAP:-4g} -XX:+UseParallelGC $jfr $wire -cp "$cp" com.complaintflow.analytics.rollup.AnalyticsBenchmark "$@" || status=$?
[ -z "${WIRE_FILE:-}" ] || rm -f "$WIRE_FILE"
exit $status
