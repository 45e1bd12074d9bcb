import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { corpusText, hasCorpus } from '../helpers/corpus';
import { LspClient } from './lsp-client';
import { applyWorkspaceEdit, offsetEdits, positionAt, textOf } from './workspace-edit';

const FILL = 'gongwen.server.fillAllLikeThis';
const PLACEHOLDERS = 'gongwen.server.placeholders';
const FIX_RULE = 'gongwen.server.fixAllOfRule';

const TEMPLATE = [
  'XX镇xxxx年工作总结',
  'xxxx年，全镇实现地区生产总值xx亿元，同比增长%。',
  '一、xxxx年工作回顾',
  '全年新建项目x个，完成投资xxxx亿元。',
  '二、xxxx年工作打算',
  '力争xxxx年底前完成。',
  '',
].join('\n');

describe('server commands over stdio', () => {
  let client: LspClient;
  let applyEdits: any[];
  let answerApplyEdit: { applied: boolean; failureReason?: string };
  let n = 0;
  const nextUri = () => `file:///tmp/commands-${++n}.gongwen`;

  beforeAll(async () => {
    client = new LspClient();
    client.onRequest('workspace/applyEdit', (params) => {
      applyEdits.push(params);
      return answerApplyEdit;
    });
    const init = await client.initialize();
    expect(init.capabilities.executeCommandProvider.commands).toEqual(expect.arrayContaining([FILL, PLACEHOLDERS, FIX_RULE]));
  });
  afterAll(() => client.shutdown());
  beforeEach(() => {
    applyEdits = [];
    answerApplyEdit = { applied: true };
  });

  const execute = (command: string, ...args: unknown[]) => client.request('workspace/executeCommand', { command, arguments: args });

  it('lists every placeholder with its range, key and confidence, medium-confidence ones included', async () => {
    const uri = nextUri();
    client.open(uri, TEMPLATE);
    const result = await execute(PLACEHOLDERS, uri);
    expect(result.uri).toBe(uri);
    expect(result.version).toBe(1);
    expect(result.total).toBe(result.placeholders.length);
    for (const p of result.placeholders) expect(textOf(TEMPLATE, p.range)).toBe(p.text);
    const keys = result.placeholders.map((p: any) => p.key);
    expect(keys.filter((k: string) => k === 'xxxx年')).toHaveLength(5);
    expect(keys).toContain('xxxx亿');
    expect(keys).toContain('x个');
    // `同比增长%`: a number simply missing, found with medium confidence.
    expect(result.placeholders.some((p: any) => p.confidence === 'medium' && p.form === 'missing-number')).toBe(true);
  });

  it('fills every identical placeholder (every xxxx年, not xxxx亿元) through workspace/applyEdit', async () => {
    const uri = nextUri();
    client.open(uri, TEMPLATE);
    const at = TEMPLATE.indexOf('xxxx年工作回顾') + 2; // inside the blank
    const result = await execute(FILL, uri, positionAt(TEMPLATE, at), '2024');
    expect(result).toMatchObject({ applied: true, replaced: 5, key: 'xxxx年' });
    expect(applyEdits).toHaveLength(1);
    const edits = offsetEdits(TEMPLATE, applyEdits[0].edit, uri);
    expect(edits.every((e) => e.oldText === 'xxxx' && e.newText === '2024')).toBe(true);
    const filled = applyWorkspaceEdit(TEMPLATE, applyEdits[0].edit, uri);
    expect(filled).toBe(TEMPLATE.replaceAll('xxxx年', '2024年'));
    expect(filled).toContain('完成投资xxxx亿元');
    expect(filled).toContain('XX镇');
    expect(applyEdits[0].label).toContain('xxxx年');
  });

  it('accepts an offset, the version, and the object form of the arguments', async () => {
    const uri = nextUri();
    client.open(uri, TEMPLATE, 3);
    const at = TEMPLATE.indexOf('x个');
    const result = await execute(FILL, { uri, offset: at + 1 /* just after the blank */, replacement: '12', version: 3 });
    expect(result).toMatchObject({ applied: true, replaced: 1, key: 'x个' });
    expect(applyWorkspaceEdit(TEMPLATE, applyEdits[0].edit, uri)).toBe(TEMPLATE.replace('x个', '12个'));
  });

  it('puts a missing number in front of its unit instead of replacing the unit', async () => {
    const uri = nextUri();
    const text = '示例镇工作总结\n全年实现生产总值亿元，同比增长%。\n';
    client.open(uri, text);
    const at = text.indexOf('%');
    const result = await execute(FILL, uri, at, '6.5');
    expect(result.applied).toBe(true);
    expect(applyWorkspaceEdit(text, applyEdits[0].edit, uri)).toBe(text.replace('增长%', '增长6.5%'));
  });

  it('refuses a stale version, a cursor on no placeholder, and a closed document without editing', async () => {
    const uri = nextUri();
    client.open(uri, TEMPLATE, 1);
    client.change(uri, 2, TEMPLATE + '\n');
    const at = TEMPLATE.indexOf('xxxx年');
    expect(await execute(FILL, uri, at, '2024', 1)).toMatchObject({ applied: false, replaced: 0, reason: 'stale' });
    expect(await execute(FILL, uri, TEMPLATE.indexOf('全镇'), '2024')).toMatchObject({ applied: false, reason: 'no-placeholder' });
    client.close(uri);
    expect(await execute(FILL, uri, at, '2024')).toMatchObject({ applied: false, reason: 'closed' });
    expect(await execute(PLACEHOLDERS, uri)).toEqual({ uri, version: null, total: 0, placeholders: [] });
    expect(await execute(PLACEHOLDERS, 'file:///tmp/never-opened.gongwen')).toMatchObject({ version: null, placeholders: [] });
    expect(applyEdits).toEqual([]);
  });

  it('reports an edit the client refused', async () => {
    const uri = nextUri();
    client.open(uri, TEMPLATE);
    answerApplyEdit = { applied: false, failureReason: 'document changed' };
    const result = await execute(FILL, uri, TEMPLATE.indexOf('xxxx年'), '2024');
    expect(result).toMatchObject({ applied: false, replaced: 0, reason: 'document changed' });
  });

  it('answers bad arguments with an error and keeps running', async () => {
    const uri = nextUri();
    client.open(uri, TEMPLATE);
    await expect(execute(FILL)).rejects.toThrow(/URI/);
    await expect(execute(FILL, uri, 'here', '2024')).rejects.toThrow(/offset or a position/);
    await expect(execute(FILL, uri, 3, 42)).rejects.toThrow(/replacement/);
    await expect(execute(FILL, uri, 3, 'x'.repeat(20000))).rejects.toThrow(/replacement/);
    await expect(execute('gongwen.noSuchCommand', uri)).rejects.toThrow(/unknown command/);
    expect(applyEdits).toEqual([]);
    expect((await execute(PLACEHOLDERS, uri)).total).toBeGreaterThan(0);
    expect(client.exited).toBe(false);
  });

  it('counts positions in UTF-16 code units when filling after characters outside the BMP', async () => {
    const uri = nextUri();
    const text = '𠀀𠀀镇工作总结\n𠀀xxxx年完成。𠀀xxxx年再干。\n';
    client.open(uri, text);
    const result = await execute(FILL, uri, positionAt(text, text.lastIndexOf('xxxx')), '2025');
    expect(result.replaced).toBe(2);
    expect(applyWorkspaceEdit(text, applyEdits[0].edit, uri)).toBe(text.replaceAll('xxxx年', '2025年'));
  });

  it('fixes every problem of one rule, and refuses a closed document, bad arguments or nothing to fix', async () => {
    const uri = nextUri();
    const text = '示例镇2024年工作总结\n全年完成投资12亿元，新增企业5家，引进项目8个,新增就业300人，发放补贴3000元;\n';
    client.open(uri, text);
    expect(await execute(FIX_RULE, uri, 'halfwidth-punctuation')).toEqual({ applied: true, fixed: 2 });
    expect(applyWorkspaceEdit(text, applyEdits[0].edit, uri)).toBe(text.replace(',', '，').replace(';', '；'));
    expect(await execute(FIX_RULE, uri, 'no-such-rule')).toMatchObject({ applied: false, reason: 'nothing-to-fix' });
    await expect(execute(FIX_RULE, uri)).rejects.toThrow(/rule id/);
    client.close(uri);
    expect(await execute(FIX_RULE, uri, 'halfwidth-punctuation')).toMatchObject({ applied: false, reason: 'closed' });
    expect(applyEdits).toHaveLength(1);
  });

  it.skipIf(!hasCorpus)('fills every xxxx年 of the corpus template and nothing else', async () => {
    const uri = nextUri();
    const text = corpusText('local/town-summary-and-plan-template.txt');
    client.open(uri, text);
    const list = await execute(PLACEHOLDERS, uri);
    expect(list.total).toBeGreaterThan(5);
    const first = list.placeholders[0];
    const sameKey = list.placeholders.filter((p: any) => p.key === first.key && p.form === first.form);
    const result = await execute(FILL, uri, first.range.start, '【已填】');
    expect(result).toMatchObject({ applied: true, replaced: sameKey.length });
    const edits = offsetEdits(text, applyEdits[0].edit, uri);
    expect(edits.map((e) => e.oldText)).toEqual(sameKey.map((p: any) => p.text));
    const filled = applyWorkspaceEdit(text, applyEdits[0].edit, uri);
    expect(filled.length).toBe(text.length + edits.reduce((sum, e) => sum + e.newText.length - e.oldText.length, 0));
  });
});
