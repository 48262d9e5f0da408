#!/usr/bin/env bash
# Wire-server benchmark: conditional single-document updates per second ({_id, version}: an optimistic save or a
# lease claim) as the collection grows, mongo-java-server's plain backend against ours (the _id index answers
# any query naming one _id). Usage: bench/wire-server.sh [DOCUMENTS ...]   (default: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
exec java -Xmx2g -cp "$(dev/test-classpath.sh dev/wire-server)" \
  com.complaintflow.wireserver.WireServerBenchmark "$@"
