/**
 * The editor configs shipped in editors/, loaded exactly as the README tells a user to, in the real
 * editors (headless Neovim, Emacs in batch mode with eglot), against dist/server.js. Each editor's
 * tests are skipped, with the reason in their name, when the editor is absent (scripts/e2e/setup.sh
 * installs both); with GONGWEN_REQUIRE_EDITORS=1 (the real-editor suite) an absent editor fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '../..');
const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'gongwen-editors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}
const required = process.env.GONGWEN_REQUIRE_EDITORS === '1';
const absent = (name: string, found: string | undefined) => !found && !required;

// Documents of our own: a report with a blank and a numbering gap, a report saved as .txt (title
// line), and a note that is not a report (it must stay plain text, with no server).
const docs = join(dir, 'docs');
mkdirSync(docs);
writeFileSync(join(docs, 'gap.gongwen'), ['示例镇2023年工作总结', '一、工作回顾', '（一）产业发展', '全年投资xx亿元。', '（三）城乡建设', '道路建设稳步推进。', '二、存在的问题', '短板仍然存在。', ''].join('\n'));
writeFileSync(join(docs, 'report.txt'), ['示例县2024年政府工作报告', '', '各位代表：', '现在，我代表县人民政府向大会报告工作。', '一、2023年工作回顾', '过去一年，全县经济稳中有进。', '二、2024年工作安排', '做好今年工作，意义重大。', ''].join('\n'));
writeFileSync(join(docs, 'note.txt'), ['周末购物清单', '一、水果', '苹果两斤。', ''].join('\n'));

/** The README line that loads a config, with /path/to/gongwen replaced by this repository. */
function readmeLine(pattern: RegExp): string {
  const line = README.split("\n").map((l) => l.trim()).find((l) => pattern.test(l));
  expect(line, `README.md has no line matching ${pattern}`).toBeDefined();
  return line!.trim().replaceAll('/path/to/gongwen', REPO);
}

interface Seen {
  filetype: Record<string, string>;
  attached: Record<string, number>;
  diagnostics: string[];
  symbols: string[];
}

const nvim = which('nvim');
describe.skipIf(absent('nvim', nvim))(`Neovim with editors/neovim/gongwen.lua${nvim ? '' : ' (skipped: nvim not found; scripts/e2e/setup.sh installs it)'}`, () => {
  const runs = new Map<string, Seen>();
  const run = (lang: string): Seen => runs.get(lang) ?? runs.set(lang, runOnce(lang)).get(lang)!;
  function runOnce(lang: string): Seen {
    const init = join(dir, `init-${lang}.lua`);
    const out = join(dir, `nvim-${lang}.json`);
    const driver = `
${readmeLine(/^dofile\('.*editors\/neovim\/gongwen\.lua'\)\.setup\(\)$/)}
local seen = { filetype = {}, attached = {}, diagnostics = {}, symbols = {} }
local bufs = {}
for _, name in ipairs({ 'gap.gongwen', 'report.txt', 'note.txt' }) do
  vim.cmd('edit ' .. vim.fn.fnameescape('${docs}/' .. name))
  bufs[name] = vim.api.nvim_get_current_buf()
  seen.filetype[name] = vim.bo.filetype
end
local gap = bufs['gap.gongwen']
vim.wait(15000, function() return #vim.diagnostic.get(gap) > 0 end, 50)
for name, b in pairs(bufs) do seen.attached[name] = #vim.lsp.buf_get_clients(b) end
for _, d in ipairs(vim.diagnostic.get(gap)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(seen.diagnostics, (d.lnum + 1) .. ' ' .. tostring(lsp.code or d.code) .. ' ' .. d.message)
end
local res = vim.lsp.buf_request_sync(bufs['report.txt'], 'textDocument/documentSymbol',
  { textDocument = vim.lsp.util.make_text_document_params(bufs['report.txt']) }, 10000) or {}
for _, r in pairs(res) do for _, s in ipairs(r.result or {}) do table.insert(seen.symbols, s.name) end end
vim.fn.writefile({ vim.fn.json_encode(seen) }, '${out}')
vim.cmd('qall!')
`;
    writeFileSync(init, driver);
    const scratch = join(dir, `xdg-${lang}`);
    const r = spawnSync(nvim ?? 'nvim', ['--headless', '-n', '-i', 'NONE', '-u', init], {
      cwd: docs,
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '', XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch, XDG_CACHE_HOME: scratch, XDG_STATE_HOME: scratch },
    });
    expect(existsSync(out), `nvim wrote nothing (exit ${r.status}): ${r.stdout}${r.stderr}`).toBe(true);
    return JSON.parse(readFileSync(out, 'utf8'));
  }

  it('sets the gongwen filetype on .gongwen and report-looking .txt files, not on a note', () => {
    const seen = run('en_US.UTF-8');
    expect(seen.filetype['gap.gongwen']).toBe('gongwen');
    expect(seen.filetype['report.txt']).toBe('gongwen');
    expect(seen.filetype['note.txt']).not.toBe('gongwen');
    expect(seen.attached).toEqual({ 'gap.gongwen': 1, 'report.txt': 1, 'note.txt': 0 });
  }, 70000);

  it('attaches the server: diagnostics arrive (blank, numbering gap) and document symbols list the outline', () => {
    const seen = run('en_US.UTF-8');
    expect(seen.diagnostics).toContain('4 placeholder Unfilled placeholder "xx"');
    expect(seen.diagnostics.some((d) => d.startsWith('5 numbering-sequence '))).toBe(true);
    expect(seen.symbols).toEqual(['一、2023年工作回顾', '二、2024年工作安排']);
  }, 70000);

  it('answers in Chinese when LANG is zh_CN', () => {
    const seen = run('zh_CN.UTF-8');
    expect(seen.diagnostics).toContain('4 placeholder 未填写的占位符“xx”');
  }, 70000);
});

