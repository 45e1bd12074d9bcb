/**
 * textDocument/hover over stdio: a heading shows the size of its section, in the client's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusText, hasCorpus } from '../helpers/corpus';
import { LspClient } from './lsp-client';

const REPORT = ['示例镇2024年政府工作报告', '各位代表：', '一、2023年工作回顾', '（一）产业发展。全年完成投资。', '（二）民生保障。新增就业。', '二、2024年工作安排', '正文。', ''].join('\n');

describe('hover over stdio', () => {
  let zh: LspClient;
  let en: LspClient;
  beforeAll(async () => {
    zh = new LspClient();
    en = new LspClient();
    const [zhInit, enInit] = await Promise.all([zh.initialize({ locale: 'zh-cn' }), en.initialize({ locale: 'en' })]);
    expect(zhInit.capabilities.hoverProvider).toBe(true);
    expect(enInit.capabilities.hoverProvider).toBe(true);
  });
  afterAll(() => Promise.all([zh.shutdown(), en.shutdown()]));

  it('answers on a heading with its section size, as markdown, spanning the heading', async () => {
    const uri = 'file:///tmp/hover-fixture.gongwen';
    zh.open(uri, REPORT);
    const hover = await zh.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } });
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain('**一、2023年工作回顾**');
    expect(hover.contents.value).toMatch(/字数 \d+（不含空白/);
    expect(hover.contents.value).toContain('3 段');
    expect(hover.contents.value).toContain('下级标题 2 个');
    expect(hover.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 11 } });
  });

  it('speaks English to an English client', async () => {
    const uri = 'file:///tmp/hover-fixture-en.gongwen';
    en.open(uri, REPORT);
    const hover = await en.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 1 } });
    expect(hover.contents.value).toMatch(/Level 2 · \d+ characters without blanks/);
    expect(hover.contents.value).toContain('no subsections');
  });

  it('answers null on body text and for a closed document', async () => {
    const uri = 'file:///tmp/hover-fixture-body.gongwen';
    zh.open(uri, REPORT);
    expect(await zh.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 1 } })).toBeNull();
    expect(await zh.request('textDocument/hover', { textDocument: { uri: 'file:///tmp/never-opened.gongwen' }, position: { line: 0, character: 0 } })).toBeNull();
  });

  it.skipIf(!hasCorpus)('sizes the sections of a corpus report (liuzhen)', async () => {
    const uri = 'file:///tmp/liuzhen-hover.txt';
    const text = corpusText('local/liuzhen-2023-gov-report.txt');
    zh.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('一、2022年工作回顾'));
    const hover = await zh.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 1 } });
    const chars = Number(/字数 ([\d,]+)/.exec(hover.contents.value)![1].replace(/,/g, ''));
    expect(chars).toBeGreaterThan(2000);
    expect(hover.contents.value).toMatch(/下级标题 4 个/);
  });
});
