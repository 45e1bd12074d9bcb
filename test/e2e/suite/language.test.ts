import * as assert from 'node:assert/strict';
import { suite } from './harness';
import { GOV_REPORT } from './corpus';
import { openCorpusReport, openScratch } from './util';

const { test } = suite('language.test.ts');

test('a .gongwen file opens with language gongwen', async () => {
  const doc = await openScratch('sample.gongwen', '一、工作回顾\n\n正文。\n');
  assert.equal(doc.languageId, 'gongwen');
});

test('a corpus report saved as .txt is switched to gongwen', async () => {
  // openCorpusReport waits (up to 30 s) for the extension to switch the language.
  const doc = await openCorpusReport(GOV_REPORT);
  assert.equal(doc.languageId, 'gongwen');
  assert.ok(doc.uri.fsPath.endsWith('.txt'));
});
