import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { suite } from './harness';
import { applyCodeAction, codeActions, diagnosticCode, diagnosticsWithCode, editorOf, openAs, settledDiagnostics, workspaceDir } from './util';

const { test } = suite('silence.test.ts');

// A folder with its own (empty) .gongwen.json: the quick fixes write there, and no other test's
// documents are silenced by what these tests add.
function silenceFolder(): string {
  const dir = path.join(workspaceDir(), 'silence');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '.gongwen.json'), '{}\n', 'utf8');
  return dir;
}

const TEXT = ['示范镇2024年工作总结', '一、工作回顾', '今年实现生产总值xx亿元，同比增长5%。', '二、存在的问题', '一是投入不足，二是人才缺乏。', '三、下一步打算', '明年力争xx亿元。', ''].join('\n');

const placeholders = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => diagnosticCode(d) === 'placeholder').map((d) => d.range.start.line);
const titles = (actions: readonly vscode.CodeAction[]) => JSON.stringify(actions.map((a) => a.title));

test("'Ignore this here' silences one finding through .gongwen.json, and it stays silent after an edit above it", async () => {
  const dir = silenceFolder();
  const file = path.join(dir, 'ignore-here.gongwen');
  fs.writeFileSync(file, TEXT, 'utf8');
  const doc = await openAs(file);
  await diagnosticsWithCode(doc, 'placeholder');
  const before = await settledDiagnostics(doc);
  assert.deepEqual(placeholders(before), [2, 6]);
  const first = before.find((d) => diagnosticCode(d) === 'placeholder' && d.range.start.line === 2)!;
  const actions = await codeActions(doc, first.range, vscode.CodeActionKind.QuickFix.value);
  const ignore = actions.find((a) => /Ignore this here|忽略此处/.test(a.title));
  assert.ok(ignore?.edit, `no 'Ignore this here' quick fix with an edit; got ${titles(actions)}`);
  assert.ok(actions.some((a) => /Turn off placeholder for this file|关闭规则 placeholder/.test(a.title)), `no 'Turn off' quick fix; got ${titles(actions)}`);

  const after = await settledDiagnostics(doc, () => applyCodeAction(ignore));
  assert.deepEqual(placeholders(after), [6], 'only the other blank is left');
  const config = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, '.gongwen.json')));
  assert.match(config.getText(), /"rule": "placeholder"/);

  // An edit elsewhere: a line inserted above.
  const editor = await editorOf(doc);
  const edited = await settledDiagnostics(doc, () => editor.edit((b) => b.insert(new vscode.Position(1, 0), '（2024年12月20日）\n')));
  assert.deepEqual(placeholders(edited), [7], 'still ignored after the edit above it');

  // Saved (VS Code may already have saved it and let the background document go), the file on disk says the same.
  if (config.isDirty) await config.save();
  assert.match(fs.readFileSync(path.join(dir, '.gongwen.json'), 'utf8'), /"context": "今年实现生产总值xx亿元，同比增长5%。"/);
  await doc.save();
});

test("'Never flag “xx” in this workspace' silences every such blank", async () => {
  const dir = silenceFolder();
  const file = path.join(dir, 'never-flag.gongwen');
  fs.writeFileSync(file, TEXT, 'utf8');
  const doc = await openAs(file);
  await diagnosticsWithCode(doc, 'placeholder');
  const before = await settledDiagnostics(doc);
  assert.deepEqual(placeholders(before), [2, 6]);
  const xx = before.find((d) => diagnosticCode(d) === 'placeholder')!;
  const actions = await codeActions(doc, xx.range, vscode.CodeActionKind.QuickFix.value);
  const never = actions.find((a) => /Never flag “xx”|不再标记“xx”/.test(a.title));
  assert.ok(never?.edit, `no 'Never flag “xx”' quick fix with an edit; got ${titles(actions)}`);
  const after = await settledDiagnostics(doc, () => applyCodeAction(never));
  assert.deepEqual(placeholders(after), [], 'no placeholder left');
  const config = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, '.gongwen.json')));
  assert.match(config.getText(), /"words": \[\s*"xx"\s*\]/);
  // Undo in the config file brings the findings back.
  await vscode.window.showTextDocument(config);
  const undone = await settledDiagnostics(doc, () => vscode.commands.executeCommand('undo'));
  assert.deepEqual(placeholders(undone), [2, 6], 'undoing the edit of .gongwen.json brings the findings back');
  if (config.isDirty) await config.save();
  await doc.save();
});
