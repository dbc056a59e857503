#!/usr/bin/env bash
# Backup round trip on the demo region: H2 → backup → restore into PostgreSQL → backup → restore into a fresh H2,
# with seconds, sizes and whether the checksums agree. Usage: bench/backup.sh [schools, default 150]
# Builds in place (no `mvn install`): the classpath comes from the reactor's target/ folders.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl core,app -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx${BENCH_HEAP:-2g} ${BENCH_OPTS:-} -cp "app/target/test-classes:app/target/classes:core/target/classes:$(cat app/target/bench.classpath)" \
  ru.msoko.app.bench.BackupBenchmark "$@"
