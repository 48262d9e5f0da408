#!/usr/bin/env bash
# Fault injection: COMPLAINTS complaints (default 20000) at RATE/s (default 100) through the multi-process stack
# while analytics, followup, triage, intake and then the broker are each killed with SIGKILL and restarted
# (at 15, 30, 45, 60 and 75 % of the load, each without waiting for the ones before it to be back);
# then verifies from the topics and databases that nothing was lost or doubled. Exits non-zero on any loss or
# duplicate. Usage: bench/fault-injection.sh [COMPLAINTS [RATE [--reminder-slice|--policy-deadlines]
# [--stall|--then-stall DB_SECONDS BROKER_SECONDS]]]: --stall stops the database and then the broker with
# SIGSTOP instead of the kills; --then-stall sends as many complaints again with the stalls, on the same stack,
# once the kills' load is checked.
# Deadlines: by default every first response is due in 30-40 s (every case raises reminders); --reminder-slice
# makes only network faults' engineer contact due in 20 s (about a quarter of the cases: for large runs);
# --policy-deadlines keeps triage's hour-long deadlines (no reminder due). CI runs: bench/fault-injection.sh 1500 40 --then-stall 20 10
set -euo pipefail
cd "$(dirname "$0")/.."
classpath=$(dev/build-if-needed.sh system-tests)
export COMPLAINTFLOW_SHARED_DATA="${COMPLAINTFLOW_SHARED_DATA:-$(pwd)/../shared/data}"
exec java -Xmx1g -cp "$classpath" com.complaintflow.systemtests.fault.FaultInjection "$@"
