#!/usr/bin/env bash
# Fuzzing run over every importer and both exports (issue #6): ImportFuzzTest (random bytes and damaged files of every
# format through the full import path on H2), ReadersFuzzTest (every core reader), ExportInjectionFuzzTest and
# RejectedRowsXlsxFuzzTest (formula injection). Prints inputs tried, crashes, partial writes and the rest.
# Usage: bench/fuzz.sh [tries per app-level property, default 1000; core properties run tries/100 times their own]
# FUZZ_OPTS adds options, e.g. -Dfuzz.collect=true (count failures and go on instead of stopping at the first),
# -Dfuzz.timeout=60 (seconds one import may take). The whole log is kept in target/fuzz.log.
# Builds in place (no `mvn install`); needs ../shared/data/public for the real files (fails on CI without it).
set -euo pipefail
cd "$(dirname "$0")/.."
TRIES=${1:-1000}
mkdir -p target
mvn -B -pl core,app -am -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='ImportFuzzTest,ReadersFuzzTest,ExportInjectionFuzzTest,RejectedRowsXlsxFuzzTest' \
  -Dfuzz.tries="$TRIES" ${FUZZ_OPTS:-} test > target/fuzz.log 2>&1 && status=0 || status=$?
grep -a -E '^=== |^    [0-9]+ × |^  FAILURE|Tests run:.*Fuzz|tries = |BUILD' target/fuzz.log
exit $status
