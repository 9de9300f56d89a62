#!/usr/bin/env bash
# HTTP throughput of GET /customers/{id} on a serving node, measured with wrk (not part of CI).
#
# Starts a Kafka broker and two serving nodes of one application, each in its own JVM, loads synthetic customers,
# waits until every one is answered, then runs wrk against node 1: once on the customers node 1 hosts (local),
# once on those node 2 hosts (node 1 forwards them). Prints requests/s and latency percentiles for both.
#
#   benchmarks/http/run-wrk.sh                          # 20,000 customers, wrk -t2 -c32 -d30s --latency
#   benchmarks/http/run-wrk.sh --customers 5000 --duration 10 --keep
#   benchmarks/http/run-wrk.sh --help                   # every option
#
# Needs wrk:  sudo apt-get install -y wrk     (Debian/Ubuntu; the benchmark checks it is on the PATH)
# Maven runs offline when MVN_OFFLINE=1 (dependencies already in ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is not installed: sudo apt-get install -y wrk" >&2
  exit 2
fi

mvn_flags=(-q -B)
if [ "${MVN_OFFLINE:-0}" = "1" ]; then
  mvn_flags+=(-o)
fi

mvn "${mvn_flags[@]}" -pl serving,benchmarks -am install -DskipTests
mvn "${mvn_flags[@]}" -pl serving dependency:build-classpath -Dmdep.outputFile="$PWD/serving/target/classpath.txt"
mvn "${mvn_flags[@]}" -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$PWD/benchmarks/target/classpath.txt"

serving_cp="$PWD/serving/target/classes:$(cat serving/target/classpath.txt)"
bench_cp="$PWD/benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

exec java -Xmx1g -cp "$bench_cp" io.churnwatch.benchmarks.http.HttpBenchmark \
  --serving-classpath "$serving_cp" --lua benchmarks/http/customers.lua "$@"
