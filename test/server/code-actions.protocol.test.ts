import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../server/src/engine';
import { nonOverlapping } from '../../server/src/lsp/code-actions';
import { corpusText, hasCorpus } from '../helpers/corpus';
import { LspClient } from './lsp-client';
import { applyWorkspaceEdit, offsetEdits, textOf } from './workspace-edit';

const FIX_ALL = 'source.fixAll.gongwen';
const RENUMBER = 'source.organizeNumbering.gongwen';
const START = { line: 0, character: 0 };

/** Offsets where two texts of equal length differ. */
function differences(a: string, b: string): number[] {
  expect(b.length).toBe(a.length);
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(i);
  return out;
}

/** Every offset covered by a numbering marker's numeral, per the engine. */
function numeralOffsets(text: string): Set<number> {
  const out = new Set<number>();
  for (const h of buildReportModel(text).headings) {
    const m = h.marker;
    if (!m || !m.numeral) continue;
    const at = text.indexOf(m.numeral, m.start);
    for (let i = at; i < at + m.numeral.length; i++) out.add(i);
  }
  return out;
}

function within(inner: { start: any; end: any }, outer: { start: any; end: any }): boolean {
  const le = (a: any, b: any) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

describe('code actions over stdio', () => {
  let client: LspClient;
  let n = 0;
  const nextUri = () => `file:///tmp/code-actions-${++n}.gongwen`;

  const applied: any[] = [];

  beforeAll(async () => {
    client = new LspClient();
    client.onRequest('workspace/applyEdit', (params) => {
      applied.push(params);
      return { applied: true };
    });
    const init = await client.initialize();
    expect(init.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', FIX_ALL, RENUMBER], resolveProvider: false });
  });
  afterAll(() => client.shutdown());

  /** Opens `text` and returns its diagnostics of version 1. */
  async function open(text: string, uri = nextUri()): Promise<{ uri: string; diagnostics: any[] }> {
    client.open(uri, text);
    return { uri, diagnostics: await client.waitForDiagnostics(uri, 1) };
  }

  function codeActions(uri: string, context: { diagnostics?: any[]; only?: string[]; triggerKind?: number }, range = { start: START, end: START }): Promise<any[]> {
    return client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], ...context } });
  }

  it('offers the rule fixes of a diagnostic as quick fixes, the preferred one marked', async () => {
    const text = '示例镇2024年工作总结\n一、主要成效\n正文。\n二、存在问题\n正文。\n四、下一步打算\n正文。\n五、保障措施\n正文。\n';
    const { uri, diagnostics } = await open(text);
    const gap = diagnostics.find((d) => d.code === 'numbering-sequence' && textOf(text, d.range) === '四、');
    expect(gap).toBeDefined();
    const actions = await codeActions(uri, { diagnostics: [gap], triggerKind: 1 }, gap.range);
    const quickFixes = actions.filter((a) => a.kind === 'quickfix');
    expect(quickFixes.map((a) => a.title)).toEqual(expect.arrayContaining(['Change to "三、"', 'Renumber this list']));
    for (const a of quickFixes) expect(a.diagnostics).toEqual([gap]);
    const preferred = quickFixes.filter((a) => a.isPreferred);
    expect(preferred.map((a) => a.title)).toEqual(['Renumber this list']);

    const renumbered = applyWorkspaceEdit(text, preferred[0].edit, uri);
    expect(renumbered).toBe(text.replace('四、下一步', '三、下一步').replace('五、保障', '四、保障'));
    // Only numerals of markers changed.
    const numerals = numeralOffsets(text);
    for (const i of differences(text, renumbered)) expect(numerals.has(i)).toBe(true);

    const single = quickFixes.find((a) => a.title === 'Change to "三、"');
    expect(applyWorkspaceEdit(text, single.edit, uri)).toBe(text.replace('四、下一步', '三、下一步'));
  });

  it('offers "fix all" of a rule when the document has more than one such problem', async () => {
    const text = '示例镇2024年工作总结\n全年完成投资12亿元，新增企业5家，引进项目8个,新增就业300人。\n下一步，我们将继续努力，抓项目，强服务!\n今年计划：一年来,我们坚持稳中求进;全镇上下齐心协力(含村社区).\n';
    const { uri, diagnostics } = await open(text);
    const halfwidth = diagnostics.filter((d) => d.code === 'halfwidth-punctuation');
    // Two stray marks in full-width paragraphs, and one half-width paragraph as a whole.
    expect(halfwidth.map((d) => d.message)).toEqual([
      'Half-width "," in Chinese text; use "，"',
      'Half-width "!" in Chinese text; use "！"',
      'This paragraph\'s punctuation is half-width (3 marks); Chinese text uses full-width "，：；！？（）"',
    ]);
    const paragraphActions = await codeActions(uri, { diagnostics: [halfwidth[2]], triggerKind: 1 }, halfwidth[2].range);
    expect(paragraphActions.filter((a) => a.kind === 'quickfix').map((a) => a.title)).toEqual(['Convert this paragraph to full-width punctuation (3)', 'Fix all halfwidth-punctuation problems in the document (3)']);
    expect(applyWorkspaceEdit(text, paragraphActions[0].edit, uri)).toBe(text.replace('一年来,我们坚持稳中求进;全镇上下齐心协力(含村社区)', '一年来，我们坚持稳中求进；全镇上下齐心协力（含村社区）'));
    const actions = await codeActions(uri, { diagnostics: [halfwidth[0]], triggerKind: 1 }, halfwidth[0].range);
    const fixAll = actions.find((a) => a.title.startsWith('Fix all halfwidth-punctuation problems'));
    expect(fixAll).toBeDefined();
    expect(fixAll.kind).toBe('quickfix');
    expect(fixAll.title).toBe(`Fix all halfwidth-punctuation problems in the document (${halfwidth.length})`);
    // The light bulb carries a command, not a document-wide edit; running it makes the server apply the edit.
    expect(fixAll.edit).toBeUndefined();
    expect(fixAll.command).toMatchObject({ command: 'gongwen.server.fixAllOfRule', arguments: [uri, 'halfwidth-punctuation', 1] });
    applied.length = 0;
    const result = await client.request('workspace/executeCommand', { command: fixAll.command.command, arguments: fixAll.command.arguments });
    expect(result).toEqual({ applied: true, fixed: halfwidth.length });
    expect(applied).toHaveLength(1);
    const fixed = applyWorkspaceEdit(text, applied[0].edit, uri);
    expect(fixed).toBe('示例镇2024年工作总结\n全年完成投资12亿元，新增企业5家，引进项目8个，新增就业300人。\n下一步，我们将继续努力，抓项目，强服务！\n今年计划：一年来，我们坚持稳中求进；全镇上下齐心协力（含村社区）.\n');
    // A stale version is refused.
    client.change(uri, 2, text + '\n');
    expect(await client.request('workspace/executeCommand', { command: fixAll.command.command, arguments: fixAll.command.arguments })).toMatchObject({ applied: false, reason: 'stale' });
    expect(applied).toHaveLength(1);

    // A lone problem gets no "fix all": its own fix does the same.
    const lone = await open('示例镇2024年工作总结\n全年完成投资12亿元,新增企业5家。\n');
    const one = lone.diagnostics.find((d) => d.code === 'halfwidth-punctuation');
    const loneActions = await codeActions(lone.uri, { diagnostics: [one], triggerKind: 1 }, one.range);
    expect(loneActions.filter((a) => a.kind === 'quickfix').map((a) => a.title)).toEqual(['Change to "，"']);
  });

  it('source.fixAll applies every safe fix and changes no text outside the fixes', async () => {
    const text = [
      '示例镇2024年工作总结',
      '一、主要成效',
      '全年工作取得新成效，经济稳中有进，民生持续改善，社会和谐稳定，各项事业全面发展。',
      '（一）产业发展,全年完成投资12亿元;新增企业5家。',
      '（二）民生保障。新增就业300人,发放补贴3,000元。',
      '二、存在问题',
      '问题不少(主要是资金).',
      '四、下一步打算',
      '1、抓项目。',
      '2、强服务。',
      '',
    ].join('\n');
    const { uri, diagnostics } = await open(text);
    const actions = await codeActions(uri, { only: ['source.fixAll'], triggerKind: 1 });
    expect(actions.map((a) => a.kind)).toEqual([FIX_ALL]);
    const [fixAll] = actions;
    expect(fixAll.title).toMatch(/^Fix all auto-fixable problems \(\d+\)$/);
    const edits = offsetEdits(text, fixAll.edit, uri); // throws if two edits overlap
    const fixed = applyWorkspaceEdit(text, fixAll.edit, uri);
    expect(fixed).toBe(
      [
        '示例镇2024年工作总结',
        '一、主要成效',
        '全年工作取得新成效，经济稳中有进，民生持续改善，社会和谐稳定，各项事业全面发展。',
        '（一）产业发展，全年完成投资12亿元；新增企业5家。',
        '（二）民生保障。新增就业300人，发放补贴3,000元。',
        '二、存在问题',
        '问题不少（主要是资金）.',
        '三、下一步打算',
        // numbering-format's safe fix; numbering-level's unsafe "use （一）" is not applied.
        '1.抓项目。',
        '2.强服务。',
        '',
      ].join('\n'),
    );
    // Every edit replaces text inside the range of a diagnostic, or (renumbering) a marker's numeral.
    const numerals = numeralOffsets(text);
    for (const e of edits) {
      const range = { start: positionOf(text, e.start), end: positionOf(text, e.end) };
      const insideDiagnostic = diagnostics.some((d) => within(range, d.range));
      const numeral = e.end > e.start && [...Array(e.end - e.start).keys()].every((k) => numerals.has(e.start + k));
      expect(insideDiagnostic || numeral, `edit ${JSON.stringify(e)}`).toBe(true);
    }
    // And outside the edits, the text is the same, piece by piece.
    let at = 0;
    let cursor = 0;
    for (const e of edits) {
      const kept = text.slice(at, e.start);
      expect(fixed.slice(cursor, cursor + kept.length)).toBe(kept);
      cursor += kept.length + e.newText.length;
      at = e.end;
    }
    expect(fixed.slice(cursor)).toBe(text.slice(at));
  });

  it('source.organizeNumbering renumbers the whole document, touching numerals only', async () => {
    const text = '示例镇2024年工作总结\n一、回顾\n（一）产业。\n（三）民生。\n（三）治理。\n三、问题\n正文。\n四、打算\n1.抓项目。\n3.强服务。\n';
    const { uri } = await open(text);
    const actions = await codeActions(uri, { only: ['source.organizeNumbering'], triggerKind: 1 });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ kind: RENUMBER, title: 'Renumber whole document' });
    const renumbered = applyWorkspaceEdit(text, actions[0].edit, uri);
    expect(renumbered).toBe('示例镇2024年工作总结\n一、回顾\n（一）产业。\n（二）民生。\n（三）治理。\n二、问题\n正文。\n三、打算\n1.抓项目。\n2.强服务。\n');
    const numerals = numeralOffsets(text);
    for (const i of differences(text, renumbered)) expect(numerals.has(i)).toBe(true);

    // Nothing to renumber: no action.
    const clean = await open(renumbered);
    expect(await codeActions(clean.uri, { only: [RENUMBER], triggerKind: 1 })).toEqual([]);
  });

  it('keeps source actions out of the automatic light bulb, and offers them when asked without a filter', async () => {
    const text = '示例镇2024年工作总结\n一、回顾\n全年工作取得新成效，经济稳中有进，民生持续改善，社会和谐稳定。\n三、打算,抓项目，强服务，惠民生;促发展。\n';
    const { uri, diagnostics } = await open(text);
    const auto = await codeActions(uri, { diagnostics, triggerKind: 2 });
    expect(auto.length).toBeGreaterThan(0);
    expect(auto.every((a) => a.kind === 'quickfix')).toBe(true);
    const invoked = await codeActions(uri, { diagnostics: [], triggerKind: 1 });
    expect(invoked.map((a) => a.kind).sort()).toEqual([FIX_ALL, RENUMBER]);
    // `only: ['source']` admits both source kinds and no quick fix.
    const source = await codeActions(uri, { diagnostics, only: ['source'] });
    expect(source.map((a) => a.kind).sort()).toEqual([FIX_ALL, RENUMBER]);
    const quick = await codeActions(uri, { diagnostics, only: ['quickfix'] });
    expect(quick.length).toBeGreaterThan(0);
    expect(quick.every((a) => a.kind === 'quickfix')).toBe(true);
  });

  it('trusts only findings of the current version, not what the client sends', async () => {
    const text = '示例镇2024年工作总结\n一、回顾\n三、打算\n';
    const { uri, diagnostics } = await open(text);
    const gap = diagnostics.find((d) => d.code === 'numbering-sequence');
    expect(gap).toBeDefined();
    // Forged data: a rule and offsets with no finding behind them.
    const forged = { ...gap, data: { ruleId: 'numbering-sequence', start: 0, end: 5 } };
    expect(await codeActions(uri, { diagnostics: [forged], only: ['quickfix'] })).toEqual([]);
    const junk = { ...gap, data: { ruleId: 42, start: 'a', end: null } };
    expect(await codeActions(uri, { diagnostics: [junk], only: ['quickfix'] })).toEqual([]);
    // Data dropped by the client: matched by code and range instead.
    const { data: _data, ...bare } = gap;
    expect((await codeActions(uri, { diagnostics: [bare], only: ['quickfix'] })).length).toBeGreaterThan(0);
    // After an edit the old diagnostic points at nothing (the finding moved) and gets no fix.
    const edited = '示例镇2024年工作总结\n前言。\n一、回顾\n三、打算\n';
    client.change(uri, 2, edited);
    const fresh = await client.waitForDiagnostics(uri, 2);
    expect(await codeActions(uri, { diagnostics: [gap], only: ['quickfix'] })).toEqual([]);
    const now = fresh.find((d) => d.code === 'numbering-sequence');
    const actions = await codeActions(uri, { diagnostics: [now], only: ['quickfix'] });
    expect(applyWorkspaceEdit(edited, actions[0].edit, uri)).toBe(edited.replace('三、', '二、'));
  });

  it('answers a document without problems and a diagnostic of another tool with nothing', async () => {
    const text = '示例镇2024年工作总结\n一、主要成效\n正文。\n二、存在问题\n正文。\n三、下一步打算\n正文。\n';
    const { uri, diagnostics } = await open(text);
    expect(diagnostics.filter((d) => d.code !== 'section-missing')).toEqual([]);
    const other = { range: { start: START, end: { line: 0, character: 3 } }, message: 'spelling', source: 'cspell', code: 'numbering-sequence' };
    expect(await codeActions(uri, { diagnostics: [other], triggerKind: 1 })).toEqual([]);
  });

  it.skipIf(!hasCorpus)('fixes all of a pasted corpus report without touching anything else', async () => {
    const text = corpusText('local/hengli-2023-gov-report.txt');
    const { uri } = await open(text);
    const [fixAll] = await codeActions(uri, { only: [FIX_ALL] });
    expect(fixAll).toBeDefined();
    const edits = offsetEdits(text, fixAll.edit, uri);
    expect(edits.length).toBeGreaterThan(100);
    // Each edit swaps punctuation or a marker character; no edit reaches into words.
    for (const e of edits) expect(e.oldText).toMatch(/^[\s,:;!?()、.．，：；（）一二三四五六七八九十\d]*$/);
    const fixed = applyWorkspaceEdit(text, fixAll.edit, uri);
    // Re-checking the fixed text finds no half-width punctuation left to convert.
    const again = await open(fixed);
    expect(again.diagnostics.filter((d) => d.code === 'halfwidth-punctuation')).toEqual([]);
    // Stripped of punctuation and spaces, the text is unchanged.
    const strip = (s: string) => s.replace(/[\s,:;!?()、.．，：；（）！？]/g, '');
    expect(strip(fixed)).toBe(strip(text));
  });

  it.skipIf(!hasCorpus)('renumbers a corpus report touching numerals only', async () => {
    for (const name of ['local/liuzhen-2023-gov-report.txt', 'local/sankui-2023-summary-2024-plan.txt', 'local/town-summary-and-plan-template.txt']) {
      const text = corpusText(name);
      const { uri } = await open(text);
      const actions = await codeActions(uri, { only: [RENUMBER] });
      if (actions.length === 0) continue; // numbering already in order
      for (const e of offsetEdits(text, actions[0].edit, uri)) {
        const numerals = numeralOffsets(text);
        for (let i = e.start; i < e.end; i++) expect(numerals.has(i), `${name}: ${JSON.stringify(e)}`).toBe(true);
        expect(e.newText).toMatch(/^[一二三四五六七八九十百\d①-⑳a-zA-Z]+$/);
      }
    }
  });
});

