#!/usr/bin/env bash
# Import benchmark: ~1,000,000 canonical rows into H2 and PostgreSQL, with the ratio to a parse-only
# reference run in the same process. Usage: bench/import.sh [schools, default 600]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install
mvn -B -q -pl app exec:java -Dexec.classpathScope=test -Dexec.mainClass=ru.msoko.app.bench.ImportBenchmark \
  -Dexec.args="${1:-600}" -Dexec.cleanupDaemonThreads=false
