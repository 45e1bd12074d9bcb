#!/usr/bin/env bash
# Installs the Debian packages named on the command line that are not installed yet; runs
# `apt-get update` only when something is missing. Shared by scripts/e2e/setup.sh and
# scripts/setup-office.sh. Needs root, or sudo without a password.
#   bash scripts/apt-install.sh TAG PACKAGE...    (TAG prefixes the log lines, e.g. e2e-setup)
set -euo pipefail
tag="$1"; shift
log() { printf '[%s] %s\n' "$tag" "$*" >&2; }
missing=()
for p in "$@"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then missing+=("$p"); fi
done
if [ ${#missing[@]} -eq 0 ]; then
  log "apt: all present ($*)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo -n"; else
    log "missing apt packages (${missing[*]}) and not root: install them and rerun"; exit 1
  fi
fi
log "apt: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