describe('code action titles in Chinese', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = new LspClient();
    await client.initialize({ locale: 'zh-cn' });
  });
  afterAll(() => client.shutdown());

  it('localizes quick fixes and source actions', async () => {
    const uri = 'file:///tmp/code-actions-zh.gongwen';
    const text = '示例镇2024年工作总结\n一、回顾\n全年工作取得新成效，经济稳中有进，民生持续改善，社会和谐稳定。\n三、打算,抓项目，强服务，惠民生;促发展。\n';
    client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const halfwidth = diagnostics.find((d: any) => d.code === 'halfwidth-punctuation');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: halfwidth.range, context: { diagnostics: [halfwidth], triggerKind: 1 } });
    const titles = actions.map((a: any) => a.title);
    expect(titles).toContain('改为“，”');
    expect(titles).toContain('修复文档中全部“halfwidth-punctuation”问题（2 处）');
    expect(titles).toContain('重新编排全文序号');
    expect(titles.some((t: string) => t.startsWith('修复全部可安全修复的问题'))).toBe(true);
  });
});

describe('fix-all keeps fixes from overlapping (engine level)', () => {
  const model = buildReportModel('0123456789');
  const fix = (...edits: [number, number, string][]) => ({ title: { zh: '', en: '' }, safe: true, edits: edits.map(([start, end, newText]) => ({ start, end, newText })) });

  it('drops a fix that overlaps an earlier one, whole', () => {
    const result = nonOverlapping(model, [fix([2, 4, 'a']), fix([3, 5, 'b']), fix([6, 7, 'c'], [3, 3, 'd']), fix([5, 6, 'e'])]);
    expect(result.fixes).toBe(2);
    expect(result.edits).toEqual([
      { start: 2, end: 4, newText: 'a' },
      { start: 5, end: 6, newText: 'e' },
    ]);
  });

  it('keeps touching edits, and one insertion per offset', () => {
    const result = nonOverlapping(model, [fix([2, 4, 'a']), fix([4, 4, 'b']), fix([4, 4, 'c']), fix([0, 2, 'd']), fix([9, 10, 'e']), fix([10, 10, 'f'])]);
    expect(result.edits.map((e) => e.newText)).toEqual(['d', 'a', 'b', 'e', 'f']);
  });

  it('refuses fixes that overlap themselves or lie outside the text, and repeated edit lists', () => {
    const shared = fix([1, 2, 'x'], [5, 6, 'y']);
    const result = nonOverlapping(model, [fix([1, 3, 'a'], [2, 4, 'b']), fix([8, 11, 'c']), fix([-1, 0, 'd']), shared, { ...shared, title: { zh: '1', en: '1' } }]);
    expect(result.fixes).toBe(1);
    expect(result.edits.map((e) => e.newText)).toEqual(['x', 'y']);
  });
});

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
