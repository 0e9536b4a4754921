#!/usr/bin/env bash
# Makes sure PostgreSQL's server programs (initdb, postgres) are there for the PostgreSQL tests,
# which start a throwaway server of their own from them (tools/jest/postgres.mjs). run.sh runs this
# before `npm test`. Idempotent: does nothing (and never calls apt) when they are there, or when
# POSTGRES_BIN or TEST_POSTGRES_URL says where they or a server are. Otherwise installs Debian's
# `postgresql` package with apt-get, as root or through passwordless sudo, first telling
# postgresql-common not to create (and start) its default cluster; failing that, exits 1 with the
# command to run. POSTGRES_LIB_DIR and POSTGRES_COMMON_DIR override Debian's folders.
# Tested by tools/src/ensure-postgres.test.ts.
set -euo pipefail

LIB_DIR=${POSTGRES_LIB_DIR:-/usr/lib/postgresql}
COMMON_DIR=${POSTGRES_COMMON_DIR:-/etc/postgresql-common}

present() {
  [ -n "${POSTGRES_BIN:-}" ] || [ -n "${TEST_POSTGRES_URL:-}" ] || compgen -G "$LIB_DIR/*/bin/initdb" >/dev/null ||
    command -v initdb >/dev/null 2>&1
}

if present; then
  exit 0
fi

AS_ROOT=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    AS_ROOT=(sudo -n)
  else
    echo "ensure-postgres: PostgreSQL's server programs are missing, and installing them needs root (or passwordless sudo)." >&2
    echo "ensure-postgres: install them with: sudo apt-get update && sudo apt-get install -y --no-install-recommends postgresql" >&2
    exit 1
  fi
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-postgres: PostgreSQL's server programs are missing and apt-get is not available; install PostgreSQL and set POSTGRES_BIN to the folder of initdb." >&2
  exit 1
fi

started=$SECONDS
echo "ensure-postgres: PostgreSQL's server programs are missing; installing Debian's postgresql (no default cluster)"
"${AS_ROOT[@]}" mkdir -p "$COMMON_DIR/createcluster.d"
echo 'create_main_cluster = false' | "${AS_ROOT[@]}" tee "$COMMON_DIR/createcluster.d/no-main-cluster.conf" >/dev/null
"${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql

if ! present; then
  echo "ensure-postgres: apt-get finished but initdb is still missing from $LIB_DIR/*/bin; set POSTGRES_BIN to its folder." >&2
  exit 1
fi
echo "ensure-postgres: installed in $((SECONDS - started)) s"
