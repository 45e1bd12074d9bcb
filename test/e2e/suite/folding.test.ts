import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import { GOV_REPORT } from './corpus';
import { documentSymbols, lineOf, openCorpusReport, waitFor } from './util';

const { test } = suite('folding.test.ts');

test('folding ranges fold 一、2022年工作回顾 down to before 二、', async () => {
  const doc = await openCorpusReport(GOV_REPORT);
  await documentSymbols(doc); // the server is up and has parsed the document
  const ranges = await waitFor('a non-empty answer from vscode.executeFoldingRangeProvider', async () => {
    const r = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', doc.uri);
    return r && r.length > 0 ? r : undefined;
  });
  const first = lineOf(doc, '一、2022年工作回顾');
  const second = lineOf(doc, '二、2023年工作安排');
  const part = ranges.find((r) => r.start === first);
  assert.ok(part, `no folding range starts at line ${first + 1}; starts: ${ranges.map((r) => r.start + 1).join(',')}`);
  assert.ok(part.end > first + 1 && part.end < second, `range ${first + 1}-${part.end + 1} should end before line ${second + 1}`);
  const sub = lineOf(doc, '（一）筑牢基础');
  assert.ok(ranges.some((r) => r.start === sub), `no folding range for （一）筑牢基础 (line ${sub + 1})`);
  for (const r of ranges) assert.ok(r.start < r.end && r.end < doc.lineCount, `bad range ${r.start}-${r.end}`);
});
