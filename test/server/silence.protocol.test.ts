/**
 * Silencing findings over a real stdio connection: each quick fix's WorkspaceEdit is applied to a
 * real `.gongwen.json` in a temporary workspace, the server hears of the change
 * (`workspace/didChangeWatchedFiles`), re-reads it and drops the finding, which stays dropped
 * after an edit elsewhere in the document.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, uriOf } from './lsp-client';
import { applyEdits } from '../../server/src/engine/renumber';
import { LineIndex } from '../../server/src/engine/pipeline/01-lines';
import { textOf } from './workspace-edit';

const REPORT = ['示范镇2024年工作总结', '一、工作回顾', '今年实现生产总值xx亿元，同比增长5%。', '某某村完成改造，某某社区启动建设。', '二、存在的问题', '一是投入不足。', '三、下一步打算', '明年力争xx亿元。', ''].join('\n');

/** Applies a WorkspaceEdit to files on disk as an editor would, creating files it creates. */
function applyToDisk(edit: any): void {
  const apply = (uri: string, edits: any[]) => {
    const path = fileURLToPath(uri);
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const index = new LineIndex(text);
    const offsets = edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }));
    writeFileSync(path, applyEdits(text, offsets));
  };
  for (const change of edit.documentChanges ?? []) {
    if (change.kind === 'create') {
      const path = fileURLToPath(change.uri);
      if (!existsSync(path)) writeFileSync(path, '');
    } else if (change.kind === undefined) apply(change.textDocument.uri, change.edits);
    else throw new Error(`unexpected ${change.kind}`);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits as any[]);
}

