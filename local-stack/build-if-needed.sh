#!/usr/bin/env bash
# Builds the modules (tests skipped) when any main source or pom changed since the last build, and
# prints the classpath of the local stack (its classes and every runtime dependency).
# Used by ./run-local.sh and the bench/ scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=local-stack/target/classpath.txt
if [ ! -f "$classpath_file" ] \
   || [ -n "$(find . -path ./data -prune -o -path '*/src/main/*' -type f -newer "$classpath_file" -print -quit)" ] \
   || [ -n "$(find . -maxdepth 2 -name pom.xml -newer "$classpath_file" -print -quit)" ]; then
  echo "Building complaint-flow (tests skipped; 'mvn verify' runs them)..." >&2
  mvn -q -B package -Dmaven.test.skip=true -Dspring-javaformat.skip=true >&2
fi
echo "$(pwd)/local-stack/target/classes:$(cat "$classpath_file")"
