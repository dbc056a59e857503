#!/usr/bin/env bash
# Import benchmark: ~1,000,000 canonical rows into H2 and PostgreSQL, with the ratio to a parse-only
# reference run in the same process. Usage: bench/import.sh [schools, default 600]
# Builds in place (no `mvn install`): the classpath comes from the reactor's target/ folders.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl core,app -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx${BENCH_HEAP:-2g} -cp "app/target/test-classes:app/target/classes:core/target/classes:$(cat app/target/bench.classpath)" \
  ru.msoko.app.bench.ImportBenchmark "$@"
