#!/usr/bin/env bash
# Import benchmark: ~1,000,000 canonical rows into H2 and PostgreSQL, with the ratio to a parse-only
# reference run in the same process. Usage: bench/import.sh [schools, default 430 ≈ 1 million rows] [h2|pg]
# Extra JVM options: BENCH_OPTS — -Dbench.warm=true: the same region's three earlier springs (another million rows)
# imported first by the same application, so that the measured run has the import path compiled and a database that
# already holds a million results, as on a server that has imported before (the warm-up's own time is the first,
# cold import); -Dbench.reader-only=true: the reference parse alone, five times; -Dbench.threads=true: CPU by thread
# name. Heap: BENCH_HEAP. Second argument h2 or pg runs one database only.
# Builds in place (no `mvn install`): the classpath comes from the reactor's target/ folders.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl core,app -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx${BENCH_HEAP:-2g} ${BENCH_OPTS:-} -cp "app/target/test-classes:app/target/classes:core/target/classes:$(cat app/target/bench.classpath)" \
  ru.msoko.app.bench.ImportBenchmark "$@"
