#!/usr/bin/env bash
# Builds the benchmark jar and runs the whole suite, printing the results table.
#   benchmarks/run.sh            short mode (under 5 minutes on 2 idle cores)
#   benchmarks/run.sh full       full mode (about 30 minutes)
#   benchmarks/run.sh short ops  only some groups: ops tape gradient xor training gemm workloads memory profile
# SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar. Results: benchmarks/target/results/results.md, JMH logs beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -pl benchmarks -am package -DskipTests
fi
# Why: OpenMP's busy-waiting fights OpenBLAS's threads on small machines (see ND4J notes); set before any JVM starts.
export OMP_WAIT_POLICY=PASSIVE
exec java -cp benchmarks/target/benchmarks.jar org.autograd4j.benchmarks.Suite "${@:-short}" --out=benchmarks/target/results
