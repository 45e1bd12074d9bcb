import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import { GOV_REPORT } from './corpus';
import { documentSymbols, flattenSymbols, normalize, openCorpusReport, openScratch, outlineText, short, waitFor, type Symbol } from './util';

const { test } = suite('outline.test.ts');

test('outline of the corpus report has the two top-level parts', async () => {
  const doc = await openCorpusReport(GOV_REPORT);
  const symbols = await documentSymbols(doc);
  const top = symbols.map((s) => normalize(s.name));
  const outline = `\n--- outline ---\n${outlineText(symbols)}`;
  for (const want of ['一、2022年工作回顾', '二、2023年工作安排']) {
    assert.ok(top.some((n) => n.startsWith(want)), `top level lacks ${want}: ${JSON.stringify(top.map((n) => short(n)))}${outline}`);
  }
});

test('outline nests （一）筑牢基础… under 一、2022年工作回顾', async () => {
  const doc = await openCorpusReport(GOV_REPORT);
  const symbols = await documentSymbols(doc);
  const part = symbols.find((s) => normalize(s.name).startsWith('一、2022年工作回顾'));
  assert.ok(part, `no top-level 一、2022年工作回顾\n${outlineText(symbols)}`);
  const children = (part.children ?? []).map((c) => normalize(c.name));
  assert.ok(
    children.some((n) => n.startsWith('（一）筑牢基础')),
    `children of 一、2022年工作回顾: ${JSON.stringify(children.map((n) => short(n)))}`,
  );
  for (const child of part.children ?? []) {
    assert.ok(part.range.contains(child.range), `child ${short(child.name)} lies outside its parent's range`);
  }
  // Ranges are what the Outline view uses to follow the cursor: they must be inside the document.
  for (const { symbol } of flattenSymbols(symbols)) {
    assert.ok(symbol.range.end.line < doc.lineCount, `${short(symbol.name)} ends past the document`);
    assert.ok(symbol.range.contains(symbol.selectionRange), `${short(symbol.name)}: selectionRange outside range`);
  }
});

test('outline of a small .gongwen document', async () => {
  const doc = await openScratch(
    'outline-sample.gongwen',
    ['XX镇2023年工作总结', '', '一、工作回顾', '', '（一）产业发展', '', '正文。', '', '二、工作安排', '', '正文。', ''].join('\n'),
  );
  const all = flattenSymbols(await documentSymbols(doc));
  const review = all.find(({ symbol }) => symbol.name.startsWith('一、工作回顾'));
  assert.ok(review, `no 一、工作回顾 in\n${all.map(({ symbol, depth }) => '  '.repeat(depth) + symbol.name).join('\n')}`);
  assert.ok(
    (review.symbol.children ?? []).some((c) => c.name.startsWith('（一）产业发展')),
    '（一）产业发展 is not a child of 一、工作回顾',
  );
  assert.ok(all.some(({ symbol, depth }) => symbol.name.startsWith('二、工作安排') && depth === review.depth));
});

test('gongwen.outline.maxItems limits the Outline to the shallowest headings, and raising it brings the rest back', async () => {
  const doc = await openScratch('outline-limit.gongwen', '一、回顾\n（一）产业。正文。\n（二）民生。正文。\n二、安排\n（一）稳增长。正文。\n');
  const names = async () => flattenSymbols((await vscode.commands.executeCommand<Symbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? []).map(({ symbol }) => symbol.name);
  await waitFor('the full outline', async () => (await names()).length === 5, 30_000);
  const settings = vscode.workspace.getConfiguration('gongwen');
  // VS Code keeps a document's outline until the document changes (LSP has no outline refresh), so
  // the new limit shows at the next edit, as a user typing sees it.
  const typeAtEnd = async () => {
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '。'));
  };
  try {
    await settings.update('outline.maxItems', 3, vscode.ConfigurationTarget.Global);
    const limited = await waitFor('an outline of 3 entries', async () => {
      await typeAtEnd();
      const now = await names();
      return now.length === 3 && now;
    }, 30_000, 1000);
    assert.deepEqual(limited, ['一、回顾', '（一）产业', '二、安排']);
  } finally {
    await settings.update('outline.maxItems', undefined, vscode.ConfigurationTarget.Global);
  }
  await waitFor('the full outline back', async () => {
    await typeAtEnd();
    return (await names()).length === 5;
  }, 30_000, 1000);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}, 120_000);
