#!/usr/bin/env bash
# Runs the fault suite (RELIABILITY.md rows against two real nodes) and prints one line per row.
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REPORTS="$ROOT/target/surefire-reports-faults"

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  cat <<EOF2
Usage: scripts/fault-suite.sh [extra Maven arguments, e.g. -Dopsflow.fault.outageSeconds=30]

Runs ./mvnw -B -Pfaults verify: packages target/opsflow-*.jar, creates a fresh PostgreSQL database on
127.0.0.1:5432 (OPSFLOW_TEST_PG_* to change), starts nodeA and nodeB from the jar (one CPU each,
30 s job locks, 5 s reset), runs src/test/java/io/opsflow/fault/*FaultTest.java, kills the nodes and
drops the database. Prints passed/failed per row, the measured figures (target/fault-figures.txt),
then "N passed, M failed". Exits non-zero when a row failed. Node logs: target/fault-logs/.
Counts: -Dopsflow.fault.lockedJobs=50 completionRounds=100 claimRounds=50 joinRounds=50
timerInstances=200 outageSeconds=60 stallSeconds=60 branchInstances=50 drainJobs=5000.
EOF2
  exit 0
fi

cd "$ROOT"
mkdir -p target
rm -rf "$REPORTS" target/fault-figures.txt
start=$SECONDS
./mvnw -B -Pfaults "$@" verify > target/fault-suite.log 2>&1
maven=$?
took=$((SECONDS - start))

declare -A ROW=(
  [KillDuringWebhookFaultTest]="6  kill -9 during a slow webhook"
  [KillWithLockedJobsFaultTest]="7  kill -9 with locked jobs"
  [ConcurrentCompletionFaultTest]="1  same task completed on A and B"
  [ClaimRaceFaultTest]="3  claim race"
  [ParallelJoinFaultTest]="2  parallel tasks before a join"
  [LoginLockoutFaultTest]="26 lockout across nodes"
  [DatabaseOutageFaultTest]="14 database outage"
  [TimerCycleFaultTest]="11 timer cycles on two nodes"
  [StallFaultTest]="9  SIGSTOP longer than the lock"
  [RestartSameOwnerFaultTest]="8  restart with the same lock owner"
  [GracefulShutdownFaultTest]="10 SIGTERM with running jobs"
  [ParallelBranchesFaultTest]="5  five async branches and a join"
  [LogoutAcrossNodesFaultTest]="26 logout on A and the old cookie"
  [TwoNodeDrainFaultTest]="B11 one node vs two draining jobs"
  [TwoNodeHttpFaultTest]="B11 one node vs two over HTTP"
)

passed=0
failed=0
shopt -s nullglob
for report in "$REPORTS"/TEST-*.xml; do
  class=$(basename "$report" .xml)
  class=${class#TEST-io.opsflow.fault.}
  tests=$(grep -o '<testsuite [^>]*' "$report" | grep -o ' tests="[0-9]*"' | grep -o '[0-9]*')
  bad=$(( $(grep -c '<failure' "$report") + $(grep -c '<error' "$report") ))
  skipped=$(grep -c '<skipped' "$report")
  ok=$(( tests - bad - skipped ))
  passed=$((passed + ok))
  failed=$((failed + bad + skipped))
  if (( bad + skipped == 0 )); then outcome=passed; else outcome=FAILED; fi
  printf 'row %-40s %-32s %s\n' "${ROW[$class]:-?  $class}" "$class" "$outcome"
done
if [[ -f target/fault-figures.txt ]]; then
  echo
  echo "Figures:"
  sort -t'|' -k1,1 -V target/fault-figures.txt | sed 's/^/  /'
fi
reports=("$REPORTS"/TEST-*.xml)
if (( ${#reports[@]} == 0 )) || (( maven != 0 && failed == 0 )); then
  echo
  echo "Maven failed before the suite could report (exit $maven); see target/fault-suite.log"
  failed=$((failed + 1))
fi
echo
echo "Suite time: ${took} s (log: target/fault-suite.log)"
echo "$passed passed, $failed failed"
(( failed == 0 ))
