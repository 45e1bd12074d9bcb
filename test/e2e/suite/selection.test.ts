import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import { GOV_REPORT } from './corpus';
import { documentSymbols, lineOf, openCorpusReport } from './util';

const { test } = suite('selection.test.ts');

test('selection ranges expand from the body text to its （一） section', async () => {
  const doc = await openCorpusReport(GOV_REPORT);
  await documentSymbols(doc);
  const heading = lineOf(doc, '（一）筑牢基础');
  const body = lineOf(doc, '粮食安全保障有力');
  const pos = new vscode.Position(body, 2);
  const [sel] = await vscode.commands.executeCommand<vscode.SelectionRange[]>('vscode.executeSelectionRangeProvider', doc.uri, [pos]);
  assert.ok(sel, 'no selection range');
  const chain: vscode.Range[] = [];
  for (let s: vscode.SelectionRange | undefined = sel; s; s = s.parent) chain.push(s.range);
  assert.ok(chain.length >= 2, `only ${chain.length} level(s)`);
  assert.ok(chain[0].contains(pos), 'the innermost range does not contain the cursor');
  for (let i = 1; i < chain.length; i++) {
    assert.ok(chain[i].contains(chain[i - 1]), `level ${i} does not contain level ${i - 1}`);
  }
  const fmt = chain.map((r) => `${r.start.line + 1}:${r.start.character}-${r.end.line + 1}:${r.end.character}`).join(' ⊂ ');
  assert.ok(
    chain.some((r) => r.start.line === heading),
    `no level starts at the （一） heading (line ${heading + 1}): ${fmt}`,
  );
});
