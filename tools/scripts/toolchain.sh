# Sourced by run.sh. Puts the Node version of .nvmrc on PATH (fetched from the npm
# registry package node-<os>-<arch> into .tools/ when the system Node is older) and
# installs the workspace's dependencies when node_modules is missing or stale.
# Nothing is downloaded from anywhere but the npm registry.

ROOT=${ROOT:?ROOT must be set}
NODE_WANTED=$(tr -d ' \n\r' <"$ROOT/.nvmrc")
NODE_WANTED_MAJOR=${NODE_WANTED%%.*}

log() { printf '[toolchain] %s\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

provision_node() {
  local os arch pkg dir bin
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) log "no Node $NODE_WANTED_MAJOR package for $(uname -s): install Node $NODE_WANTED yourself"; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) log "no Node $NODE_WANTED_MAJOR package for $(uname -m): install Node $NODE_WANTED yourself"; return 1 ;;
  esac
  pkg="node-$os-$arch"
  dir="$ROOT/.tools/node-$NODE_WANTED"
  bin="$dir/node_modules/$pkg/bin"
  if [ ! -x "$bin/node" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      log "npm is needed to fetch Node $NODE_WANTED (package $pkg) but is not on PATH"
      return 1
    fi
    log "system Node is $(node --version 2>/dev/null || echo missing); fetching Node $NODE_WANTED ($pkg) from the npm registry into .tools/"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$pkg@$NODE_WANTED" >&2 || return 1
  fi
  export PATH="$bin:$PATH"
}

if [ "$(node_major)" -lt "$NODE_WANTED_MAJOR" ]; then
  provision_node || { log "could not provision Node $NODE_WANTED"; exit 1; }
fi

export PATH="$ROOT/node_modules/.bin:$PATH"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
export NX_CACHE_DIRECTORY="$ROOT/.nx/cache"
# npm passes the user config on to scripts as npm_config_*; a Node 20 nodedir would only mislead
# node-gyp, and npm 11 warns about the key on every nested call.
unset npm_config_nodedir

install_stamp() {
  {
    node --version
    cat "$ROOT/package.json" "$ROOT/package-lock.json" 2>/dev/null
    for f in "$ROOT"/packages/*/package.json "$ROOT"/apps/*/package.json "$ROOT"/tools/package.json; do
      [ -f "$f" ] && cat "$f"
    done
  } | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(require("node:crypto").createHash("sha256").update(s).digest("hex")))'
}

ensure_dependencies() {
  local want have=""
  want=$(install_stamp)
  [ -f "$ROOT/node_modules/.install-stamp" ] && have=$(cat "$ROOT/node_modules/.install-stamp")
  if [ ! -d "$ROOT/node_modules" ] || [ "$want" != "$have" ]; then
    log "installing dependencies (node_modules is missing or older than the lockfile)"
    # npm ci refuses this registry's lockfile (other platforms' binaries are missing from it);
    # npm install with the committed lockfile installs the same tree without changing it.
    (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error) >&2 || return 1
    install_stamp >"$ROOT/node_modules/.install-stamp"
  fi
}

ensure_dependencies || { log "npm install failed"; exit 1; }
