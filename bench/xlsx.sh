#!/usr/bin/env bash
# ФИС ОКО xlsx import benchmark: the largest real regional export and a generated 100,000-row export into H2,
# with the ratio to a read-only reference run in the same process and the peak heap.
# Usage: bench/xlsx.sh [path to ../shared/data/public/vpr-altai-krai-fisoko]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl core,app -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx${BENCH_HEAP:-512m} ${BENCH_OPTS:-} -cp "app/target/test-classes:app/target/classes:core/target/classes:$(cat app/target/bench.classpath)" \
  ru.msoko.app.bench.FisOkoXlsxBenchmark "${1:-../shared/data/public/vpr-altai-krai-fisoko}"
