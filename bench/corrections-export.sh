#!/usr/bin/env bash
# Corrections export: stores N corrections of CHARS characters in the running local stack's triage database,
# exports them through GET /api/v1/triage/corrections while sampling triage's heap every 250 ms (jstat: used
# heap, garbage not yet collected included), prints lines, bytes, seconds and the heap at rest and at its peak,
# then removes them. Needs ./run-local.sh --processes running: triage in its own JVM (-Xmx512m).
# Usage: bench/corrections-export.sh [N] [CHARS]   (default 60000 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
pid=$(pgrep -f 'triage-service-.*-exec\.jar' | head -1 || true)
if [ -z "$pid" ]; then
  echo "No triage process of its own: start ./run-local.sh --processes first" >&2
  exit 1
fi
run() { java -cp "$(dev/test-classpath.sh triage-service)" com.complaintflow.triage.bench.CorrectionExportBenchmark "$@"; }
samples=$(mktemp)
trap 'rm -f "$samples"; run remove' EXIT
run insert "${1:-60000}" "${2:-2000}"
jstat -gc "$pid" 250 > "$samples" &
sampler=$!
sleep 1
run export
sleep 1
kill "$sampler"
max=$(jcmd "$pid" VM.flags | grep -o 'MaxHeapSize=[0-9]*' | cut -d= -f2)
# used heap = survivors + eden + old, in KiB, by the column names of jstat's header
awk -v max="$max" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
     { used = ($col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]) / 1024
       if (NR == 2) rest = used
       if (used > peak) peak = used }
     END { printf "triage heap used: %.0f MB at rest, %.0f MB at its peak, of %.0f MB\n", rest, peak, max / 1048576 }' "$samples"