const emacs = which('emacs');
const eglot = emacs && spawnSync(emacs, ['--batch', '--eval', "(kill-emacs (if (require 'eglot nil t) 0 1))"]).status === 0;
describe.skipIf(absent('emacs', emacs && eglot ? emacs : undefined))(`Emacs (eglot) with editors/emacs/gongwen.el${emacs && eglot ? '' : ` (skipped: ${emacs ? 'eglot not installed' : 'emacs not found'}; scripts/e2e/setup.sh installs emacs-nox and elpa-eglot)`}`, () => {
  const runs = new Map<string, Seen>();
  const run = (lang: string): Seen => runs.get(lang) ?? runs.set(lang, runOnce(lang)).get(lang)!;
  function runOnce(lang: string): Seen {
    const init = join(dir, `init-${lang}.el`);
    const out = join(dir, `emacs-${lang}.json`);
    const driver = `
${readmeLine(/^\(load ".*editors\/emacs\/gongwen\.el"\)$/)}
(defun test-wait (pred secs)
  (let ((end (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) end)) (accept-process-output nil 0.05))
    (funcall pred)))
(let ((filetype nil) (attached nil) (diagnostics nil) (symbols nil))
  (dolist (name '("gap.gongwen" "report.txt" "note.txt"))
    (find-file (expand-file-name name "${docs}"))
    ;; eglot-ensure starts the server after the command that opened the file: in batch mode no
    ;; command loop runs, so end the "command" by hand.
    (run-hooks 'post-command-hook)
    (push (cons name (symbol-name major-mode)) filetype)
    ;; (the note gets a short wait: by then the server is up, and it must not take the note)
    (push (cons name (if (test-wait #'eglot-current-server (if (equal name "note.txt") 2 15)) 1 0)) attached))
  (with-current-buffer (get-file-buffer (expand-file-name "gap.gongwen" "${docs}"))
    (test-wait (lambda () (flymake-diagnostics)) 15)
    (dolist (d (flymake-diagnostics))
      (push (format "%d %s" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d)) diagnostics)))
  (with-current-buffer (get-file-buffer (expand-file-name "report.txt" "${docs}"))
    (dolist (group (funcall imenu-create-index-function))
      (dolist (entry (if (consp (cdr group)) (cdr group) (list group)))
        (push (car entry) symbols))))
  (with-temp-file "${out}"
    (insert (json-encode (list (cons 'filetype filetype) (cons 'attached attached)
                               (cons 'diagnostics (vconcat diagnostics)) (cons 'symbols (vconcat (reverse symbols))))))))
(kill-emacs 0)
`;
    writeFileSync(init, driver);
    const home = join(dir, `emacs-home-${lang}`);
    mkdirSync(home, { recursive: true });
    const r = spawnSync(emacs ?? 'emacs', ['--batch', '-l', init], {
      cwd: docs,
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, HOME: home, LANG: lang, LC_ALL: '', LC_MESSAGES: '' },
    });
    expect(existsSync(out), `emacs wrote nothing (exit ${r.status}): ${r.stdout}${r.stderr}`).toBe(true);
    return JSON.parse(readFileSync(out, 'utf8'));
  }

  it('opens .gongwen and report-looking .txt files in gongwen-mode with the server, a note in text-mode without', () => {
    const seen = run('en_US.UTF-8');
    expect(seen.filetype).toEqual({ 'gap.gongwen': 'gongwen-mode', 'report.txt': 'gongwen-mode', 'note.txt': 'text-mode' });
    expect(seen.attached).toEqual({ 'gap.gongwen': 1, 'report.txt': 1, 'note.txt': 0 });
  }, 70000);

  it('shows the findings through Flymake and the outline through Imenu', () => {
    const seen = run('en_US.UTF-8');
    expect(seen.diagnostics).toContain('4 gongwen [placeholder]: Unfilled placeholder "xx"');
    expect(seen.diagnostics.some((d) => d.startsWith('5 gongwen [numbering-sequence]: '))).toBe(true);
    expect(seen.symbols).toEqual(['一、2023年工作回顾', '二、2024年工作安排']);
  }, 70000);

  it('answers in Chinese when LANG is zh_CN (eglot sends no locale: the server reads the environment)', () => {
    const seen = run('zh_CN.UTF-8');
    expect(seen.diagnostics).toContain('4 gongwen [placeholder]: 未填写的占位符“xx”');
  }, 70000);
});
