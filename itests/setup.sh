#!/usr/bin/env bash
# Installs and starts what the tests need on a fresh machine, from Debian's packages (needs root or sudo):
# PostgreSQL (itests/postgres.sh) and Chromium, the headless browser of ConsoleBrowserIT. Idempotent.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

./postgres.sh
if [ ! -x /usr/bin/chromium ]; then
  echo "installing Chromium from Debian's packages..."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
