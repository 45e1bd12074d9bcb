#!/usr/bin/env bash
# Neovim as a second real LSP client of `node dist/server.js --stdio` (see init.lua).
#   GONGWEN_SERVER        server script (default <repo>/dist/server.js)
#   GONGWEN_NVIM_DOC      report for outline/folding (default <corpus>/local/liuzhen-2023-gov-report.txt)
#   GONGWEN_NVIM_TEMPLATE template for diagnostics (default <corpus>/local/town-summary-and-plan-template.txt)
#   GONGWEN_E2E_CORPUS    the corpus folder (default <repo>/../shared/corpus); checks that need an
#                         absent corpus file are reported as skipped
# Findings: <repo>/test-results/neovim/findings.txt. Prints `neovim: N passed, M failed, K skipped`.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
NVIM="${GONGWEN_E2E_NVIM:-$(command -v nvim || true)}"
export GONGWEN_NODE="${GONGWEN_NODE:-$(command -v node)}"
export GONGWEN_SERVER="${GONGWEN_SERVER:-$REPO/dist/server.js}"
CORPUS="${GONGWEN_E2E_CORPUS:-$(cd "$REPO/.." && pwd)/shared/corpus}"
export GONGWEN_DOC="${GONGWEN_NVIM_DOC:-$CORPUS/local/liuzhen-2023-gov-report.txt}"
export GONGWEN_TEMPLATE="${GONGWEN_NVIM_TEMPLATE:-$CORPUS/local/town-summary-and-plan-template.txt}"
OUT="$REPO/test-results/neovim"
export GONGWEN_FINDINGS="$OUT/findings.txt"
mkdir -p "$OUT"
rm -f "$GONGWEN_FINDINGS"

if [ -z "$NVIM" ]; then echo "neovim: nvim not found (run scripts/e2e/setup.sh)"; echo "neovim: 0 passed, 1 failed, 0 skipped"; exit 1; fi
if [ ! -f "$GONGWEN_SERVER" ]; then echo "neovim: $GONGWEN_SERVER not found (run npm run build)"; echo "neovim: 0 passed, 1 failed, 0 skipped"; exit 1; fi
SCRATCH="$REPO/.e2e/neovim"
rm -rf "$SCRATCH"; mkdir -p "$SCRATCH/docs"
# Small documents of our own (no corpus needed): a numbering gap, and a list ending after （二）….
export GONGWEN_FIXTURE_GAP="$SCRATCH/docs/gap.gongwen" GONGWEN_FIXTURE_NEXT="$SCRATCH/docs/next.gongwen"
printf '%s\n' 示例镇2023年工作总结 一、工作回顾 （一）产业发展 正文。 （三）城乡建设 正文。 （四）民生保障 正文。 二、存在的问题 正文。 >"$GONGWEN_FIXTURE_GAP"
printf '%s\n' 示例镇2023年工作总结 一、工作回顾 （一）产业发展 全年投资5亿元。 （二）城乡建设 正文。 '' >"$GONGWEN_FIXTURE_NEXT"
export XDG_CONFIG_HOME="$SCRATCH/config" XDG_DATA_HOME="$SCRATCH/data" XDG_CACHE_HOME="$SCRATCH/cache" XDG_STATE_HOME="$SCRATCH/state"
timeout -k 5 120 "$NVIM" --headless -n -i NONE -u "$HERE/init.lua" >"$SCRATCH/nvim.log" 2>&1
rc=$?
if [ -f "$GONGWEN_FINDINGS" ]; then
  cat "$GONGWEN_FINDINGS"
else
  echo "neovim: no findings written (exit $rc); output:"; cat "$SCRATCH/nvim.log"
  echo "neovim: 0 passed, 1 failed, 0 skipped"
  exit 1
fi
[ -s "$XDG_CACHE_HOME/nvim/lsp.log" ] && echo "(LSP log: ${XDG_CACHE_HOME#$REPO/}/nvim/lsp.log)"
exit $rc
