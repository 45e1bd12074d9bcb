import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import {
  applyCodeAction, codeActions, codeSummary, diagnosticCode, diagnosticsWithCode, openScratch, settledDiagnostics, waitFor, wholeRange,
} from './util';

const { test } = suite('quickfix.test.ts');

const titles = (actions: readonly vscode.CodeAction[]) => JSON.stringify(actions.map((a) => `${a.title} [${a.kind?.value}]`));

test("a skipped number (一、 then 三、) gets 'numbering-sequence' and a quick fix renumbers it to 二、", async () => {
  const text = ['一、工作回顾', '正文。', '三、工作安排', '正文。', ''].join('\n');
  const doc = await openScratch('quickfix-sample.gongwen', text);
  const [diag] = await diagnosticsWithCode(doc, 'numbering-sequence');
  assert.equal(diag.range.start.line, 2, 'the diagnostic should be on 三、工作安排');
  const actions = await codeActions(doc, diag.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => /Change to “?"?二、|改为“二、”/.test(a.title));
  assert.ok(fix?.edit, `no 'Change to "二、"' quick fix with an edit; got ${titles(actions)}`);
  assert.equal(fix.kind?.value, 'quickfix');
  await applyCodeAction(fix);
  await waitFor("line 3 to read '二、工作安排'", () => doc.lineAt(2).text === '二、工作安排', 10_000);
  assert.equal(doc.getText(), text.replace('三、', '二、'));
  const after = await settledDiagnostics(doc);
  assert.ok(!after.some((d) => diagnosticCode(d) === 'numbering-sequence'), `still: ${codeSummary(after)}`);
  await doc.save();
});

test("'Renumber this list' closes a gap (（一）（三）（四） → （一）（二）（三）) and the warning goes", async () => {
  const lines = ['示例镇2023年工作总结', '一、工作回顾', '（一）产业发展', '正文。', '（三）城乡建设', '正文。', '（四）民生保障', '正文。', '二、存在的问题', '正文。', ''];
  const doc = await openScratch('quickfix-gap.gongwen', lines.join('\n'));
  const ds = await diagnosticsWithCode(doc, 'numbering-sequence');
  const gap = ds.find((d) => d.range.start.line === 4);
  assert.ok(gap, `no numbering-sequence on （三）城乡建设 (line 5): ${JSON.stringify(ds.map((d) => [d.range.start.line + 1, d.message]))}`);
  const actions = await codeActions(doc, gap.range, vscode.CodeActionKind.QuickFix.value);
  const renumber = actions.find((a) => /Renumber this list|重新编号本列表/.test(a.title));
  assert.ok(renumber?.edit, `no 'Renumber this list' with an edit; got ${titles(actions)}`);
  assert.equal(renumber.kind?.value, 'quickfix');
  assert.equal(renumber.isPreferred, true, 'renumbering is the preferred fix (what Ctrl+. Enter / auto-fix applies)');
  const after = await settledDiagnostics(doc, () => applyCodeAction(renumber));
  const want = [...lines];
  want[4] = '（二）城乡建设';
  want[6] = '（三）民生保障';
  assert.equal(doc.getText(), want.join('\n'));
  assert.ok(!after.some((d) => diagnosticCode(d) === 'numbering-sequence'), `still: ${codeSummary(after)}`);
  await doc.save();
});

const HALFWIDTH = [
  '示例镇2023年工作总结',
  '一、工作回顾',
  // Stray half-width marks in full-width text: each is a finding of its own.
  '全年投资5亿元，新增企业5家;同比增长3%，增速加快。主要做法是：抓项目、强服务!',
  '二、存在的问题',
  '一是投资不足，二是人才缺乏,三是创新能力不强，后劲不足。',
  '',
].join('\n');
const FULLWIDTH = HALFWIDTH.replace(';', '；').replace('!', '！').replace('缺乏,', '缺乏，');

test("'source.fixAll.gongwen' turns half-width punctuation in Chinese text full-width", async () => {
  const doc = await openScratch('quickfix-fixall.gongwen', HALFWIDTH);
  const before = await diagnosticsWithCode(doc, 'halfwidth-punctuation');
  assert.equal(before.length, 3, codeSummary(vscode.languages.getDiagnostics(doc.uri)));
  const actions = await codeActions(doc, wholeRange(doc), 'source.fixAll.gongwen');
  const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.gongwen');
  assert.ok(fixAll?.edit, `no source.fixAll.gongwen action with an edit; got ${titles(actions)}`);
  assert.match(fixAll.title, /\(3\)|（3 处）/, 'the title counts the fixes');
  // `source.fixAll` (what editor.codeActionsOnSave asks for) includes it too.
  const generic = await codeActions(doc, wholeRange(doc), 'source.fixAll');
  assert.ok(generic.some((a) => a.kind?.value === 'source.fixAll.gongwen'), `source.fixAll: ${titles(generic)}`);
  const after = await settledDiagnostics(doc, () => applyCodeAction(fixAll));
  assert.equal(doc.getText(), FULLWIDTH);
  assert.ok(!after.some((d) => diagnosticCode(d) === 'halfwidth-punctuation'), `still: ${codeSummary(after)}`);
  await doc.save();
});

test("the light bulb's 'Fix all halfwidth-punctuation problems' runs its command and fixes the document", async () => {
  const doc = await openScratch('quickfix-rule.gongwen', HALFWIDTH);
  const [first] = await diagnosticsWithCode(doc, 'halfwidth-punctuation');
  const actions = await codeActions(doc, first.range, vscode.CodeActionKind.QuickFix.value);
  const single = actions.find((a) => a.edit && !a.command);
  assert.ok(single, `no single fix; got ${titles(actions)}`);
  const all = actions.find((a) => /Fix all halfwidth-punctuation|修复文档中全部“halfwidth-punctuation”/.test(a.title));
  assert.ok(all?.command, `no fix-all-of-rule action with a command; got ${titles(actions)}`);
  await applyCodeAction(all);
  await waitFor('the document to be fixed', () => doc.getText() === FULLWIDTH, 10_000);
  await doc.save();
});
