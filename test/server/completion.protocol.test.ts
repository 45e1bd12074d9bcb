/**
 * textDocument/completion (and the section-missing quick fix) over stdio, on fixtures and on real
 * documents: the edits that come back are applied as an editor would, and the result must parse to
 * the outline expected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../server/src/engine/pipeline';
import { outlineOf, type OutlineSymbol } from '../../server/src/engine/features/outline';
import { completionsAt } from '../../server/src/engine/features/completion';
import { expandSnippet, parseSnippet } from '../../server/src/engine/features/section-snippets';
import { toCompletionItem } from '../../server/src/lsp/completion';
import { LineIndex } from '../../server/src/engine/pipeline/01-lines';
import { applyEdits } from '../../server/src/engine/renumber';
import { missingSections } from '../../server/src/engine/sections';
import { corpusText, hasCorpus } from '../helpers/corpus';
import { LspClient } from './lsp-client';
import { applyWorkspaceEdit } from './workspace-edit';

/** Applies a completion item (its text edit and additional edits) as an editor would, snippets expanded to their defaults. */
function applyItem(text: string, item: any, expand: (s: string) => string = (s) => s): string {
  const index = new LineIndex(text);
  const edits = [{ ...item.textEdit, newText: item.insertTextFormat === 2 ? expand(item.textEdit.newText) : item.textEdit.newText }, ...(item.additionalTextEdits ?? [])]
    .map((e: any) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }))
    .sort((a: any, b: any) => a.start - b.start);
  for (let i = 1; i < edits.length; i++) expect(edits[i].start).toBeGreaterThanOrEqual(edits[i - 1].end);
  return applyEdits(text, edits);
}

const names = (symbols: OutlineSymbol[]) => symbols.map((s) => s.name);

