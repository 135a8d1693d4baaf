#!/usr/bin/env bash
# The main job on embedded defaults: builds Gatehouse if needed, starts the distribution (gateway + embedded relay +
# demo H2 sales data) and refreshes the demo dataset through the service-side client over AMQP, printing the
# summary. The gateway is left running; the last line says how to stop it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)
dist="$root/karaf-assembly/target/gatehouse-karaf-$version.tar.gz"
cli="$root/bundles/client/target/gatehouse-client-$version-cli.jar"
home="${GATEHOUSE_HOME:-$root/karaf-assembly/target/gatehouse}"
relay="amqp://127.0.0.1:5672"
out="$root/karaf-assembly/target/demo-sales"

if [ ! -f "$dist" ] || [ ! -f "$cli" ]; then
  echo "== building Gatehouse (first run only; the tests run with the README's test command)"
  (cd "$root" && mvn -B -q install -DskipTests)
fi
if [ ! -d "$home" ]; then
  mkdir -p "$home"
  tar xzf "$dist" -C "$home" --strip-components=1
fi
if "$home/bin/status" >/dev/null 2>&1; then
  echo "== gateway already running in $home"
else
  echo "== starting the gateway in $home"
  "$home/bin/start"
fi

echo "== waiting for gateway 'local' to say it is online on $relay"
deadline=$((SECONDS + 180))
# exit code 4: the relay itself is not listening yet (the gateway is still starting); anything else is final
until java -jar "$cli" heartbeat --relay "$relay" --gateway local --timeout 60 2>/dev/null; do
  code=$?
  if [ "$code" != 4 ] || [ "$SECONDS" -ge "$deadline" ]; then
    java -jar "$cli" heartbeat --relay "$relay" --gateway local --timeout 5 || true
    echo "the gateway did not come online; its log: $home/data/log/karaf.log" >&2
    exit 1
  fi
  sleep 2
done

echo "== refreshing dataset demo-sales through the relay"
mkdir -p "$out"
errors="$out/refresh-errors.txt"
for attempt in 1 2 3 4 5; do
  # the demo database is built on the gateway's first start; give it a few seconds if it is not there yet
  if java -jar "$cli" refresh --relay "$relay" --gateway local --dataset demo-sales --out "$out/demo-sales.csv" \
      2>"$errors"; then
    break
  fi
  if [ "$attempt" = 5 ]; then cat "$errors" >&2; exit 1; fi
  echo "   not ready yet ($(head -c 120 "$errors")...), retrying"
  sleep 3
done
echo "== rows written under $out"
echo "== the gateway keeps running; stop it with: $home/bin/stop"
echo "== to watch it in Hawtio: add yourself to $home/etc/users.properties, feature:install gatehouse-console in its"
echo "   shell, then $home/bin/gatehouse-console (README: Opening the console)"
