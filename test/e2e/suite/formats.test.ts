import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { listP, lvl, makeDocx, p } from '../../helpers/docx-fixture';
import { longReport } from '../../helpers/long-report';
import { convertToPdf, missingOfficeTools, pageFigures, pdfPages } from '../../helpers/office-render';
import { readDocx } from '../../../server/src/formats/docx-reader';
import { skip, suite } from './harness';
import { diagnosticsWithCode, documentSymbols, flattenSymbols, outlineText, recordFact, waitFor, workspaceDir } from './util';

const { test } = suite('formats.test.ts');

const NUMBERING = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

/** A Word report whose 一、/（一） come from Word's list numbering, with an unfilled xx. */
function writeWordReport(name: string): vscode.Uri {
  const file = path.join(workspaceDir(), name);
  const body = [
    p('柳溪镇2024年政府工作报告'),
    p('各位代表：'),
    listP('2023年工作回顾', 1, 0),
    listP('产业发展提质增效。全年实现地区生产总值xx亿元。', 1, 1),
    listP('城乡面貌持续改善。完成道路硬化12公里。', 1, 1),
    listP('2024年工作安排', 1, 0),
    p('我们将坚持依法行政，努力建设人民满意的政府。'),
  ].join('');
  fs.writeFileSync(file, makeDocx({ body, numbering: NUMBERING }));
  return vscode.Uri.file(file);
}

function reportTextEditor(): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'gongwen-docx');
}

