import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
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

test('editor defaults for a gongwen document: no ambiguous-Unicode boxes, word wrap on, no word suggestions', async () => {
  const doc = await openScratch('defaults.gongwen', '示例镇2023年工作总结\n一、工作回顾\n　　全年完成投资5亿元（同比增长8%），“两个确保”落实到位。\n');
  assert.equal(doc.languageId, 'gongwen');
  const editor = vscode.workspace.getConfiguration('editor', doc);
  assert.equal(editor.get('unicodeHighlight.ambiguousCharacters'), false);
  assert.deepEqual(editor.get('unicodeHighlight.allowedCharacters'), { '\u3000': true });
  assert.equal(editor.get('wordWrap'), 'on');
  assert.equal(editor.get('wordBasedSuggestions'), 'off');
  assert.equal(vscode.workspace.getConfiguration('files', doc).get('autoGuessEncoding'), true);
  // A plain text document keeps VS Code's own defaults (the override is for gongwen only).
  const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '备忘' });
  assert.notEqual(vscode.workspace.getConfiguration('editor', plain).get('wordBasedSuggestions'), 'off');
});
