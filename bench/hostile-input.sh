#!/usr/bin/env bash
# Hostile input: REQUESTS (default 10000) malformed, oversized, injected and unauthorised requests against every
# endpoint of every service of an embedded stack, then poison records on every topic. Exits non-zero on any 5xx,
# any error that is not an RFC 9457 problem detail, any service that died, or any poison record not dead-lettered.
# (mvn verify runs the same suite with 10000 requests in LocalStackEndToEndTests.)
set -euo pipefail
cd "$(dirname "$0")/.."
classpath=$(local-stack/build-if-needed.sh)
exec java -Xmx2g -cp "$classpath" com.complaintflow.localstack.hostile.HostileInput "$@"