test('opening a .docx shows its report text, read-only, in gongwen, with outline (Word list numbers) and diagnostics', async () => {
  const docx = writeWordReport('word-report.docx');
  await vscode.commands.executeCommand('vscode.open', docx);
  const editor = await waitFor('the report text of word-report.docx to open', reportTextEditor, 30_000);
  const doc = editor.document;
  assert.equal(doc.languageId, 'gongwen');
  assert.ok(doc.getText().startsWith('柳溪镇2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n（一）产业发展提质增效。'), doc.getText().slice(0, 80));
  const symbols = await documentSymbols(doc);
  const names = flattenSymbols(symbols).map(({ symbol, depth }) => `${depth} ${symbol.name}`);
  assert.deepEqual(names, ['0 一、2023年工作回顾', '1 （一）产业发展提质增效', '1 （二）城乡面貌持续改善', '0 二、2024年工作安排'], outlineText(symbols));
  const [placeholder] = await diagnosticsWithCode(doc, 'placeholder');
  assert.equal(doc.getText(placeholder.range), 'xx');
  // Read-only: a content-provider document has no file system to save to.
  assert.equal(vscode.workspace.fs.isWritableFileSystem('gongwen-docx'), undefined);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

test('"Open as report text" and "Save as text" from the command, the saved .txt opening as gongwen', async () => {
  const docx = writeWordReport('word-report-2.docx');
  const editor = (await vscode.commands.executeCommand<vscode.TextEditor>('gongwen.openAsReportText', docx))!;
  assert.equal(editor.document.uri.scheme, 'gongwen-docx');
  const target = vscode.Uri.file(path.join(workspaceDir(), 'word-report-2.txt'));
  await vscode.commands.executeCommand('gongwen.saveAsText', target);
  assert.equal(fs.readFileSync(target.fsPath, 'utf8'), editor.document.getText());
  const saved = await waitFor('the saved text in a gongwen editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString() && e.document.languageId === 'gongwen'));
  assert.ok(saved);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

test('a Markdown report gets Gongwen outline and diagnostics at its own positions, beside the Markdown outline', async () => {
  const file = path.join(workspaceDir(), 'draft-report.md');
  const md = ['# 柳溪镇2024年政府工作报告', '', '各位代表：', '', '## 一、2023年工作回顾', '', '**（一）产业发展提质增效。**全年实现地区生产总值xx亿元。', '', '## 二、2024年工作安排', ''].join('\n');
  fs.writeFileSync(file, md);
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'markdown');
  let last: string[] = [];
  // Both providers answer: Gongwen's report headings and VS Code's own Markdown headings (`# 柳溪镇…`).
  const names = await waitFor(
    'Gongwen and Markdown symbols in the outline',
    async () => {
      last = flattenSymbols(await documentSymbols(doc)).map(({ symbol }) => symbol.name);
      return last.includes('（一）产业发展提质增效') && last.some((n) => n.includes('柳溪镇2024年政府工作报告')) ? last : undefined;
    },
    40_000,
  ).catch((error: Error) => assert.fail(`${error.message}: ${last.join(' | ')}`));
  assert.ok(names.includes('一、2023年工作回顾'), names.join(' | '));
  const [placeholder] = await diagnosticsWithCode(doc, 'placeholder');
  assert.deepEqual([placeholder.range.start.line, doc.getText(placeholder.range)], [6, 'xx']);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

test('"Export to Word" writes a GB/T 9704 .docx: LibreOffice renders 22 lines × 28 characters and — N — page numbers', async () => {
  const source = path.join(workspaceDir(), 'long-report.txt');
  fs.writeFileSync(source, longReport(3));
  const target = vscode.Uri.file(path.join(workspaceDir(), 'long-report-exported.docx'));
  if (fs.existsSync(target.fsPath)) fs.rmSync(target.fsPath);
  await vscode.commands.executeCommand('gongwen.exportToWord', vscode.Uri.file(source), target);
  const bytes = fs.readFileSync(target.fsPath);
  const read = readDocx(bytes);
  assert.ok(read.ok && read.text.startsWith('青石镇二〇二五年政府工作报告'), 'the export reads back');
  const missing = missingOfficeTools();
  if (missing.length > 0) skip(`${missing.join(', ')} not installed (scripts/setup-office.sh)`);
  const pages = pdfPages(convertToPdf(target.fsPath, path.join(workspaceDir(), 'pdf'))).map(pageFigures);
  recordFact('export.pages', pages.map((pg) => ({ lines: pg.lines.length, widestInBlock: pg.widestInBlock, pageNumber: pg.pageNumber, side: pg.pageNumberSide })));
  assert.ok(pages.length >= 3, `${pages.length} pages`);
  for (const page of pages.slice(1, -1)) {
    assert.equal(page.lines.length, 22, page.lines.join('\n'));
    assert.equal(page.widestInBlock, 28);
  }
  pages.forEach((page, i) => {
    assert.equal(page.pageNumber?.replace(/\s/g, ''), `—${i + 1}—`);
    assert.equal(page.pageNumberSide, i % 2 === 0 ? 'right' : 'left');
  });
}, 180_000);

test('gongwen.markdown.enable off leaves Markdown to VS Code alone; on brings the report outline back', async () => {
  const file = path.join(workspaceDir(), 'draft-toggle.md');
  fs.writeFileSync(file, ['# 柳溪镇2024年政府工作报告', '', '各位代表：', '', '## 一、2023年工作回顾', '', '**（一）产业发展提质增效。**全年实现地区生产总值xx亿元。', ''].join('\n'));
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  const names = async () => flattenSymbols((await vscode.commands.executeCommand<any[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? []).map(({ symbol }) => symbol.name);
  await waitFor('Gongwen symbols in the Markdown outline', async () => (await names()).includes('（一）产业发展提质增效'), 30_000);
  const settings = vscode.workspace.getConfiguration('gongwen');
  try {
    await settings.update('markdown.enable', false, vscode.ConfigurationTarget.Global);
    await waitFor('Gongwen symbols to leave the Markdown outline', async () => {
      const now = await names();
      return !now.includes('（一）产业发展提质增效') && now.some((n) => n.includes('柳溪镇2024年政府工作报告'));
    }, 30_000);
    await waitFor('Gongwen diagnostics to leave the Markdown file', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'gongwen' || String(d.code) === 'placeholder'), 30_000);
  } finally {
    await settings.update('markdown.enable', undefined, vscode.ConfigurationTarget.Global);
  }
  await waitFor('Gongwen symbols back in the Markdown outline', async () => (await names()).includes('（一）产业发展提质增效'), 30_000);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}, 120_000);
