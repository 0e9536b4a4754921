#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the web chat's browser test.
# Idempotent: does nothing when it is already there. Installs it with apt when run as root;
# otherwise fails with the command to run. CHROMIUM_PATH overrides the expected location.
set -euo pipefail

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: found $CHROMIUM"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: $CHROMIUM is missing and this is not root." >&2
  echo "ensure-chromium: install it with: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available; install Chromium by hand." >&2
  exit 1
fi

echo "ensure-chromium: $CHROMIUM is missing; running apt-get update"
DEBIAN_FRONTEND=noninteractive apt-get update
echo "ensure-chromium: installing chromium (apt-get install -y --no-install-recommends chromium)"
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
