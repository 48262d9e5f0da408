#!/usr/bin/env bash
# Usage: dev/build-if-needed.sh MODULE   (local-stack or system-tests)
# Builds dev/MODULE and the modules it needs (tests compiled, not run: 'mvnw verify' runs them) when any
# source or pom changed since its last build, then prints its classpath (its classes and every runtime
# dependency). Used by ./run-local.sh and the bench/ scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?usage: dev/build-if-needed.sh local-stack|system-tests}
classpath_file=dev/$module/target/classpath.txt
if [ ! -f "$classpath_file" ] \
   || [ -n "$(find . -path ./data -prune -o -path '*/src/*' -type f -newer "$classpath_file" -print -quit)" ] \
   || [ -n "$(find . -maxdepth 3 -name pom.xml -newer "$classpath_file" -print -quit)" ]; then
  echo "Building $module and what it needs (tests compiled, not run)..." >&2
  # -DskipTests, not -Dmaven.test.skip: the services' tests depend on service-support's test-jar, which must be built.
  ./mvnw -q -B -pl "dev/$module" -am package -DskipTests -Dspring-javaformat.skip=true >&2
  # the dependency plugin leaves an unchanged classpath file as it was: mark the build done
  touch "$classpath_file"
fi
echo "$(pwd)/dev/$module/target/classes:$(cat "$classpath_file")"
