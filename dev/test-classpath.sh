#!/usr/bin/env bash
# Usage: dev/test-classpath.sh MODULE   (a module path, e.g. triage-service or dev/wire-server)
# Compiles MODULE's main and test classes and those of the modules it needs (through the reactor, so nothing
# has to be installed in ~/.m2 first), then prints its test classpath. Used by the per-service bench/ scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?usage: dev/test-classpath.sh MODULE}
./mvnw -q -B -pl "$module" -am test-compile dependency:build-classpath -Dspring-javaformat.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath >&2
echo "$(pwd)/$module/target/test-classes:$(pwd)/$module/target/classes:$(cat "$module/target/test.classpath")"
