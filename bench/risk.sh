#!/usr/bin/env bash
# Single-user timings of the risk view (issue #7): the demo region, each page warmed up and then requested one at a
# time per role; p50/p95 per page, the SQL of the table before the filters, and H2's plans of the filtered queries.
# Usage: bench/risk.sh [requests per page, default 50]. Builds in place (no `mvn install`), like bench/soak.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl core,app -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx${BENCH_HEAP:-1g} -cp "app/target/test-classes:app/target/classes:core/target/classes:$(cat app/target/bench.classpath)" \
  ru.msoko.app.bench.RiskPageBenchmark "$@"
