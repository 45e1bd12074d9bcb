#!/usr/bin/env bash
# Installs what the office-rendering test (test/office/export-render.test.ts) needs: LibreOffice
# Writer without a GUI (to turn the exported .docx into PDF headless), poppler (pdftotext, pdffonts,
# pdftoppm) and a CJK font (fonts-wqy-zenhei), from Debian's apt. Idempotent: installs only what is
# missing, and runs `apt-get update` only then.
set -euo pipefail

PACKAGES=(libreoffice-writer-nogui poppler-utils fonts-wqy-zenhei)
log() { printf '[office-setup] %s\n' "$*" >&2; }

missing=()
for p in "${PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then missing+=("$p"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo -n"; else
      log "missing apt packages (${missing[*]}) and not root: install them and rerun"; exit 1
    fi
  fi
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for tool in soffice pdftotext pdffonts pdftoppm; do
  command -v "$tool" >/dev/null || { log "$tool not found after install"; exit 1; }
done
log "ready: $(soffice --version 2>/dev/null | head -1)"
