#!/usr/bin/env bash
# `npm run test:e2e`: setup (cached) → build → package (.vsix) → the suite in code-server (the
# .vsix installed) → Neovim as a second LSP client → the editor configs in editors/ (Neovim and
# Emacs, test/editors). Every stage runs even when an earlier test stage failed; the exit code is
# non-zero when anything failed. The last line adds the stages up.
set -uo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
START=$(date +%s)
mkdir -p .e2e
say() { printf '\n=== %s\n' "$*"; }
die() { echo "e2e: $*"; echo "total: 0 passed, 1 failed, 0 skipped"; exit 1; }

say "setup (scripts/e2e/setup.sh)"
SETUP_START=$(date +%s)
bash scripts/e2e/setup.sh >/dev/null || die "setup failed"
SETUP_S=$(( $(date +%s) - SETUP_START ))
# LibreOffice and poppler: the export test of the suite and the office stage render with them.
bash scripts/setup-office.sh || die "office setup failed"
# shellcheck disable=SC1091
source "${GONGWEN_E2E_CACHE:-$HOME/.cache/gongwen-e2e}/env.sh"

say "build"
npm run --silent build || die "npm run build failed"

say "package"
rm -f ./*.vsix
npm run --silent package >.e2e/package.log 2>&1 || { cat .e2e/package.log; die "npm run package failed"; }
grep -E 'DONE|WARNING' .e2e/package.log

say "VS Code (code-server) suite"
node test/e2e/run-code-server.mjs 2>&1 | tee .e2e/code-server.out
cs=${PIPESTATUS[0]}

say "Neovim"
bash test/e2e/neovim/run.sh 2>&1 | tee .e2e/neovim.out
nv=${PIPESTATUS[0]}

say "Neovim and Emacs with the shipped configs (editors/)"
# The vitest file test/editors: each editor loads its config from editors/ as the README says.
GONGWEN_REQUIRE_EDITORS=1 npx vitest run test/editors --reporter=default --reporter=json --outputFile.json=.e2e/editors.json 2>&1 | tee .e2e/editors.log
node -e '
  const r = JSON.parse(require("fs").readFileSync(".e2e/editors.json", "utf8"));
  console.log(`editors: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' >.e2e/editors.out 2>/dev/null || echo "editors: 0 passed, 1 failed, 0 skipped" >.e2e/editors.out
cat .e2e/editors.out

say "Office rendering (LibreOffice → PDF, scripts/setup-office.sh)"
npm run --silent test:office 2>&1 | tee .e2e/office.out
of=${PIPESTATUS[0]}
echo "office: $([ "$of" -eq 0 ] && echo '1 passed, 0 failed' || echo '0 passed, 1 failed'), 0 skipped" | tee -a .e2e/office.out

# Add up the summary lines.
sum() { grep -E "^$1: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$" "$2" | tail -1; }
p=0; f=0; s=0
for line in "$(sum e2e .e2e/code-server.out)" "$(sum neovim .e2e/neovim.out)" "$(sum editors .e2e/editors.out)" "$(sum office .e2e/office.out)"; do
  if [[ "$line" =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped ]]; then
    p=$((p + BASH_REMATCH[1])); f=$((f + BASH_REMATCH[2])); s=$((s + BASH_REMATCH[3]))
  else
    f=$((f + 1)) # a stage that printed no summary
  fi
done
[ "$cs" -ne 0 ] || [ "$nv" -ne 0 ] || [ "$of" -ne 0 ] && [ "$f" -eq 0 ] && f=1
echo
echo "e2e run took $(( $(date +%s) - START )) s (setup ${SETUP_S}s); screenshots in test-results/screenshots/, Neovim findings in test-results/neovim/, exported pages in test-results/export/"
echo "total: $p passed, $f failed, $s skipped"
[ "$f" -eq 0 ]
