#!/usr/bin/env bash
# Runs the single-row scoring benchmark (JMH, in the test sources).
# Usage: scoring/bench.sh [JMH options], e.g. scoring/bench.sh -wi 1 -i 2 -r 1s   (JMH's own -h lists them)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o -pl scoring test-compile
mvn -q -B -o -pl scoring dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd scoring
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
    SingleRowScoringBenchmark "$@"
