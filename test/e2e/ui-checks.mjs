// Checks of the workbench UI itself, driven through the keyboard and the DOM with playwright-core
// (what the extension-host suite cannot see: the Outline view, the Problems panel, the status bar,
// the suggest widget, the quick-fix menu, key bindings, input boxes). Each check is a test in the
// results (file `workbench-ui`), and saves a screenshot to test-results/screenshots/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { log, sleep } from './lib.mjs';

export const UI_FILE = 'workbench-ui';

const REPORT = 'local/liuzhen-2023-gov-report.txt';
const TEMPLATE = 'local/town-summary-and-plan-template.txt';

/** Documents the checks open, written into the workspace before code-server starts. */
const FIXTURES = {
  'ui-completion.gongwen': ['示例镇2023年工作总结', '一、工作回顾', '（一）产业发展', '全年投资5亿元。', '（二）城乡建设', '完成道路改造12公里。', ''].join('\n'),
  'ui-quickfix.gongwen': ['示例镇2023年工作总结', '一、工作回顾', '（一）产业发展', '正文。', '（三）城乡建设', '正文。', '（四）民生保障', '正文。', '二、存在的问题', '正文。', ''].join('\n'),
  // Full-width punctuation and the full-width space indenting paragraphs: no boxes wanted. The same
  // punctuation in a shell script (VS Code's defaults) is the control: there it is boxed.
  'ui-unicode.gongwen': ['示例镇2023年工作总结', '一、工作回顾', '　　全年完成投资5亿元（同比增长8%），“两个确保”落实到位：产业、城建、民生齐头并进；', '　　各项工作有序推进。', ''].join('\n'),
  'ui-unicode-control.sh': ['echo 全年完成投资5亿元（同比增长8%），“两个确保”落实到位：产业、城建、民生齐头并进；', ''].join('\n'),
  'ui-fill.gongwen': ['示例镇xxxx年工作总结', '一、xxxx年工作回顾', '全年投资xx亿元。', '二、xxxx年工作打算', '力争年底前完成。', ''].join('\n'),
};

/**
 * A Word document whose 一、/（一） are drawn by Word's list numbering (not typed), with an unfilled
 * xx: what opening a .docx must show as report text.
 */
function wordFixture() {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const R = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const T = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const p = (text, list) => `<w:p>${list ? `<w:pPr><w:numPr><w:ilvl w:val="${list}"/><w:numId w:val="1"/></w:numPr></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
  const lvl = (i, text) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="${text}"/></w:lvl>`;
  const body = [p('柳溪镇2024年政府工作报告'), p('各位代表：'), p('2023年工作回顾', '0'), p('产业发展提质增效。全年实现地区生产总值xx亿元。', '1'), p('城乡面貌持续改善。完成道路硬化12公里。', '1'), p('2024年工作安排', '0'), p('我们将坚持依法行政，努力建设人民满意的政府。')].join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8(`<Relationships xmlns="${R}"><Relationship Id="rId1" Type="${T}/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<Relationships xmlns="${R}"><Relationship Id="rId1" Type="${T}/numbering" Target="numbering.xml"/></Relationships>`),
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/numbering.xml': strToU8(`<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, '%1、')}${lvl(1, '（%2）')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`),
  });
}

export function writeUiFixtures(workspace, corpusDir) {
  for (const [name, text] of Object.entries(FIXTURES)) fs.writeFileSync(path.join(workspace, name), text);
  fs.writeFileSync(path.join(workspace, 'ui-word.docx'), wordFixture());
  // The corpus documents the checks show (the suite copies its own).
  for (const rel of [REPORT, TEMPLATE]) {
    const src = path.join(corpusDir, rel);
    if (fs.existsSync(src)) fs.copyFileSync(src, path.join(workspace, path.basename(src)));
  }
}

// --- workbench helpers ---------------------------------------------------------------------------

async function palette(page, text) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(text);
  return input;
}

/** Runs a command from the palette; `opensInput`: the command asks for text in the same widget. */
async function runCommand(page, title, { opensInput = false } = {}) {
  const input = await palette(page, `>${title}`);
  try {
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  } catch (e) {
    await page.keyboard.press('Escape');
    throw new Error(`no command '${title}' in the palette`);
  }
  await sleep(300);
  await page.keyboard.press('Enter');
  if (!opensInput) await input.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
}

