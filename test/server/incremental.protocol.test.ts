/**
 * Incremental analysis over a real stdio connection (issue 11): after one-line edits sent as
 * incremental changes, each version's diagnostics are what a fresh open of the same text gets, and
 * the analysis cache passes each document's memo on (`lsp/analysis-cache.ts`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisCache } from '../../server/src/lsp/analysis-cache';
import { defaultSettings } from '../../server/src/engine/settings';
import { LspClient } from './lsp-client';

const LINES = [
  '示例镇2024年政府工作报告',
  '各位代表：',
  '一、2023年工作回顾',
  '全年完成投资,同比增长5%。实现生产总值xx亿元。',
  '【返回顶部】',
  '二、2024年工作安排',
  '（一）推进产业发展。加快项目建设。',
  '（三）保障民生。新增就业岗位。',
];

describe('incremental edits over stdio', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = new LspClient();
    await client.initialize();
  });
  afterAll(() => client.shutdown());

  it('publishes for every edited version what a fresh open of the same text gets', async () => {
    const uri = 'file:///tmp/incremental.gongwen';
    let text = LINES.join('\n') + '\n';
    client.open(uri, text, 1);
    const before = (await client.waitForDiagnostics(uri, 1)).map((d: { code: string }) => d.code);
    expect(before).toEqual(expect.arrayContaining(['web-residue', 'numbering-sequence', 'halfwidth-punctuation']));
    // Each edit: [line, character, deleted units, inserted text].
    const edits: Array<[number, number, number, string]> = [
      [3, 6, 1, '，'], // the half-width comma fixed
      [7, 0, 4, '（二）'], // the numbering gap closed
      [4, 0, 6, ''], // the residue deleted
      [0, 0, 0, '附件\n'], // a line above everything: every later offset moves
    ];
    let version = 1;
    for (const [line, character, remove, insert] of edits) {
      version++;
      const lines = text.split('\n');
      const offset = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
      const end = { line, character: character + remove };
      text = text.slice(0, offset) + insert + text.slice(offset + remove);
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end }, text: insert }] });
      const incremental = await client.waitForDiagnostics(uri, version);
      const freshUri = `file:///tmp/fresh-${version}.gongwen`;
      client.open(freshUri, text, 1);
      const fresh = await client.waitForDiagnostics(freshUri, 1);
      expect(incremental).toEqual(fresh);
      client.close(freshUri);
    }
    // The edits were seen: the comma, the gap and the residue are gone.
    const last = await client.waitForDiagnostics(uri, version);
    expect(last.map((d: { code: string }) => d.code)).not.toContain('web-residue');
    expect(last.map((d: { code: string }) => d.code)).not.toContain('numbering-sequence');
  });
});

describe('the analysis cache passes the memo on', () => {
  it('analyses a new version of a document from the last one, with the same findings as from scratch', () => {
    const cache = new AnalysisCache(defaultSettings());
    const base = LINES.join('\n') + '\n' + '持续推进各项工作,取得成效。\n'.repeat(200);
    cache.get('file:///a', 1, () => base).findings;
    const edited = base.replace('全年完成投资,', '全年完成投资，');
    const next = cache.get('file:///a', 2, () => edited);
    const fresh = new AnalysisCache(defaultSettings()).get('file:///b', 1, () => edited);
    expect(JSON.stringify(next.findings)).toBe(JSON.stringify(fresh.findings));
  });
});
