# Sourced by run.sh before `npm test`. The PostgreSQL tests start a throwaway server of their own
# (tools/jest/postgres.mjs) from PostgreSQL's server programs: when those are missing and we are root
# with apt-get (CI on a fresh Debian machine), install Debian's postgresql package, without the
# default cluster it would otherwise create and start. Otherwise say how to get them and go on: the
# PostgreSQL tests then fail with that advice.

postgres_programs_present() {
  [ -n "${POSTGRES_BIN:-}" ] && return 0
  [ -n "${TEST_POSTGRES_URL:-}" ] && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && return 0
  command -v initdb >/dev/null 2>&1
}

ensure_postgres_programs() {
  postgres_programs_present && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL's server programs are missing: install them (Debian: apt-get install postgresql) for the PostgreSQL tests"
    return 0
  fi
  local started=$SECONDS
  log "installing PostgreSQL's server programs (Debian package postgresql) for the tests"
  mkdir -p /etc/postgresql-common/createcluster.d
  printf 'create_main_cluster = false\n' >/etc/postgresql-common/createcluster.d/no-main-cluster.conf
  {
    apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql
  } >&2 || log "apt-get could not install postgresql: the PostgreSQL tests will fail"
  log "PostgreSQL installed in $((SECONDS - started)) s"
}

ensure_postgres_programs
