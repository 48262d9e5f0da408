#!/usr/bin/env bash
# Runs the whole system on embedded defaults: a real Kafka broker (KRaft, child JVM), a MongoDB wire
# server (H2 files under ./data) and the four services on ports 8081-8084. Needs only JDK 17+ and Maven.
# Builds first when any source changed since the last build. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

classpath_file=local-stack/target/classpath.txt
if [ ! -f "$classpath_file" ] || [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.yaml' -o -name 'pom.xml' -o -name '*.json' -o -name '*.html' -o -name '*.js' -o -name '*.css' \) -path '*/src/main/*' -newer "$classpath_file" -print -quit; find . -maxdepth 2 -name pom.xml -newer "$classpath_file" -print -quit)" ]; then
  echo "Building complaint-flow (tests skipped; 'mvn verify' runs them)..."
  mvn -q -B package -Dmaven.test.skip=true -Dspring-javaformat.skip=true
fi

exec java ${JAVA_OPTS:--Xms512m -Xmx2g} \
  -cp "local-stack/target/classes:$(cat "$classpath_file")" \
  com.complaintflow.localstack.LocalStack "$@"
