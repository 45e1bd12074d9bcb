import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusText, hasCorpus } from '../helpers/corpus';
import { LspClient } from './lsp-client';

describe('outline, folding and selection over stdio', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = new LspClient();
    await client.initialize();
  });
  afterAll(() => client.shutdown());

  it('answers documentSymbol with the heading tree of a small report', async () => {
    const uri = 'file:///tmp/fixture-outline.gongwen';
    client.open(uri, '示例镇2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n（一）产业发展。全年完成投资。\n（二）民生保障。新增就业。\n二、2024年工作安排\n');
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s: any) => s.name)).toEqual(['一、2023年工作回顾', '二、2024年工作安排']);
    expect(symbols[0].children.map((s: any) => s.name)).toEqual(['（一）产业发展', '（二）民生保障']);
    // The range covers the section, the selection range the heading.
    expect(symbols[0].range.start).toEqual({ line: 2, character: 0 });
    expect(symbols[0].range.end).toEqual({ line: 4, character: 13 });
    expect(symbols[0].selectionRange.end).toEqual({ line: 2, character: 11 });
  });

  it('counts positions in UTF-16 code units with CRLF, a BOM and characters outside the BMP', async () => {
    const uri = 'file:///tmp/fixture-utf16.gongwen';
    client.open(uri, '\uFEFF标题工作报告\r\n各位代表：\r\n𠀀𠀀开头的段落写了不少内容。\r\n一、𠀀工作回顾\r\n正文。\r\n');
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols).toHaveLength(1);
    expect(symbols[0].name).toBe('一、𠀀工作回顾');
    expect(symbols[0].selectionRange).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: 8 } });
    expect(symbols[0].range.end).toEqual({ line: 4, character: 3 });
  });

  it('folds each section and nests folds by level', async () => {
    const uri = 'file:///tmp/fixture-folding.gongwen';
    client.open(uri, '一、回顾\n（一）产业。\n正文一。\n（二）民生。\n正文二。\n二、安排\n正文三。\n');
    const ranges = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    expect(ranges.map((r: any) => [r.startLine, r.endLine])).toEqual([
      [0, 4],
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('expands a selection from sentence to paragraph to section to document', async () => {
    const uri = 'file:///tmp/fixture-selection.gongwen';
    const text = '一、回顾\n（一）产业。第一句话。第二句话。\n二、安排\n';
    client.open(uri, text);
    const [range] = await client.request('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 1, character: 12 }] });
    const chain: string[] = [];
    const lines = text.split('\n');
    for (let r = range; r; r = r.parent) {
      const { start, end } = r.range;
      chain.push(start.line === end.line ? lines[start.line].slice(start.character, end.character) : `${start.line}:${start.character}-${end.line}:${end.character}`);
    }
    // The paragraph is also the whole （一） section, so it appears once.
    expect(chain).toEqual(['第二句话。', '（一）产业。第一句话。第二句话。', '0:0-1:16', '0:0-3:0']);
  });

  it('answers requests for a closed document without failing', async () => {
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/never-opened.gongwen' } });
    expect(symbols).toEqual([]);
    expect(client.exited).toBe(false);
  });

  it.skipIf(!hasCorpus)('outlines a corpus report (liuzhen) as its author meant', async () => {
    const uri = 'file:///tmp/liuzhen.txt';
    client.open(uri, corpusText('local/liuzhen-2023-gov-report.txt'));
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s: any) => s.name)).toEqual(['一、2022年工作回顾', '二、2023年工作安排']);
    expect(symbols[0].children[1].name.startsWith('(二)建管并重')).toBe(true);
    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    expect(folds.length).toBeGreaterThanOrEqual(symbols.length);
  });
});

describe('outline limit over stdio (gongwen.outline.maxItems)', () => {
  let client: LspClient;
  const messages: { type: number; message: string }[] = [];
  beforeAll(async () => {
    client = new LspClient();
    client.on('window/showMessage', (p) => messages.push(p));
    client.settings = { outline: { maxItems: 3 } };
    await client.initialize({ configuration: true, locale: 'zh-cn' });
  });
  afterAll(() => client.shutdown());

  it("sends the shallowest headings, and says once per document in the user's language how many it left out", async () => {
    const uri = 'file:///tmp/fixture-outline-limit.gongwen';
    client.open(uri, '一、回顾\n（一）产业。正文。\n（二）民生。正文。\n二、安排\n（一）稳增长。正文。\n');
    // The settings are pulled after `initialized`: ask until they apply (or the wait runs out).
    const count = (symbols: any[]): number => symbols.reduce((n: number, s: any) => n + 1 + count(s.children), 0);
    let symbols: any[] = [];
    for (const started = Date.now(); Date.now() - started < 5000; await new Promise((r) => setTimeout(r, 20))) {
      symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      if (count(symbols) <= 3) break;
    }
    expect(symbols.map((s: any) => s.name)).toEqual(['一、回顾', '二、安排']);
    expect(symbols[0].children.map((s: any) => s.name)).toEqual(['（一）产业']);
    expect(symbols[1].children).toEqual([]);
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const limited = messages.filter((m) => /gongwen\.outline\.maxItems/.test(m.message));
    expect(limited).toHaveLength(1);
    expect(limited[0].message).toBe('Gongwen：大纲只显示前 3 项，略去了 2 个较深层级的标题（设置 gongwen.outline.maxItems 可调整）。');
  });

  it('sends every heading again when the limit is raised', async () => {
    const uri = 'file:///tmp/fixture-outline-limit.gongwen';
    client.settings = { outline: { maxItems: 100 } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const started = Date.now();
    let count = 0;
    while (Date.now() - started < 5000) {
      const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      count = symbols.reduce((n: number, s: any) => n + 1 + s.children.length, 0);
      if (count === 5) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(count).toBe(5);
  });
});
