// The client commands of package.json's contributes.commands, run as the command palette or a key
// binding runs them, on the active editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import { TEMPLATE } from './corpus';
import {
  codeSummary, diagnosticCode, diagnosticsWithCode, editorOf, moveCursor, openCorpusReport, openScratch, recordFact, settledDiagnostics,
  waitFor,
} from './util';

const { test } = suite('commands.test.ts');

const COMMANDS = ['gongwen.nextPlaceholder', 'gongwen.previousPlaceholder', 'gongwen.fillAllLikeThis', 'gongwen.renumberDocument', 'gongwen.fixAll', 'gongwen.openAsReportText', 'gongwen.saveAsText', 'gongwen.exportToWord'];

interface PlaceholdersResult { total: number; placeholders: { range: vscode.Range; text: string }[] }

const where = (editor: vscode.TextEditor) =>
  `'${editor.document.getText(editor.selection)}'@${editor.selection.start.line + 1}:${editor.selection.start.character}`;

test('the commands are registered, in the palette with resolved titles', async () => {
  const all = await vscode.commands.getCommands(true);
  for (const c of COMMANDS) assert.ok(all.includes(c), `${c} is not registered`);
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'gongwen');
  assert.ok(ext);
  const contributed = (ext.packageJSON.contributes.commands as { command: string; title: string }[]);
  assert.deepEqual(contributed.map((c) => c.command).sort(), [...COMMANDS].sort());
  for (const c of contributed) assert.ok(c.title && !c.title.startsWith('%'), `${c.command}: title '${c.title}' is not localized`);
});

test('Go to Next Placeholder selects the first blank of the template; the count matches the placeholder diagnostics', async () => {
  const doc = await openCorpusReport(TEMPLATE);
  await diagnosticsWithCode(doc, 'placeholder');
  const diagnostics = (await settledDiagnostics(doc)).filter((d) => diagnosticCode(d) === 'placeholder');
  diagnostics.sort((a, b) => a.range.start.compareTo(b.range.start));
  const editor = await editorOf(doc);
  moveCursor(editor, new vscode.Position(0, 0));
  await vscode.commands.executeCommand('gongwen.nextPlaceholder');
  const first = diagnostics[0];
  assert.ok(editor.selection.isEqual(new vscode.Selection(first.range.start, first.range.end)),
    `selection ${where(editor)}, first placeholder diagnostic '${doc.getText(first.range)}'@${first.range.start.line + 1}:${first.range.start.character}`);
  assert.equal(doc.getText(editor.selection), 'xxxx');
  assert.equal(editor.selection.start.line, 1, 'the first blank is in 一、xxxx年工作总结');
  await vscode.commands.executeCommand('gongwen.nextPlaceholder');
  const second = diagnostics[1];
  assert.ok(editor.selection.start.isEqual(second.range.start), `second: ${where(editor)}`);
  // What the status bar counts: the server's list, which is also what the Problems panel lists.
  const result = await vscode.commands.executeCommand<PlaceholdersResult>('gongwen.server.placeholders', doc.uri.toString());
  assert.equal(result.total, diagnostics.length, `the status bar count (${result.total}) differs from the placeholder diagnostics (${diagnostics.length})`);
  recordFact('templatePlaceholders', diagnostics.length);
  recordFact('templateProblems', vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).length);
});

const TEXT = ['示例镇xxxx年工作总结', '一、xxxx年工作回顾', '全年投资xx亿元,新增企业5家;同比增长%。', '三、xxxx年工作打算', '力争年底前完成!', ''].join('\n');

test('next / previous placeholder move the selection and wrap around', async () => {
  const doc = await openScratch('commands-nav.gongwen', TEXT);
  await diagnosticsWithCode(doc, 'placeholder');
  const editor = await editorOf(doc);
  moveCursor(editor, new vscode.Position(0, 0));
  await vscode.commands.executeCommand('gongwen.nextPlaceholder');
  assert.equal(where(editor), "'xxxx'@1:3");
  await vscode.commands.executeCommand('gongwen.nextPlaceholder');
  assert.equal(where(editor), "'xxxx'@2:2");
  await vscode.commands.executeCommand('gongwen.previousPlaceholder');
  assert.equal(where(editor), "'xxxx'@1:3");
  await vscode.commands.executeCommand('gongwen.previousPlaceholder'); // wraps to the last: 三、xxxx年
  assert.equal(where(editor), "'xxxx'@4:2");
  await vscode.commands.executeCommand('gongwen.nextPlaceholder'); // wraps to the first
  assert.equal(where(editor), "'xxxx'@1:3");
});

test('Renumber Whole Document closes the gap 一、 … 三、', async () => {
  const doc = await openScratch('commands-renumber.gongwen', TEXT);
  await diagnosticsWithCode(doc, 'numbering-sequence');
  await editorOf(doc);
  const ds = await settledDiagnostics(doc, () => vscode.commands.executeCommand('gongwen.renumberDocument'));
  assert.equal(doc.getText(), TEXT.replace('三、', '二、'));
  assert.ok(!ds.some((d) => diagnosticCode(d) === 'numbering-sequence'), codeSummary(ds));
  await doc.save();
});

test('Fix All Auto-fixable Problems renumbers and turns the punctuation full-width, leaving the blanks', async () => {
  const doc = await openScratch('commands-fixall.gongwen', TEXT);
  await diagnosticsWithCode(doc, 'halfwidth-punctuation');
  await editorOf(doc);
  let ds = await settledDiagnostics(doc, () => vscode.commands.executeCommand('gongwen.fixAll'));
  await waitFor('the fixes', () => doc.getText().includes('亿元，新增企业5家；'), 5000);
  assert.equal(doc.getText(), TEXT.replace('三、', '二、').replace(',', '，').replace(';', '；').replace('!', '！'));
  // On a loaded machine the publication for the fixed text can come after the quiet period.
  const fixed = (codes: Set<string | undefined>) => !codes.has('halfwidth-punctuation') && !codes.has('numbering-sequence');
  await waitFor('diagnostics for the fixed text', () => fixed(new Set(vscode.languages.getDiagnostics(doc.uri).map(diagnosticCode))), 10_000).catch(() => {});
  ds = vscode.languages.getDiagnostics(doc.uri);
  const left = new Set(ds.map(diagnosticCode));
  assert.ok(!left.has('halfwidth-punctuation') && !left.has('numbering-sequence'), codeSummary(ds));
  assert.ok(left.has('placeholder'), 'the blanks are for the user to fill');
  await doc.save();
});

test("the server's fill-all (what Fill All Placeholders Like This… sends) replaces every xxxx年", async () => {
  const doc = await openScratch('commands-fill.gongwen', TEXT);
  await diagnosticsWithCode(doc, 'placeholder');
  const r = await vscode.commands.executeCommand<{ applied: boolean; replaced: number }>(
    'gongwen.server.fillAllLikeThis', doc.uri.toString(), TEXT.indexOf('xxxx'), '2024', doc.version);
  assert.equal(r.applied, true, JSON.stringify(r));
  assert.equal(r.replaced, 3);
  await waitFor('the fill', () => !doc.getText().includes('xxxx'), 5000);
  assert.equal(doc.getText(), TEXT.replaceAll('xxxx年', '2024年'));
  await doc.save();
});
