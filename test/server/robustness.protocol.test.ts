import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client';

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCE_ONLY = { only: ['source'], diagnostics: [], triggerKind: 1 };
const RENUMBER_KIND = 'source.organizeNumbering.gongwen';
const FIX_ALL_KIND = 'source.fixAll.gongwen';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('invalid settings', () => {
  let client: LspClient;
  const messages: { type: number; message: string }[] = [];
  beforeAll(async () => {
    client = new LspClient();
    client.on('window/showMessage', (p) => messages.push(p));
    client.settings = { rules: { placeholder: 'loud' } };
    await client.initialize({ configuration: true });
  });
  afterAll(() => client.shutdown());

  async function waitForMessage(pattern: RegExp): Promise<{ type: number; message: string }> {
    const started = Date.now();
    for (;;) {
      const hit = messages.find((m) => pattern.test(m.message));
      if (hit) return hit;
      if (Date.now() - started > 5000) throw new Error(`no message matching ${pattern}; got ${JSON.stringify(messages)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('warns clearly about a bad severity pulled at startup and keeps working', async () => {
    const message = await waitForMessage(/gongwen\.rules\.placeholder/);
    expect(message.type).toBe(2); // Warning
    expect(message.message).toMatch(/Gongwen ignored invalid settings/);
    const uri = 'file:///tmp/robust-settings.gongwen';
    client.open(uri, '示例镇2024年工作总结\n一、回顾\n二、打算\n');
    await client.waitForDiagnostics(uri, 1);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s: any) => s.name)).toEqual(['一、回顾', '二、打算']);
  });

  it('warns about rules: 5 after didChangeConfiguration and keeps working', async () => {
    client.settings = { rules: 5 };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const message = await waitForMessage(/gongwen\.rules: must be an object, got 5/);
    expect(message.type).toBe(2);
    const uri = 'file:///tmp/robust-settings.gongwen';
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: WHOLE, context: SOURCE_ONLY });
    expect(Array.isArray(actions)).toBe(true);
    expect(client.exited).toBe(false);
  });

  it('accepts settings that are not an object at all', async () => {
    client.settings = 'loud';
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await waitForMessage(/settings must be an object/);
    client.settings = {};
    client.notify('workspace/didChangeConfiguration', { settings: null });
    expect(client.exited).toBe(false);
  });
});

describe('hostile and degenerate documents', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = new LspClient();
    await client.initialize();
  });
  afterAll(() => client.shutdown());

  async function everyRequest(uri: string, text: string): Promise<void> {
    const end = { line: text.split(/\r\n|\r|\n/).length, character: 0 };
    const range = { start: { line: 0, character: 0 }, end };
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('textDocument/foldingRange', { textDocument: { uri } });
    await client.request('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 0, character: 0 }] });
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], triggerKind: 1 } });
    expect(Array.isArray(actions)).toBe(true);
    const placeholders = await client.request('workspace/executeCommand', { command: 'gongwen.server.placeholders', arguments: [uri] });
    expect(placeholders.uri).toBe(uri);
  }

  it('handles an empty document', async () => {
    const uri = 'file:///tmp/robust-empty.gongwen';
    client.open(uri, '');
    expect(await client.waitForDiagnostics(uri, 1)).toEqual([]);
    await everyRequest(uri, '');
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    expect(await client.request('textDocument/codeAction', { textDocument: { uri }, range: WHOLE, context: SOURCE_ONLY })).toEqual([]);
  });

  it('handles binary junk (random bytes read as latin1)', async () => {
    const next = random(20240601);
    for (const [i, size] of [4096, 65536].entries()) {
      const bytes = Buffer.alloc(size);
      for (let j = 0; j < size; j++) bytes[j] = Math.floor(next() * 256);
      const text = bytes.toString('latin1');
      const uri = `file:///tmp/robust-junk-${i}.gongwen`;
      client.open(uri, text);
      await client.waitForDiagnostics(uri, 1);
      await everyRequest(uri, text);
    }
    expect(client.exited).toBe(false);
  });

  it('handles lone surrogates, NULs and very long lines', async () => {
    const text = '一、\uD800回顾\u0000\n（一）\uDC00' + '是'.repeat(200000) + '\r\r\n二、xx年\uFFFF\n';
    const uri = 'file:///tmp/robust-surrogates.gongwen';
    client.open(uri, text);
    await client.waitForDiagnostics(uri, 1);
    await everyRequest(uri, text);
  });

  it('answers requests for documents that are closed or were never opened', async () => {
    const uri = 'file:///tmp/robust-closed.gongwen';
    client.open(uri, '示例镇工作总结\n一、回顾\n三、打算xxxx年\n');
    await client.waitForDiagnostics(uri, 1);
    client.close(uri);
    for (const u of [uri, 'file:///tmp/robust-never.gongwen']) {
      const diagnostic = { range: WHOLE, message: 'm', code: 'numbering-sequence', source: 'gongwen', data: { ruleId: 'numbering-sequence', start: 0, end: 2 } };
      expect(await client.request('textDocument/codeAction', { textDocument: { uri: u }, range: WHOLE, context: { diagnostics: [diagnostic] } })).toEqual([]);
      expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: u } })).toEqual([]);
      expect(await client.request('textDocument/foldingRange', { textDocument: { uri: u } })).toEqual([]);
      expect(await client.request('workspace/executeCommand', { command: 'gongwen.server.fillAllLikeThis', arguments: [u, 0, '2024'] })).toMatchObject({ applied: false, reason: 'closed' });
    }
    // Changing a document that is not open must not take the server down.
    client.notify('textDocument/didChange', { textDocument: { uri: 'file:///tmp/robust-never.gongwen', version: 2 }, contentChanges: [{ text: 'x' }] });
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    expect(client.exited).toBe(false);
  });

  it('publishes nothing for a stale version when versions 1..20 arrive in a burst', async () => {
    const uri = 'file:///tmp/robust-burst.gongwen';
    const base = '示例镇2024年工作总结\n一、回顾\n';
    client.open(uri, base + '（1）', 1);
    for (let v = 2; v <= 20; v++) client.change(uri, v, base + `（${v}）xx亿元\n`);
    await client.waitForDiagnostics(uri, 20);
    await new Promise((r) => setTimeout(r, 600)); // let anything late arrive
    const versions = (client.diagnostics.get(uri) ?? []).map((d) => d.version);
    expect(versions).toEqual([20]);
  });

  it('never publishes a version older than the latest sent when edits come at typing speed', async () => {
    const uri = 'file:///tmp/robust-typing.gongwen';
    let latest = 1;
    const seen: { version: number; latest: number }[] = [];
    client.on('textDocument/publishDiagnostics', (p) => {
      if (p.uri === uri) seen.push({ version: p.version, latest });
    });
    client.open(uri, '一、回顾\n', 1);
    for (let v = 2; v <= 20; v++) {
      // Pauses now and then, as a typist does; in between, 10 ms apart, well inside the 30 ms debounce
      // even when a loaded machine runs the timer late.
      await new Promise((r) => setTimeout(r, v % 5 === 0 ? 400 : 10));
      latest = v;
      client.change(uri, v, '一、回顾\n' + '正文。'.repeat(v) + '\n');
    }
    await client.waitForDiagnostics(uri, 20);
    await new Promise((r) => setTimeout(r, 400));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)!.version).toBe(20);
    for (let i = 0; i < seen.length; i++) {
      expect(seen[i].version).toBeLessThanOrEqual(seen[i].latest);
      if (i > 0) expect(seen[i].version).toBeGreaterThan(seen[i - 1].version);
    }
    // Published for the version it opened with (at once), then only at pauses: far fewer than the 20 versions.
    expect(seen.length).toBeLessThanOrEqual(7);
  });

  /**
   * Opens `text`, waits for its diagnostics, then asks for folding, selection, code actions (light
   * bulb and source) and placeholders; returns the times taken. (Outline is left out: the symbols of
   * a 20 MB compilation are a reply of hundreds of megabytes, a matter for the outline's own tests.)
   */
  async function stress(uri: string, text: string): Promise<{ analysed: number; answered: number; placeholders: any; times: Record<string, number> }> {
    const started = Date.now();
    client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, 1, 150000);
    const analysed = Date.now() - started;
    expect(diagnostics.length).toBeLessThanOrEqual(2000);
    const times: Record<string, number> = {};
    const timed = async <T>(name: string, request: Promise<T>): Promise<T> => {
      const t = Date.now();
      const result = await request;
      times[name] = Date.now() - t;
      return result;
    };
    const t0 = Date.now();
    const folds = await timed('folding', client.request('textDocument/foldingRange', { textDocument: { uri } }, 60000));
    expect(Array.isArray(folds)).toBe(true);
    const middle = { line: Math.floor(text.length / 200), character: 3 };
    const [selection] = await timed('selection', client.request('textDocument/selectionRange', { textDocument: { uri }, positions: [middle] }, 60000));
    expect(selection.range).toBeDefined();
    const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    const lightBulb = await timed('light bulb', client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: diagnostics.slice(0, 5), triggerKind: 2 } }, 60000));
    expect(Array.isArray(lightBulb)).toBe(true);
    const placeholders = await timed('placeholders', client.request('workspace/executeCommand', { command: 'gongwen.server.placeholders', arguments: [uri] }, 60000));
    const renumber = await timed('renumber', client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { only: [RENUMBER_KIND], diagnostics: [] } }, 60000));
    expect(Array.isArray(renumber)).toBe(true);
    const fixAll = await timed('fix all', client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { only: [FIX_ALL_KIND], diagnostics: [] } }, 60000));
    expect(Array.isArray(fixAll)).toBe(true);
    const answered = Date.now() - t0;
    client.close(uri);
    expect(client.exited).toBe(false);
    return { analysed, answered, placeholders, times };
  }

  it('survives a 20 MB compilation of reports and answers within a reasonable time', async () => {
    const head = '示例镇2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n';
    const unit = [
      '过去一年，我们坚持稳中求进，经济运行总体平稳。一是产业提质增效，新增规上企业5家。二是项目建设提速，完成投资xx亿元。',
      '全镇上下团结一心，攻坚克难，各项工作取得新成效,群众满意度不断提升。',
      '',
    ].join('\n');
    const text = head + unit.repeat(Math.ceil((20 * 1024 * 1024) / unit.length)) + '二、2024年工作安排\n';
    expect(text.length).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    const { analysed, answered, placeholders, times } = await stress('file:///tmp/robust-huge.gongwen', text);
    expect(placeholders.total).toBeGreaterThan(100000);
    expect(placeholders.placeholders.length).toBeLessThanOrEqual(20000);
    // Generous bounds for a slow, busy CI machine; an idle laptop needs a fraction of this.
    expect(analysed).toBeLessThan(90000);
    expect(answered).toBeLessThan(60000);
    console.log(`20 MB: published diagnostics after ${analysed} ms; then ${JSON.stringify(times)}`);
  }, 300000);

  it('stays linear on 4 MB with a problem on every line', async () => {
    const unit = [
      '一、xxxx年工作回顾',
      '（一）产业发展,全年实现地区生产总值xx亿元,同比增长%。新建项目x个;完成投资xx亿元。',
      '（二）民生保障。新增就业xx人,城镇登记失业率控制在x.x%以内。',
      '（四）社会治理。化解矛盾纠纷xx件。',
      '二、下一步工作打算',
      '1、抓好项目建设。2、抓好民生实事。',
      '',
    ].join('\n');
    const text = unit.repeat(Math.ceil((4 * 1024 * 1024) / unit.length));
    const { analysed, answered, times } = await stress('file:///tmp/robust-dense.gongwen', text);
    // Linear work takes a few seconds here; a rule that is quadratic in the number of headings takes minutes.
    expect(analysed).toBeLessThan(60000);
    expect(answered).toBeLessThan(60000);
    console.log(`4 MB dense: published diagnostics after ${analysed} ms; then ${JSON.stringify(times)}`);
  }, 300000);
});
