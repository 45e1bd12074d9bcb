#!/usr/bin/env bash
# Installs what the office-rendering test (test/office/export-render.test.ts) needs: LibreOffice
# Writer without a GUI (to turn the exported .docx into PDF headless), poppler (pdftotext, pdffonts,
# pdftoppm) and a CJK font (fonts-wqy-zenhei), from Debian's apt. Idempotent: installs only what is
# missing, and runs `apt-get update` only then.
set -euo pipefail

PACKAGES=(libreoffice-writer-nogui poppler-utils fonts-wqy-zenhei)
log() { printf '[office-setup] %s\n' "$*" >&2; }

bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" office-setup "${PACKAGES[@]}"
for tool in soffice pdftotext pdffonts pdftoppm; do
  command -v "$tool" >/dev/null || { log "$tool not found after install"; exit 1; }
done
log "ready: $(soffice --version 2>/dev/null | head -1)"
