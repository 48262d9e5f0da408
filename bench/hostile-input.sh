#!/usr/bin/env bash
# Hostile input: REQUESTS (default 10000) malformed, oversized, injected and unauthorised requests against every
# endpoint of every service of an embedded stack, then poison records on every topic. Fails on any 5xx, any
# error that is not an RFC 9457 problem detail, any service that died, or any poison record not dead-lettered.
# It is the hostile part of dev/system-tests' LocalStackEndToEndTests, which mvnw verify runs with every attack on every
# endpoint twice (about 2100 requests).
# Usage: bench/hostile-input.sh [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -q -B -pl dev/system-tests -am verify -Dspring-javaformat.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='LocalStackEndToEndTests#hostile*+poison*' -Dhostile.requests="${1:-10000}"
