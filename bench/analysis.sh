#!/usr/bin/env bash
# Analysis benchmark: the full objectivity analysis of ~1,000,000 results in a 512 MB heap, and its ratio to
# DuckDB computing per-school means, CIs and journal shares on the same data.
# Usage: bench/analysis.sh [schools, default 430]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install
mvn -B -q -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx512m -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" \
  ru.msoko.app.bench.AnalysisBenchmark "${1:-430}"
