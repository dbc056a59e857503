#!/usr/bin/env bash
# Soak and page-timing run (issues #6 and #7): the app with the demo region in this JVM, N simulated users opening
# the main pages and API endpoints, and — unless --pages-only — uploads and analysis runs in the background.
# Prints p50/p95/p99 per page, errors, lost writes and the heap floor per minute; exit code 1 on any error or lost
# write. Usage: bench/soak.sh [seconds, default 600] [users, default 50] [--pages-only]. Heap: BENCH_HEAP (1g).
# BENCH_OPTS=-Dsoak.data=FOLDER reuses the demo region of an earlier run (its data folder, printed at the start).
# Each simulated user pauses 0–4 s between pages (mean 2 s); BENCH_OPTS=-Dsoak.think-ms=0 makes it a stress run.
# Builds in place (no `mvn install`): the classpath comes from the reactor's target/ folders.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl core,app -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx${BENCH_HEAP:-1g} ${BENCH_OPTS:-} -cp "app/target/test-classes:app/target/classes:core/target/classes:$(cat app/target/bench.classpath)" \
  ru.msoko.app.bench.SoakBenchmark "$@"