async function openFile(page, name, { report = true } = {}) {
  await palette(page, name); // without '>' the palette is Go to File
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
  await sleep(300);
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: 15_000 });
  // The extension switches a report-looking .txt to gongwen; the status bar shows the language.
  if (report) await page.locator('.statusbar-item', { hasText: /Gongwen|公文/ }).first().waitFor({ timeout: 30_000 });
}

async function gotoLine(page, line) {
  const input = await palette(page, `:${line}`); // ':' is Go to Line
  await sleep(300);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
}

/** The text of the lines the active editor renders. */
async function editorLines(page) {
  const texts = await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').allInnerTexts();
  return texts.map((t) => t.replace(/\u00a0/g, ' ').replace(/\s+$/, ''));
}

async function waitForLines(page, what, ok, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let lines = [];
  for (;;) {
    lines = await editorLines(page);
    if (ok(lines)) return lines;
    if (Date.now() > deadline) throw new Error(`${what}; the editor shows ${JSON.stringify(lines)}`);
    await sleep(200);
  }
}

/** The placeholder status bar item's text ("170 placeholders", "No placeholders"). */
function placeholderStatus(page) {
  return page.locator(".statusbar-item", { hasText: /\d+ placeholders?\b|No placeholders|\d+ 处占位符|无占位符/ }).first();
}

function lineOfText(file, text) {
  const i = fs.readFileSync(file, 'utf8').split(/\r?\n/).findIndex((l) => l.includes(text));
  return i < 0 ? 1 : i + 1;
}

// --- the checks ----------------------------------------------------------------------------------

/**
 * Runs the checks in a fresh browser context on the workspace (the extension installed, no test
 * payload). `facts` are what the suite recorded (.e2e-facts.json). Returns test results.
 */
