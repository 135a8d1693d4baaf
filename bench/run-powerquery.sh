#!/usr/bin/env bash
# Power Query benchmark: a 1,000,000-row CSV (generated under bench/target) through PromoteHeaders,
# TransformColumnTypes, SelectRows, AddColumn and Group, evaluated by the M engine and by a hand-written Java loop,
# alternately; prints medians and the ratio. See bench/README.md ("Power Query engine").
# BENCH_ROUNDS (5), BENCH_ROWS (1000000), BENCH_HEAP (512m) are read here or by the benchmark; BENCH_REBUILD=1
# rebuilds. Builds without installing: the powerquery module and this one in one reactor, tests skipped.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)
jar="$bench/target/gatehouse-bench-$version.jar"
classpath_file="$bench/target/classpath.txt"
engine_jar="$root/bundles/powerquery/target/gatehouse-powerquery-$version.jar"
if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -f "$jar" ] || [ ! -f "$classpath_file" ] || [ ! -f "$engine_jar" ]; then
  echo "== building the M engine and the benchmark (no tests, nothing installed)"
  (cd "$root" && mvn -q -B package -pl bundles/powerquery,bench -am -DskipTests)
fi
# the engine from this source tree, ahead of any copy of it the classpath file names from ~/.m2
exec java -Xms"${BENCH_HEAP:-512m}" -Xmx"${BENCH_HEAP:-512m}" -Dbench.home="$bench/target/powerquery-bench" \
  ${BENCH_JAVA_OPTS:-} -cp "$engine_jar:$jar:$(cat "$classpath_file")" org.gatehouse.bench.powerquery.PowerQueryBenchmark
