import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import { TEMPLATE } from './corpus';
import {
  codeSummary, diagnosticCode, diagnosticsWithCode, editorOf, lineOf, openCorpusReport, openScratch, settledDiagnostics, short,
} from './util';

const { test } = suite('diagnostics.test.ts');

const RULES = [
  'placeholder', 'numbering-sequence', 'numbering-format', 'numbering-level', 'section-missing', 'year-mismatch', 'web-residue',
  'halfwidth-punctuation',
];

test("the template's blanks are 'placeholder' warnings, and its missing problems section is 'section-missing'", async () => {
  const doc = await openCorpusReport(TEMPLATE);
  await diagnosticsWithCode(doc, 'placeholder');
  const all = await settledDiagnostics(doc);
  const placeholders = all.filter((d) => diagnosticCode(d) === 'placeholder');
  const summary = codeSummary(all);
  // The template has some 170 blanks: xxxx年, xx.xx亿元, x.x%…
  assert.ok(placeholders.length >= 100, `only ${placeholders.length} placeholder diagnostics (${summary})`);
  for (const d of placeholders) {
    assert.match(doc.getText(d.range), /x/i, `a placeholder diagnostic covers '${short(doc.getText(d.range))}'`);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, 'placeholder is a warning by default');
  }
  // The first heading, 一、xxxx年工作总结 (line 2), has one on xxxx.
  const heading = lineOf(doc, '一、xxxx年工作总结');
  const onHeading = placeholders.find((d) => d.range.start.line === heading);
  assert.ok(onHeading, `no placeholder diagnostic on line ${heading + 1}`);
  assert.equal(doc.getText(onHeading.range), 'xxxx');
  // A summary-and-plan without a "problems" part.
  const missing = all.filter((d) => diagnosticCode(d) === 'section-missing');
  assert.equal(missing.length, 1, `section-missing: ${JSON.stringify(missing.map((d) => d.message))} (${summary})`);
  assert.match(missing[0].message, /problem|问题/i);
  // It sits where the section belongs: on 二、下阶段工作计划, which the problems go before (not on the title).
  assert.equal(missing[0].range.start.line, lineOf(doc, '二、下阶段工作计划'), 'section-missing is on the heading the problems go before');
  for (const d of all) assert.equal(d.source, 'gongwen', `diagnostic source of ${diagnosticCode(d)}`);
  for (const d of all) assert.ok(RULES.includes(diagnosticCode(d) ?? ''), `unknown code ${diagnosticCode(d)}`);
});

/** One small document that breaks every rule but section-missing (it has its 存在的问题). */
const RULES_FIXTURE = [
  '示例镇2023年工作总结',
  '当前位置：首页 > 信息公开 > 工作报告',
  '一、2022年工作回顾',
  '（一）产业发展',
  '全年投资5亿元,新增企业5家。---此处隐藏3934字，下载后查看---',
  '（三）城乡建设',
  '完成道路改造xx公里。',
  '1、 农村公路',
  '2、 城镇道路',
  '二、2024年工作打算',
  '1.稳增长',
  '2.促改革',
  '三、存在的问题',
  '（一）问题一',
  '（二）问题二',
  '',
].join('\n');

test('every rule shows up in the editor with its code, place and severity', async () => {
  const doc = await openScratch('diagnostics-rules.gongwen', RULES_FIXTURE);
  await diagnosticsWithCode(doc, 'numbering-level');
  const all = await settledDiagnostics(doc);
  const summary = codeSummary(all);
  const at = (code: string, line: number) => all.find((d) => diagnosticCode(d) === code && d.range.start.line === line);
  const expect = (code: string, line: number, text: RegExp | string, severity?: vscode.DiagnosticSeverity) => {
    const d = at(code, line);
    assert.ok(d, `no ${code} on line ${line + 1} '${doc.lineAt(line).text}' (${summary})`);
    const covered = doc.getText(d.range);
    if (typeof text === 'string') assert.equal(covered, text, `${code} covers`);
    else assert.match(covered, text, `${code} covers`);
    if (severity !== undefined) assert.equal(d.severity, severity, `severity of ${code} on line ${line + 1}`);
    assert.equal(d.source, 'gongwen');
  };
  const { Warning, Hint } = vscode.DiagnosticSeverity;
  expect('web-residue', 1, /当前位置/, Warning);
  expect('year-mismatch', 2, /2022/, Warning);
  expect('halfwidth-punctuation', 4, ',', Hint);
  expect('web-residue', 4, '---此处隐藏3934字，下载后查看---'); // an error of its own: see the pending test below
  expect('numbering-sequence', 5, /（三）/, Warning);
  expect('placeholder', 6, 'xx', Warning);
  expect('numbering-format', 7, /1、|\s/, Warning);
  expect('numbering-level', 10, /1\./); // a hint of its own: see the pending test below
  assert.ok(!all.some((d) => diagnosticCode(d) === 'section-missing'), `section-missing although 三、存在的问题 is there (${summary})`);
});

test('diagnostics follow typing: filling the blank removes its placeholder, a new blank adds one', async () => {
  const doc = await openScratch('diagnostics-edit.gongwen', RULES_FIXTURE);
  await diagnosticsWithCode(doc, 'placeholder');
  const editor = await editorOf(doc);
  const line = lineOf(doc, '完成道路改造xx公里');
  const col = doc.lineAt(line).text.indexOf('xx');
  let ds = await settledDiagnostics(doc, () => editor.edit((e) => e.replace(new vscode.Range(line, col, line, col + 2), '12')));
  assert.equal(doc.lineAt(line).text, '完成道路改造12公里。');
  assert.ok(!ds.some((d) => diagnosticCode(d) === 'placeholder'), `a placeholder is left: ${codeSummary(ds)}`);
  ds = await settledDiagnostics(doc, () => editor.edit((e) => e.insert(new vscode.Position(line, 6), '××')));
  const added = ds.filter((d) => diagnosticCode(d) === 'placeholder');
  assert.equal(added.length, 1, codeSummary(ds));
  assert.equal(doc.getText(added[0].range), '××');
  await doc.save();
});

// The rules' settings default to `default`, which keeps each finding's own severity (the site's
// hidden-text notice is an error, a lone item or a skipped level a hint), as the CLI shows them.
test(
  "a finding keeps its own severity when the user set none (hidden text: Error; skipped level: Hint)",
  async () => {
    const doc = await openScratch('diagnostics-severity.gongwen', RULES_FIXTURE);
    await diagnosticsWithCode(doc, 'numbering-level');
    const all = await settledDiagnostics(doc);
    const hidden = all.find((d) => diagnosticCode(d) === 'web-residue' && doc.getText(d.range).includes('此处隐藏'));
    assert.equal(hidden?.severity, vscode.DiagnosticSeverity.Error, 'the hidden-text notice');
    const level = all.find((d) => diagnosticCode(d) === 'numbering-level');
    assert.equal(level?.severity, vscode.DiagnosticSeverity.Hint, 'the skipped level');
  },
);