export async function runUiChecks(browser, { base, workspace, outDir, corpusDir, facts, filter }) {
  const results = [];
  const corpusMissing = (rel) => (fs.existsSync(path.join(workspace, path.basename(rel))) ? undefined : `corpus file not found: ${path.join(corpusDir, rel)}`);
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const shot = async (name) => {
    const file = path.join(outDir, name);
    await page.screenshot({ path: file });
    log(`screenshot ${path.relative(path.resolve(outDir, '..', '..'), file)}`);
    return file;
  };
  async function check(name, skipReason, fn, timeoutMs = 60_000) {
    const full = `${UI_FILE} › ${name}`;
    if (filter && !new RegExp(filter).test(full)) return;
    const start = Date.now();
    if (skipReason) {
      results.push({ file: UI_FILE, name, status: 'skipped', durationMs: 0, reason: skipReason });
      log(`ui: - ${name} (skipped: ${skipReason})`);
      return;
    }
    try {
      let timer;
      await Promise.race([fn(), new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs); })])
        .finally(() => clearTimeout(timer));
      results.push({ file: UI_FILE, name, status: 'passed', durationMs: Date.now() - start });
      log(`ui: ✓ ${name} (${Date.now() - start} ms)`);
    } catch (e) {
      results.push({ file: UI_FILE, name, status: 'failed', durationMs: Date.now() - start, error: e.stack ?? String(e) });
      log(`ui: ✗ ${name}: ${e.message}`);
      await shot(`failed-${results.length}.png`).catch(() => {});
      await page.keyboard.press('Escape').catch(() => {});
    }
  }

  try {
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
    await page.locator('.monaco-workbench .part.sidebar').waitFor({ timeout: 30_000 }).catch(() => {});
    await sleep(1500);

    await check('the Outline view lists the corpus report\'s parts and sections (outline.png)', corpusMissing(REPORT), async () => {
      const name = path.basename(REPORT);
      await openFile(page, name);
      await runCommand(page, 'Explorer: Focus on Outline View');
      // Collapse the folder section so that the Outline view gets the whole side bar.
      const folders = page.locator('.explorer-viewlet .pane-header', { hasText: path.basename(workspace) }).first();
      if ((await folders.getAttribute('aria-expanded').catch(() => null)) === 'true') await folders.click().catch(() => {});
      // The cursor in （一） of the first part: the Outline view highlights where the cursor is.
      await page.keyboard.press('Escape');
      await gotoLine(page, lineOfText(path.join(workspace, name), '粮食安全保障有力'));
      await runCommand(page, 'Explorer: Focus on Outline View');
      const rows = page.locator('.outline-pane .monaco-list-row');
      await rows.filter({ hasText: '2022年工作回顾' }).first().waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: '2023年工作安排' }).first().waitFor({ timeout: 5_000 });
      await rows.filter({ hasText: '筑牢基础' }).first().waitFor({ timeout: 5_000 });
      await sleep(800);
      await shot('outline.png');
    });

    await check('the Problems panel lists the template\'s placeholder and section-missing problems; the status bar counts the placeholders (problems-template.png)', corpusMissing(TEMPLATE), async () => {
      const name = path.basename(TEMPLATE);
      await openFile(page, name);
      await runCommand(page, 'View: Focus Problems');
      const panel = page.locator('.markers-panel');
      await panel.locator('.monaco-list-row', { hasText: 'placeholder' }).first().waitFor({ timeout: 20_000 });
      const fileRow = panel.locator('.monaco-list-row', { hasText: name }).first();
      const badge = (await fileRow.locator('.monaco-count-badge').first().innerText()).trim();
      // The missing problems section sits where it belongs (before 二、), below 170 placeholder rows
      // of a virtual list: filter to see it.
      const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
      await filter.fill('section-missing');
      try {
        await panel.locator('.monaco-list-row', { hasText: 'section-missing' }).first().waitFor({ timeout: 20_000 });
      } finally {
        await filter.fill('');
      }
      if (facts.templateProblems !== undefined && Number(badge) !== facts.templateProblems) {
        throw new Error(`the Problems panel counts ${badge} problems in ${name}, the diagnostics API ${facts.templateProblems}`);
      }
      const status = placeholderStatus(page);
      await status.waitFor({ timeout: 15_000 });
      const text = (await status.innerText()).trim();
      const n = Number(/(\d+)/.exec(text)?.[1] ?? NaN);
      if (!(n > 0)) throw new Error(`status bar: '${text}'`);
      if (facts.templatePlaceholders !== undefined && n !== facts.templatePlaceholders) {
        throw new Error(`the status bar says '${text}', the placeholder diagnostics are ${facts.templatePlaceholders}`);
      }
      log(`ui: Problems panel ${badge} problems; status bar '${text}'`);
      await sleep(800);
      await shot('problems-template.png');
    });

    await check('no "ambiguous Unicode" boxes on full-width punctuation or the full-width indent in a gongwen document; the same punctuation in a shell script is boxed (unicode.png)', undefined, async () => {
      const boxes = page.locator('.editor-group-container.active .monaco-editor .unicode-highlight');
      await openFile(page, 'ui-unicode-control.sh', { report: false });
      await waitForLines(page, 'the shell script is shown', (lines) => lines.some((l) => l.includes('齐头并进')));
      await boxes.first().waitFor({ timeout: 10_000 }).catch(() => {});
      const control = await boxes.count();
      if (control === 0) throw new Error('no unicode-highlight boxes in the shell script either: the check cannot see them');
      await openFile(page, 'ui-unicode.gongwen');
      await waitForLines(page, 'the gongwen document is shown', (lines) => lines.some((l) => l.includes('有序推进')));
      await sleep(2000); // the highlighter runs after the view renders
      const n = await boxes.count();
      log(`ui: unicode-highlight boxes: ${control} in the shell script, ${n} in the gongwen document`);
      await shot('unicode.png');
      if (n !== 0) throw new Error(`${n} unicode-highlight boxes in the gongwen document`);
    });

    await check('opening a .docx shows its report text with the Word list numbers in the Outline view and the xx in the Problems panel (docx.png)', undefined, async () => {
      await openFile(page, 'ui-word.docx');
      await page.locator('.tabs-container .tab.active', { hasText: 'ui-word.docx.gongwen' }).first().waitFor({ timeout: 30_000 });
      await waitForLines(page, 'the report text with 一、 and （一） written out', (lines) => lines.includes('一、2023年工作回顾') && lines.some((l) => l.startsWith('（一）产业发展提质增效')), 30_000);
      await runCommand(page, 'Explorer: Focus on Outline View');
      const rows = page.locator('.outline-pane .monaco-list-row');
      await rows.filter({ hasText: '一、2023年工作回顾' }).first().waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: '（二）城乡面貌持续改善' }).first().waitFor({ timeout: 5_000 });
      await runCommand(page, 'View: Focus Problems');
      // Other documents' problems (the template's 170 blanks) come first: filter to this one.
      const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
      await filter.fill('**/ui-word.docx.gongwen');
      try {
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'ui-word.docx.gongwen' }).first().waitFor({ timeout: 30_000 });
        await page.locator('.markers-panel .monaco-list-row', { hasText: '"xx"' }).first().waitFor({ timeout: 10_000 });
        await sleep(800);
        await shot('docx.png');
      } finally {
        await filter.fill('');
        await page.keyboard.press('Escape');
      }
    });

    await check('Ctrl+Space on the empty line after （二）… lists （三） first; Enter inserts it (completion.png)', undefined, async () => {
      await openFile(page, 'ui-completion.gongwen');
      await runCommand(page, 'View: Hide Panel').catch((e) => log(`ui: ${e.message}`));
      await placeholderStatus(page).waitFor({ timeout: 15_000 }); // the server answers for this document
      await page.keyboard.press('Control+End');
      const widget = page.locator('.suggest-widget.visible');
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+Space');
        try {
          await widget.waitFor({ timeout: 5_000 });
          break;
        } catch (e) {
          if (attempt >= 3) throw e; // the first request may come before the server is up
          await page.keyboard.press('Escape');
        }
      }
      const focused = widget.locator('.monaco-list-row.focused');
      await focused.filter({ hasText: '（三）' }).first().waitFor({ timeout: 10_000 });
      // Show the details of the focused item too, as Ctrl+Space again does.
      await sleep(500);
      await shot('completion.png');
      await page.keyboard.press('Enter');
      await waitForLines(page, 'no line reads （三）', (lines) => lines.includes('（三）'));
      await page.keyboard.type('民生保障');
      await waitForLines(page, 'no line reads （三）民生保障', (lines) => lines.includes('（三）民生保障'));
    });

    await check('Ctrl+. on （三） after （一） offers "Renumber this list"; choosing it renumbers (quickfix.png)', undefined, async () => {
      await openFile(page, 'ui-quickfix.gongwen');
      await page.locator('.editor-group-container.active .squiggly-warning').first().waitFor({ timeout: 20_000 });
      await gotoLine(page, 5);
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget');
      const item = menu.locator('.monaco-list-row', { hasText: 'Renumber this list' }).first();
      await item.waitFor({ timeout: 10_000 });
      await sleep(300);
      await shot('quickfix.png');
      await item.click();
      await waitForLines(page, 'not renumbered', (lines) => lines.includes('（二）城乡建设') && lines.includes('（三）民生保障') && !lines.some((l) => l.startsWith('（四）')));
    });

    await check('Alt+] selects the first xxxx; "Fill All Placeholders Like This…" with 2024 fills all three; the status bar count drops', undefined, async () => {
      await openFile(page, 'ui-fill.gongwen');
      const status = placeholderStatus(page);
      await status.filter({ hasText: /(^|\D)4 placeholders|(^|\D)4 处占位符/ }).waitFor({ timeout: 15_000 });
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Alt+BracketRight');
      // The selection is on xxxx of the title: Ln 1, cols 4-8 (4 selected). (Polled: on a busy
      // machine the status bar can take longer than a fixed pause to follow the selection.)
      const cursor = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
      let where = '';
      for (const deadline = Date.now() + 5000; Date.now() < deadline; await sleep(200)) {
        where = (await cursor.innerText()).trim();
        if (/Ln 1, Col (4|8) \(4 selected\)/.test(where)) break;
      }
      if (!/Ln 1, Col (4|8) \(4 selected\)/.test(where)) throw new Error(`after Alt+] the status bar reads '${where}'`);
      await runCommand(page, 'Gongwen: Fill All Placeholders Like This', { opensInput: true });
      // The input box: 'Fill every "xxxx年"', 'Text to put in place of "xxxx" (3 places)'.
      await page.locator('.quick-input-widget', { hasText: /3 places|3 处/ }).waitFor({ timeout: 10_000 });
      const input = page.locator('.quick-input-widget input');
      await input.fill('2024');
      await sleep(200);
      await page.keyboard.press('Enter');
      await waitForLines(page, 'not filled', (lines) => lines.includes('示例镇2024年工作总结') && lines.includes('一、2024年工作回顾') && lines.includes('二、2024年工作打算'));
      await status.filter({ hasText: /(^|\D)1 placeholder$|(^|\D)1 处占位符/ }).waitFor({ timeout: 10_000 })
        .catch(async () => { throw new Error(`status bar after the fill: '${(await status.innerText()).trim()}'`); });
      await shot('fill-all.png');
    });
  } finally {
    await ctx.close();
  }
  return results;
}
