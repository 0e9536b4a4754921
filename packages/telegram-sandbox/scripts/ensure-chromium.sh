#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the web chat's browser test.
# Idempotent: does nothing (and never calls apt) when it is already there. Otherwise installs the
# `chromium` package with apt-get, as root or through passwordless sudo; failing both, it exits 1
# with the command to run. CHROMIUM_PATH overrides the expected location.
# Tested by src/ensure-chromium.test.ts.
set -euo pipefail

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: found $CHROMIUM"
  exit 0
fi

AS_ROOT=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    AS_ROOT=(sudo -n)
  else
    echo "ensure-chromium: $CHROMIUM is missing, and installing it needs root (or passwordless sudo)." >&2
    echo "ensure-chromium: install it with: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium" >&2
    exit 1
  fi
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available; install Chromium by hand and set CHROMIUM_PATH." >&2
  exit 1
fi

echo "ensure-chromium: $CHROMIUM is missing; running apt-get update"
"${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
echo "ensure-chromium: installing chromium (apt-get install -y --no-install-recommends chromium)"
"${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing; set CHROMIUM_PATH to where Chromium is." >&2
  exit 1
fi
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