describe('completion over stdio', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = new LspClient();
    const init = await client.initialize({ locale: 'zh-cn' });
    expect(init.capabilities.completionProvider.triggerCharacters).toEqual(expect.arrayContaining(['（', '(']));
  });
  afterAll(() => client.shutdown());

  it('in an empty document offers the whole-report skeletons by Chinese name, pinyin initials only in filterText', async () => {
    const uri = 'file:///tmp/completion-empty.gongwen';
    client.open(uri, 'zfgzbg');
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 6 } });
    const items = Array.isArray(list) ? list : list.items;
    expect(items.map((i: any) => i.label)).toEqual(['政府工作报告']);
    expect(items[0].filterText.split(' ')).toContain('zfgzbg');
    const inserted = applyItem('zfgzbg', items[0], (s) => expandSnippet(parseSnippet(s)));
    expect(inserted.split('\n')[0]).toBe('示例镇2024年政府工作报告');
  });

  it('offers the next number at the start of a line, most likely first, replacing the typed bracket', async () => {
    const uri = 'file:///tmp/completion-fixture.gongwen';
    const text = '示例镇2023年工作总结\n一、2023年工作回顾\n（一）产业发展。全年完成投资。\n（二）民生保障。新增就业。\n（';
    client.open(uri, text);
    const list = await client.request('textDocument/completion', {
      textDocument: { uri },
      position: { line: 4, character: 1 },
      context: { triggerKind: 2, triggerCharacter: '（' },
    });
    const markers = list.items.filter((i: any) => i.kind === 20 /* EnumMember */);
    const best = [...markers].sort((a: any, b: any) => (a.sortText < b.sortText ? -1 : 1))[0];
    expect(best.label).toBe('（三）');
    expect(best.detail).toBe('接“（二）民生保障”的下一个同级标题');
    expect(best.textEdit.range).toEqual({ start: { line: 4, character: 0 }, end: { line: 4, character: 1 } });
    expect(best.insertTextFormat).toBe(1);
    const after = applyItem(text, best) + '生态环境。持续改善。';
    expect(names(outlineOf(buildReportModel(after))[0].children)).toEqual(['（一）产业发展', '（二）民生保障', '（三）生态环境']);
  });

  it('answers an empty list in the middle of a sentence and null for a closed document', async () => {
    const uri = 'file:///tmp/completion-fixture-mid.gongwen';
    client.open(uri, '一、回顾\n全年完成投资');
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 3 } });
    expect(list.items).toEqual([]);
    expect(await client.request('textDocument/completion', { textDocument: { uri: 'file:///tmp/never-opened.gongwen' }, position: { line: 0, character: 0 } })).toBeNull();
    expect(client.exited).toBe(false);
  });

  it.skipIf(!hasCorpus)('numbers a section inserted into a corpus report (liuzhen) in its half-width style and renumbers those after it', async () => {
    const uri = 'file:///tmp/liuzhen-completion.txt';
    const lines = corpusText('local/liuzhen-2023-gov-report.txt').split('\n');
    // A new line just before `(三)民生保障…`, under `一、2022年工作回顾`.
    const at = lines.findIndex((l) => l.startsWith('(三)'));
    lines.splice(at, 0, '');
    const text = lines.join('\n');
    client.open(uri, text);
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: at, character: 0 } });
    const best = [...list.items].sort((a: any, b: any) => (a.sortText < b.sortText ? -1 : 1))[0];
    expect(best.label).toBe('(三)');
    expect(best.additionalTextEdits).toHaveLength(2);
    const after = applyItem(text, best).replace('\n(三)\n', '\n(三)新增的一节\n');
    const review = outlineOf(buildReportModel(after))[0];
    expect(names(review.children).map((n) => n.slice(0, 3))).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)']);
    expect(review.children[2].name).toBe('(三)新增的一节');
    expect(review.children[3].name.startsWith('(四)民生保障')).toBe(true);
  });

  const TEMPLATE = 'local/town-summary-and-plan-template.txt';
  const expand = (s: string) => expandSnippet(parseSnippet(s));

  it.skipIf(!hasCorpus)('offers the missing problems section of a corpus template as a snippet, numbered to fit', async () => {
    const uri = 'file:///tmp/template-completion.txt';
    const lines = corpusText(TEMPLATE).split('\n');
    const at = lines.findIndex((l) => l.startsWith('二、'));
    lines.splice(at, 0, '');
    const text = lines.join('\n');
    client.open(uri, text);
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: at, character: 0 } });
    const section = list.items.find((i: any) => i.kind === 15 /* Snippet */);
    expect(section.label).toBe('二、存在的问题和不足');
    expect(section.insertTextFormat).toBe(2);
    expect(section.textEdit.newText.startsWith('${1:二}、')).toBe(true);
    expect(section.detail).toContain('缺少的部分');
    expect(section.documentation.kind).toBe('markdown');
    const after = applyItem(text, section, expand);
    expect(names(outlineOf(buildReportModel(after))).map((n) => n.slice(0, 6))).toEqual(['一、xxxx', '二、存在的问', '三、下阶段工']);
    expect(missingSections(buildReportModel(after))).toEqual([]);
  });

  it.skipIf(!hasCorpus)('quick-fixes section-missing on a corpus template by inserting the problems section', async () => {
    const uri = 'file:///tmp/template-codeaction.txt';
    const text = corpusText(TEMPLATE);
    client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const missing = diagnostics.filter((d: any) => d.code === 'section-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toContain('存在的问题');
    // It sits where the section belongs: on the plan's heading, which the problems go before.
    const planLine = text.split(/\r?\n/).findIndex((l) => l.startsWith('二、下阶段工作计划'));
    expect(missing[0].range.start).toEqual({ line: planLine, character: 0 });
    expect(missing[0].range.end).toEqual({ line: planLine, character: '二、下阶段工作计划'.length });
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: missing[0].range,
      context: { diagnostics: missing, only: ['quickfix'] },
    });
    const fix = actions.find((a: any) => a.title === '插入“存在的问题”部分');
    expect(fix).toBeDefined();
    expect(fix.isPreferred).toBe(true);
    const after = applyWorkspaceEdit(text, fix.edit, uri);
    const outline = outlineOf(buildReportModel(after));
    expect(names(outline).map((n) => n.slice(0, 6))).toEqual(['一、xxxx', '二、存在的问', '三、下阶段工']);
    // the plan keeps its subsections, the review too
    expect(outline[0].children.length).toBe(8);
    expect(outline[2].children.length).toBe(4);
    // and the document, reopened, no longer lacks the section
    client.change(uri, 2, after);
    const again = await client.waitForDiagnostics(uri, 2);
    expect(again.filter((d: any) => d.code === 'section-missing')).toEqual([]);
  });

  it('sends a missing 政府自身建设 as a hint where it belongs, and an excerpt cut mid-sentence gets no section-missing', async () => {
    const uri = 'file:///tmp/section-hint.gongwen';
    const lines = [
      '示例镇2024年政府工作报告',
      '各位代表：',
      '现在，我代表镇人民政府，向大会报告工作，请予审议。',
      '一、2023年工作回顾',
      '一年来，全镇经济运行总体平稳。',
      '在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。',
      '二、2024年工作安排',
      '（一）壮大产业。' + '推进园区建设，培育龙头企业。'.repeat(300),
      '各位代表！让我们团结一心，为建设美丽示例镇而努力奋斗！',
    ];
    client.open(uri, lines.join('\r\n'));
    const diagnostics = (await client.waitForDiagnostics(uri, 1)).filter((d: any) => d.code === 'section-missing');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].severity).toBe(4);
    expect(diagnostics[0].message).toContain('政府自身建设');
    expect(diagnostics[0].range).toEqual({ start: { line: 8, character: 0 }, end: { line: 8, character: 5 } });
    // The same report cut off in its review: nothing is said of the sections after the cut.
    client.change(uri, 2, lines.slice(0, 5).join('\r\n').replace(/总体平稳。$/, '总体平稳，全年完成投资'));
    expect((await client.waitForDiagnostics(uri, 2)).filter((d: any) => d.code === 'section-missing')).toEqual([]);
  });

  it('expands a section snippet to plain text for a client without snippet support', () => {
    // (the server learns the client's support once ServerContext carries its capabilities; the conversion is checked here)
    const text = '示例镇2023年工作总结及2024年工作计划\n一、2023年工作开展情况\n全年完成地区生产总值二十亿元。\n\n二、2024年工作计划\n全年增长百分之六。\n';
    const model = buildReportModel(text);
    const section = completionsAt(model, text.indexOf('\n\n') + 1).find((p) => p.kind === 'section')!;
    const plain = toCompletionItem(model, section, 'en', false);
    expect(plain.insertTextFormat).toBe(1);
    expect((plain.textEdit as any).newText.startsWith('二、存在的问题和不足\n')).toBe(true);
    expect((plain.textEdit as any).newText).not.toMatch(/\$\{|\$\d/);
    const snippet = toCompletionItem(model, section, 'zh', true);
    expect(snippet.insertTextFormat).toBe(2);
    expect(snippet.detail).toContain('缺少的部分');
    expect(plain.detail).toContain('missing section');
  });
});
