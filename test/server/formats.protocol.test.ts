import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../server/src/formats/docx-reader';
import { docxPartText } from '../helpers/docx-inspect';
import { LspClient } from './lsp-client';

const MARKDOWN = ['---', 'title: 草稿', '---', '# 柳溪镇2024年政府工作报告', '', '各位代表：', '', '## 一、2023年工作回顾', '', '**（一）产业发展提质增效。**全年实现地区生产总值xx亿元。', '', '## 二、2024年工作安排', '', '我们将坚持依法行政。'].join('\r\n');

describe('Markdown documents and Word export over stdio', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = new LspClient();
    await client.initialize();
  });
  afterAll(() => client.shutdown());

  it('outlines a Markdown report at its positions in the .md file', async () => {
    const uri = 'file:///tmp/fixture-report.md';
    client.open(uri, MARKDOWN, 1, 'markdown');
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s: any) => s.name)).toEqual(['一、2023年工作回顾', '二、2024年工作安排']);
    expect(symbols[0].children.map((s: any) => s.name)).toEqual(['（一）产业发展提质增效']);
    // `## 一、…` on line 7: the heading starts after the `## ` marks.
    expect(symbols[0].selectionRange.start).toEqual({ line: 7, character: 3 });
    // `**（一）…` on line 9: after the `**`.
    expect(symbols[0].children[0].selectionRange.start).toEqual({ line: 9, character: 2 });
  });

  it('publishes Markdown diagnostics at the placeholder in the .md file', async () => {
    const uri = 'file:///tmp/fixture-diagnostics.md';
    client.open(uri, MARKDOWN, 1, 'markdown');
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const placeholder = diagnostics.find((d: any) => d.code === 'placeholder');
    const line = MARKDOWN.split('\r\n')[9];
    expect(placeholder.range.start.line).toBe(9);
    expect(line.slice(placeholder.range.start.character, placeholder.range.end.character)).toBe('xx');
  });

  it('completes the next heading number in a Markdown report, at the .md position', async () => {
    const uri = 'file:///tmp/fixture-completion.md';
    const text = `${MARKDOWN}\r\n\r\n**（二）城乡面貌持续改善。**完成道路硬化。\r\n\r\n（`;
    client.open(uri, text, 1, 'markdown');
    const line = text.split('\r\n').length - 1;
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line, character: 1 }, context: { triggerKind: 2, triggerCharacter: '（' } });
    const markers = list.items.filter((i: any) => i.kind === 20);
    const best = [...markers].sort((a: any, b: any) => (a.sortText < b.sortText ? -1 : 1))[0];
    expect(best.label).toBe('（三）');
    expect(best.textEdit.range).toEqual({ start: { line, character: 0 }, end: { line, character: 1 } });
  });

  it('leaves a Markdown file that is not a report alone (a README keeps only its own outline)', async () => {
    const uri = 'file:///tmp/README.md';
    client.open(uri, '# 安装\n\n## 一、下载\n\n1. 运行 `npm install`\n\n## 二、使用\n', 1, 'markdown');
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    expect(await client.waitForDiagnostics(uri, 1)).toEqual([]);
  });

  it('exports a Markdown draft to a GB/T 9704 Word document through gongwen.server.exportDocx', async () => {
    const result = await client.request('workspace/executeCommand', { command: 'gongwen.server.exportDocx', arguments: [{ text: MARKDOWN, format: 'markdown', fonts: { body: '仿宋' } }] });
    const bytes = new Uint8Array(Buffer.from(result.base64, 'base64'));
    expect(result.headings).toBe(3);
    const read = readDocx(bytes);
    expect(read.ok && read.text.split('\n').slice(0, 4)).toEqual(['柳溪镇2024年政府工作报告', '', '各位代表：', '一、2023年工作回顾']);
    expect(docxPartText(bytes, 'word/document.xml')).toContain('w:eastAsia="仿宋"');
    await expect(client.request('workspace/executeCommand', { command: 'gongwen.server.exportDocx', arguments: [{ text: 3 }] })).rejects.toThrow();
  });
});
