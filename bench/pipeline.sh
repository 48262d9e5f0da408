#!/usr/bin/env bash
# Pipeline benchmark: real complaint texts posted to intake at fixed rates and at saturation through the
# multi-process stack (one JVM per service, broker and database). Prints accepted complaints/s, HTTP latency,
# 202 -> case opened and 202 -> counted in analytics latencies, consumer lag, CPU and memory per process, and the
# raw Kafka ceiling (Kafka's ProducerPerformance, same broker, same payload size).
# Usage: bench/pipeline.sh [--jfr | --compose] [SECONDS_PER_PHASE [RATE ...]]   (default: 30 s; 1000/s, 5000/s, then
#        saturation; --jfr: a JFR recording of each service, dumped at the end with its hottest methods and its shares by library printed;
#        --compose: against docker-compose.yml's stack (real Kafka and MongoDB), brought up if it is not, with the
#        credentials ops/make-env.sh printed in BENCH_HOTLINE_KEY/BENCH_STORE_KEY/BENCH_APP_KEY and BENCH_OPS_PASSWORD
#        or in the KEY=VALUE file BENCH_CREDENTIALS names: docs/BENCHMARKS.md, Pipeline)
set -euo pipefail
cd "$(dirname "$0")/.."
classpath=$(dev/build-if-needed.sh system-tests)
export COMPLAINTFLOW_SHARED_DATA="${COMPLAINTFLOW_SHARED_DATA:-$(pwd)/../shared/data}"
exec java -Xmx2g -cp "$classpath" com.complaintflow.systemtests.bench.PipelineBenchmark "$@"
