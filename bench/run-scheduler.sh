#!/usr/bin/env bash
# Scheduler benchmark: registers BENCH_SCHEDULES (10,000) schedules on the real scheduler and an embedded gateway
# store, then reports firing lag p50/p99 and the scheduler's heap. See bench/README.md ("Scheduler").
# BENCH_SECONDS (120) and BENCH_PATTERN (spread | burst) are read by the benchmark itself; BENCH_REBUILD=1 rebuilds.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)
jar="$bench/target/gatehouse-bench-$version.jar"
classpath_file="$bench/target/classpath.txt"
if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -f "$jar" ] || [ ! -f "$classpath_file" ]; then
  echo "== building the scheduler, the gateway store and the benchmark (no tests)"
  (cd "$root" && mvn -q -B install -pl bench -am -DskipTests)
fi
# a fixed heap, so that "heap in use" compares between runs
exec java -Xms512m -Xmx512m -Dbench.home="$bench/target/scheduler-bench" \
  -cp "$jar:$(cat "$classpath_file")" org.gatehouse.bench.schedule.SchedulerBenchmark
