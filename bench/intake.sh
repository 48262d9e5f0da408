#!/usr/bin/env bash
# Intake benchmark against the embedded stack (in-process KRaft broker + MongoDB wire server).
# Usage: bench/intake.sh [-Dbench.seconds=15] [-Dbench.warmup=20] [-Dbench.concurrency=64] [-Dbench.rates=1000,5000] [-Dbench.jfr=/tmp/intake.jfr]
# Prints accepted complaints/s at saturation and p50/p99 at fixed rates. See docs/benchmarks/intake.md.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${BENCH_DATA:-$(pwd)/../shared/data}"
if [ ! -f "$data/comcast-fcc-2015-dev.csv" ]; then
  echo "bench/intake.sh sends real complaint texts: set BENCH_DATA to the folder with comcast-fcc-2015-dev.csv" \
    "(the team's ../shared/data); no such file in $data, so nothing was measured."
  exit 0
fi
CP=$(dev/test-classpath.sh intake-service)
exec java -Xmx1g -XX:+UseParallelGC "$@" \
  -Dbench.data="$data" \
  -cp "$CP" \
  com.complaintflow.intake.bench.IntakeBenchmark
