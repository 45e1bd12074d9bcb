import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import { GOV_REPORT } from './corpus';
import { documentSymbols, hoverText, lineOf, openCorpusReport, openScratch, waitFor } from './util';

const { test } = suite('hover.test.ts');

/** Characters without blanks and line breaks, as the hover counts them. */
const countChars = (s: string) => [...s.replace(/\s/g, '')].length;

test('hovering a heading shows its level and the size of its section', async () => {
  const lines = ['示例镇2023年工作总结', '一、工作回顾', '（一）产业发展', '全年投资5亿元，新增企业5家。', '招商引资成效明显。', '（二）城乡建设', '正文。', ''];
  const doc = await openScratch('hover-sample.gongwen', lines.join('\n'));
  await documentSymbols(doc);
  const text = await waitFor('a hover on （一）产业发展', async () => (await hoverText(doc, new vscode.Position(2, 4))) || undefined, 10_000);
  const chars = countChars(lines.slice(2, 5).join('\n'));
  assert.match(text, /产业发展/, text);
  assert.match(text, /Level 2|第 2 级/, text);
  assert.match(text, new RegExp(`${chars} characters|字数 ${chars}`), `expected ${chars} characters in: ${text}`);
  assert.match(text, /3 paragraphs|3 段/, text);
  assert.match(text, /no subsections|无下级标题/, text);
  // Body text has no hover.
  assert.equal(await hoverText(doc, new vscode.Position(3, 2)), '', 'a hover on body text');
});

test('hovering 一、2022年工作回顾 in the corpus report counts its four subsections', async () => {
  const doc = await openCorpusReport(GOV_REPORT);
  await documentSymbols(doc);
  const line = lineOf(doc, '一、2022年工作回顾');
  const text = await waitFor('a hover on 一、2022年工作回顾', async () => (await hoverText(doc, new vscode.Position(line, 3))) || undefined, 10_000);
  assert.match(text, /Level 1|第 1 级/, text);
  assert.match(text, /4 subsections|下级标题 4 个/, text);
  const m = /([\d,]+) characters|字数 ([\d,]+)/.exec(text);
  assert.ok(m, text);
  assert.ok(Number((m[1] ?? m[2]).replace(/,/g, '')) > 1000, `a whole part of a report has more than 1,000 characters: ${text}`);
});
