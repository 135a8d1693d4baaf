#!/usr/bin/env bash
# Throughput benchmark: a 1M-row PostgreSQL table read (a) directly over JDBC and (b) through gateway + relay +
# client SDK; prints both rates, the ratio b/a and the gateway's peak heap. See bench/README.md.
#
# Builds only what is missing (the distribution, the client SDK and this module); BENCH_REBUILD=1 rebuilds them.
# Needs PostgreSQL (itests/postgres.sh sets it up); GATEHOUSE_PG_URL/USER/PASSWORD, BENCH_ROUNDS,
# BENCH_GATEWAY_HEAP and BENCH_STARTUP_TIMEOUT_SECONDS are read by the benchmark itself.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)
dist="$root/karaf-assembly/target/gatehouse-karaf-$version.tar.gz"
jar="$bench/target/gatehouse-bench-$version.jar"
classpath_file="$bench/target/classpath.txt"
rebuild=${BENCH_REBUILD:-0}

for tool in java mvn tar jstat jcmd; do
  command -v "$tool" >/dev/null || { echo "run-throughput.sh needs $tool on the PATH" >&2; exit 2; }
done

if [ "$rebuild" = 1 ] || [ ! -f "$dist" ]; then
  echo "== building the distribution (no tests)"
  (cd "$root" && mvn -q -B install -pl karaf-assembly -am -DskipTests)
fi
if [ "$rebuild" = 1 ] || [ ! -f "$jar" ] || [ ! -f "$classpath_file" ]; then
  echo "== building the client SDK and the benchmark (no tests)"
  (cd "$root" && mvn -q -B install -pl bench -am -DskipTests)
fi

echo "== distribution: $dist ($(date -r "$dist" '+%Y-%m-%d %H:%M'))"
# the benchmark JVM runs side (a) and the client of side (b): a fixed heap keeps its GC the same between runs
exec java -Xms1g -Xmx1g \
  -Dbench.distribution="$dist" \
  -Dbench.home="$bench/target/gatehouse" \
  -cp "$jar:$(cat "$classpath_file")" \
  org.gatehouse.bench.ThroughputBenchmark
