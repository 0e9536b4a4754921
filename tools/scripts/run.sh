#!/usr/bin/env bash
# Entry point of the root npm scripts: provisions the toolchain, then runs the command.
#   run.sh test       lint, typecheck, tests, builds, package checks and the publish rehearsal
#   run.sh start      the bot (a local sandbox when TELEGRAM_BOT_TOKEN is unset)
#   run.sh rehearsal  only the publish rehearsal (libraries must be built)
#   run.sh exec CMD   any command with the toolchain on PATH
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export ROOT
# shellcheck source=toolchain.sh
source "$ROOT/tools/scripts/toolchain.sh"

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  test)
    # The PostgreSQL tests start their own server from PostgreSQL's programs: install them if missing
    # (on failure the run goes on, and those tests say what is missing).
    bash "$ROOT/tools/scripts/ensure-postgres.sh" >&2 || log "continuing without PostgreSQL's server programs"
    cd "$ROOT" && exec node tools/scripts/test.mjs "$@"
    ;;
  start) cd "$ROOT" && exec node tools/scripts/start.mjs "$@" ;;
  rehearsal) cd "$ROOT" && exec node tools/rehearsal/rehearse.mjs "$@" ;;
  exec) exec "$@" ;; # in the caller's folder
  *) echo "usage: run.sh test|start|rehearsal|exec CMD..." >&2; exit 2 ;;
esac
