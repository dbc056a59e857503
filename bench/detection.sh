#!/usr/bin/env bash
# Detection quality: precision/recall of the red zone per planted manipulation kind and strength, and false
# positives per trap, on a synthetic benchmark region. Usage: bench/detection.sh [seed, default 42] [schools, default 600]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install
mvn -B -q -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx2g -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" \
  ru.msoko.app.bench.DetectionBenchmark "${1:-42}" "${2:-600}"
