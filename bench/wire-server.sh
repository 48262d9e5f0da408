#!/usr/bin/env bash
# Wire-server benchmark: conditional single-document updates per second ({_id, version}: an optimistic save or a
# lease claim) as the collection grows, mongo-java-server's plain backend against ours (the _id index answers
# any query naming one _id). Usage: bench/wire-server.sh [DOCUMENTS ...]   (default: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o -pl wire-server test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dspring-javaformat.skip=true -Dmdep.includeScope=test
exec java -Xmx2g -cp "wire-server/target/test-classes:wire-server/target/classes:$(cat wire-server/target/bench.classpath)" \
  com.complaintflow.wireserver.WireServerBenchmark "$@"