describe('silencing findings in .gongwen.json over stdio', () => {
  let client: LspClient;
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-silence-'));
  const workspace = join(dir, 'workspace');
  const configPath = join(workspace, '.gongwen.json');
  const registrations: any[] = [];
  const messages: string[] = [];

  beforeAll(async () => {
    mkdirSync(join(workspace, 'reports'), { recursive: true });
    client = new LspClient();
    client.onRequest('client/registerCapability', (p) => {
      registrations.push(...p.registrations);
      return null;
    });
    client.on('window/showMessage', (p) => messages.push(p.message));
    await client.request('initialize', {
      processId: process.pid,
      rootUri: uriOf(workspace),
      workspaceFolders: [{ uri: uriOf(workspace), name: 'workspace' }],
      locale: 'en',
      capabilities: {
        workspace: {
          applyEdit: true,
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
        },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
      },
    });
    client.notify('initialized', {});
  });
  afterAll(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Waits for the next publication of diagnostics of `uri` after `count` earlier ones. */
  async function published(uri: string, count: number): Promise<any[]> {
    const started = Date.now();
    for (;;) {
      const list = client.diagnostics.get(uri) ?? [];
      if (list.length > count) return list[list.length - 1].diagnostics;
      if (Date.now() - started > 10000) throw new Error(`no new diagnostics for ${uri}; stderr: ${client.stderr.join('')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const publishedSoFar = (uri: string) => (client.diagnostics.get(uri) ?? []).length;

  /** Applies `action`'s edit to disk and tells the server, as the editor's file watcher would; returns the next diagnostics. */
  async function applyAndNotify(action: any, uri: string): Promise<any[]> {
    const before = publishedSoFar(uri);
    const existed = existsSync(configPath);
    applyToDisk(action.edit);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(configPath), type: existed ? 2 : 1 }] });
    return published(uri, before);
  }

  const placeholders = (text: string, diagnostics: any[]) => diagnostics.filter((d) => d.code === 'placeholder').map((d) => `${d.range.start.line}:${textOf(text, d.range)}`);

  async function quickFixes(uri: string, diagnostic: any): Promise<any[]> {
    return client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  }

  it('registers a watcher for .gongwen.json', async () => {
    for (let i = 0; i < 100 && !registrations.length; i++) await new Promise((r) => setTimeout(r, 20));
    const watcher = registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    expect(watcher?.registerOptions.watchers).toEqual([{ globPattern: '**/.gongwen.json' }]);
  });

  it("'Ignore this here' creates .gongwen.json, drops that finding only, and keeps it dropped after edits elsewhere", async () => {
    const file = join(workspace, 'reports', '2024.txt');
    writeFileSync(file, REPORT);
    const uri = uriOf(file);
    client.open(uri, REPORT);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    expect(placeholders(REPORT, diagnostics)).toEqual(['2:xx', '3:某某', '3:某某', '7:xx']);
    const first = diagnostics.find((d) => d.code === 'placeholder');
    const actions = await quickFixes(uri, first);
    const ignore = actions.find((a) => a.title === 'Ignore this here (in .gongwen.json)');
    expect(ignore, JSON.stringify(actions.map((a) => a.title))).toBeDefined();
    expect(ignore.kind).toBe('quickfix');
    expect(existsSync(configPath)).toBe(false);

    const after = await applyAndNotify(ignore, uri);
    expect(JSON.parse(readFileSync(configPath, 'utf8'))).toEqual({
      ignore: [{ file: 'reports/2024.txt', rule: 'placeholder', text: 'xx', context: '今年实现生产总值xx亿元，同比增长5%。' }],
    });
    expect(placeholders(REPORT, after)).toEqual(['3:某某', '3:某某', '7:xx']);

    // Lines added above and a sentence changed below: still ignored.
    const edited = REPORT.replace('一、工作回顾\n', '（2024年12月20日）\n\n一、工作回顾\n').replace('一是投入不足。', '一是投入不足，二是人才缺乏。');
    client.change(uri, 2, edited);
    expect(placeholders(edited, await client.waitForDiagnostics(uri, 2))).toEqual(['5:某某', '5:某某', '9:xx']);

    // The finding's own text edited: it comes back.
    const retyped = edited.replace('生产总值xx亿元', '生产总值XX亿元');
    client.change(uri, 3, retyped);
    expect(placeholders(retyped, await client.waitForDiagnostics(uri, 3))).toEqual(['4:XX', '5:某某', '5:某某', '9:xx']);
    client.close(uri);
  });

  it("'Never flag “某某” in this workspace' adds the word to the existing file, keeping what is there", async () => {
    const file = join(workspace, 'reports', 'words.txt');
    writeFileSync(file, REPORT);
    const uri = uriOf(file);
    client.open(uri, REPORT);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const mouMou = diagnostics.find((d) => d.code === 'placeholder' && textOf(REPORT, d.range) === '某某');
    const actions = await quickFixes(uri, mouMou);
    const never = actions.find((a) => a.title === 'Never flag “某某” in this workspace');
    expect(never, JSON.stringify(actions.map((a) => a.title))).toBeDefined();
    expect(never.edit.changes).toBeDefined(); // an insertion into the file, not a rewrite

    const after = await applyAndNotify(never, uri);
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    expect(config.words).toEqual(['某某']);
    expect(config.ignore).toHaveLength(1);
    expect(placeholders(REPORT, after)).toEqual(['2:xx', '7:xx']);
    const edited = '前言。\n' + REPORT;
    client.change(uri, 2, edited);
    expect(placeholders(edited, await client.waitForDiagnostics(uri, 2))).toEqual(['3:xx', '8:xx']);
    // No second offer once the word is in the list.
    const again = await quickFixes(uri, (await client.waitForDiagnostics(uri, 2)).find((d) => d.code === 'placeholder'));
    expect(again.some((a) => a.title.startsWith('Never flag “某某”'))).toBe(false);
    client.close(uri);
  });

  it("'Turn off <rule> for this file' silences the rule in this file only", async () => {
    const file = join(workspace, 'reports', 'draft.txt');
    const other = join(workspace, 'reports', 'other.txt');
    writeFileSync(file, REPORT);
    writeFileSync(other, REPORT);
    const uri = uriOf(file);
    const otherUri = uriOf(other);
    client.open(uri, REPORT);
    client.open(otherUri, REPORT);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    await client.waitForDiagnostics(otherUri, 1);
    const xx = diagnostics.find((d) => d.code === 'placeholder');
    const off = (await quickFixes(uri, xx)).find((a) => a.title === 'Turn off placeholder for this file');
    expect(off).toBeDefined();
    const otherBefore = publishedSoFar(otherUri);
    const after = await applyAndNotify(off, uri);
    expect(JSON.parse(readFileSync(configPath, 'utf8')).overrides).toEqual([{ files: ['reports/draft.txt'], rules: { placeholder: 'off' } }]);
    expect(placeholders(REPORT, after)).toEqual([]);
    expect(placeholders(REPORT, await published(otherUri, otherBefore))).toEqual(['2:xx', '7:xx']); // 某某 is a never-flag word now
    client.close(uri);
    client.close(otherUri);
  });

  it('offers Chinese titles to a Chinese editor', async () => {
    const zh = new LspClient();
    try {
      await zh.request('initialize', {
        processId: process.pid,
        rootUri: uriOf(workspace),
        workspaceFolders: [{ uri: uriOf(workspace), name: 'workspace' }],
        locale: 'zh-cn',
        capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } },
      });
      zh.notify('initialized', {});
      const uri = uriOf(join(workspace, 'reports', 'zh.txt'));
      const text = REPORT.replace('某某村完成改造，某某社区启动建设。\n', '');
      zh.open(uri, text);
      const [xx] = (await zh.waitForDiagnostics(uri, 1)).filter((d) => d.code === 'placeholder');
      const titles = (await zh.request('textDocument/codeAction', { textDocument: { uri }, range: xx.range, context: { diagnostics: [xx] } })).map((a: any) => a.title);
      expect(titles).toEqual(expect.arrayContaining(['忽略此处的这个问题（写入 .gongwen.json）', '在此工作区不再标记“xx”', '在此文件中关闭规则 placeholder']));
    } finally {
      await zh.shutdown();
    }
  });

  it('reports an invalid .gongwen.json once and offers no edits of it', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, '.gongwen.json'), '\uFEFF{ "words": [');
    const uri = uriOf(join(broken, 'a.txt'));
    client.open(uri, REPORT); // outside every workspace folder: the file beside it applies
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    expect(placeholders(REPORT, diagnostics)).toHaveLength(4);
    await new Promise((r) => setTimeout(r, 200));
    expect(messages.filter((m) => m.includes(join(broken, '.gongwen.json')) && m.includes('invalid JSON'))).toHaveLength(1);
    const actions = await quickFixes(uri, diagnostics.find((d) => d.code === 'placeholder'));
    expect(actions.filter((a) => /gongwen\.json|Never flag|Turn off/.test(a.title))).toEqual([]);
    client.close(uri);
  });

  it('a single file outside any workspace folder gets its .gongwen.json beside it', async () => {
    const alone = join(dir, 'alone');
    mkdirSync(alone);
    const uri = uriOf(join(alone, 'a.txt'));
    client.open(uri, REPORT);
    const [xx] = (await client.waitForDiagnostics(uri, 1)).filter((d) => d.code === 'placeholder');
    const ignore = (await quickFixes(uri, xx)).find((a) => a.title === 'Ignore this here (in .gongwen.json)');
    expect(ignore.edit.documentChanges[0]).toMatchObject({ kind: 'create', uri: uriOf(join(alone, '.gongwen.json')) });
    expect(JSON.parse(ignore.edit.documentChanges[1].edits[0].newText).ignore[0].file).toBe('a.txt');
    client.close(uri);
  });

  it('uses the editor\'s unsaved text of .gongwen.json (gongwen/configText), falling back to disk when it does not parse', async () => {
    const file = join(workspace, 'reports', 'overlay.txt');
    const uri = uriOf(file);
    const text = REPORT.replace('某某村完成改造，某某社区启动建设。\n', '');
    client.open(uri, text);
    expect(placeholders(text, await client.waitForDiagnostics(uri, 1))).toEqual(['2:xx', '6:xx']);
    const onDisk = readFileSync(configPath, 'utf8');
    let before = publishedSoFar(uri);
    client.notify('gongwen/configText', { uri: uriOf(configPath), text: JSON.stringify({ words: ['xx'] }) });
    expect(placeholders(text, await published(uri, before))).toEqual([]);
    expect(readFileSync(configPath, 'utf8')).toBe(onDisk);
    before = publishedSoFar(uri);
    client.notify('gongwen/configText', { uri: uriOf(configPath), text: '{ "words": [' }); // half-typed
    expect(placeholders(text, await published(uri, before))).toEqual(['2:xx', '6:xx']);
    // No quick fix edits text it cannot parse.
    const [xx] = (client.diagnostics.get(uri) ?? []).at(-1)!.diagnostics.filter((d: any) => d.code === 'placeholder');
    expect((await quickFixes(uri, xx)).filter((a) => /gongwen\.json|Never flag|Turn off/.test(a.title))).toEqual([]);
    client.notify('gongwen/configText', { uri: uriOf(configPath), text: null });
    client.close(uri);
  });
});

describe('a hostile .gongwen.json does not stall the server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-silence-hostile-'));
  let client: LspClient;
  const messages: string[] = [];
  const canMakeFifos = spawnSync('mkfifo', ['--version']).status === 0;

  beforeAll(async () => {
    client = new LspClient();
    client.on('window/showMessage', (p) => messages.push(p.message));
    await client.initialize();
  });
  afterAll(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  const cases: Array<[string, (path: string) => void, string]> = [
    ['nested 5,000 levels deep', (p) => writeFileSync(p, '{"rules":' + '['.repeat(5000) + ']'.repeat(5000) + '}'), 'nested deeper than 32 levels'],
    ['larger than 4 MB', (p) => writeFileSync(p, '{"words": [' + '"字",'.repeat(1_200_000) + '"字"]}'), 'too large'],
    ['a FIFO', (p) => spawnSync('mkfifo', [p]), 'not a regular file (FIFO)'],
    ['a folder', (p) => mkdirSync(p), 'is a directory'],
  ];
  it.each(cases)('%s: diagnostics as without it, one message, requests answered', async (name, make, message) => {
    if (name === 'a FIFO' && !canMakeFifos) return;
    const folder = join(dir, name.replace(/\W+/g, '-'));
    mkdirSync(folder);
    make(join(folder, '.gongwen.json'));
    const uri = uriOf(join(folder, 'r.txt')); // outside any workspace folder: the file beside it applies
    const started = Date.now();
    client.open(uri, REPORT);
    const diagnostics = await client.waitForDiagnostics(uri, 1, 5000);
    expect(diagnostics.filter((d) => d.code === 'placeholder')).toHaveLength(4);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } }, 2000);
    expect(symbols.map((s: any) => s.name)).toEqual(['一、工作回顾', '二、存在的问题', '三、下一步打算']);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(messages.filter((m) => m.includes(folder) && m.includes(message))).toHaveLength(1);
    client.close(uri);
  });
});
