// Helpers shared by the real-editor tests. Everything goes through the public `vscode` API, the
// way a user's editor sees the extension.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { skip } from './harness';

export interface E2EConfig {
  /** Folder holding local/, national/, excerpts/ (normally <repo>/../shared/corpus). */
  corpusDir: string;
  /** Where run() writes its JSON results. */
  resultsFile: string;
  /** Run tests registered as pending. */
  runPending: boolean;
  /** Only run tests whose "file › name" matches. */
  filter?: string;
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && folder.uri.scheme === 'file') return folder.uri.fsPath;
  const dir = path.join(os.tmpdir(), 'gongwen-e2e-workspace');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

let cached: E2EConfig | undefined;

/**
 * Configuration comes from (later wins): defaults; the JSON file named by GONGWEN_E2E_CONFIG or
 * else <workspace>/.e2e-config.json (written by the drivers); the environment variables
 * GONGWEN_E2E_CORPUS, GONGWEN_E2E_RESULTS, GONGWEN_E2E_RUN_PENDING=1, GONGWEN_E2E_FILTER.
 */
export function config(): E2EConfig {
  if (cached) return cached;
  const ws = workspaceDir();
  // The bundle lives in <repo>/test/e2e/out/index.js; the corpus in <repo>/../shared/corpus.
  const cfg: E2EConfig = {
    corpusDir: path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus'),
    resultsFile: path.join(ws, '.e2e-results.json'),
    runPending: false,
  };
  const file = process.env.GONGWEN_E2E_CONFIG || path.join(ws, '.e2e-config.json');
  if (fs.existsSync(file)) Object.assign(cfg, JSON.parse(fs.readFileSync(file, 'utf8')));
  const env = process.env;
  if (env.GONGWEN_E2E_CORPUS) cfg.corpusDir = env.GONGWEN_E2E_CORPUS;
  if (env.GONGWEN_E2E_RESULTS) cfg.resultsFile = env.GONGWEN_E2E_RESULTS;
  if (env.GONGWEN_E2E_RUN_PENDING) cfg.runPending = env.GONGWEN_E2E_RUN_PENDING === '1';
  if (env.GONGWEN_E2E_FILTER) cfg.filter = env.GONGWEN_E2E_FILTER;
  return (cached = cfg);
}

/** Absolute path of a corpus file; skips the current test when the corpus is absent. */
export function corpusFile(rel: string): string {
  const p = path.join(config().corpusDir, rel);
  if (!fs.existsSync(p)) skip(`corpus file not found: ${p}`);
  return p;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `probe` until it returns something truthy; throws with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await sleep(intervalMs);
  }
}

function findOpenDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Opens a file in an editor and waits until the editor's language is `languageId`. */
export async function openAs(file: string, languageId = 'gongwen', timeoutMs = 30_000): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.file(file);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return waitFor(
    `${path.basename(file)} to get language '${languageId}' (has '${findOpenDocument(uri)?.languageId ?? doc.languageId}')`,
    () => {
      const d = findOpenDocument(uri);
      return d && d.languageId === languageId ? d : undefined;
    },
    timeoutMs,
  );
}

/** Copies a corpus file into the scratch workspace (once) and opens it as a gongwen document. */
export async function openCorpusReport(rel: string): Promise<vscode.TextDocument> {
  const src = corpusFile(rel);
  const dest = path.join(workspaceDir(), path.basename(src));
  if (!fs.existsSync(dest)) fs.copyFileSync(src, dest);
  return openAs(dest);
}

/** Writes `text` to <workspace>/<name> and opens it (a `.gongwen` name opens as gongwen directly). */
export async function openScratch(name: string, text: string): Promise<vscode.TextDocument> {
  const dest = path.join(workspaceDir(), name);
  fs.writeFileSync(dest, text, 'utf8');
  return openAs(dest);
}

/** Zero-based line of the first line whose text starts with `prefix` (after normalizing). */
export function lineOf(doc: vscode.TextDocument, prefix: string): number {
  const want = normalize(prefix);
  for (let i = 0; i < doc.lineCount; i++) {
    if (normalize(doc.lineAt(i).text.trim()).startsWith(want)) return i;
  }
  assert.fail(`no line starting with ${prefix} in ${path.basename(doc.uri.fsPath)}`);
}

/** Half-width brackets and punctuation to full width, as the corpus mixes both. */
export function normalize(s: string): string {
  return s
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/;/g, '；')
    .trim();
}

export type Symbol = vscode.DocumentSymbol & vscode.SymbolInformation;

/** The outline as a user's Outline view gets it; waits until the server answers non-empty. */
export async function documentSymbols(doc: vscode.TextDocument, timeoutMs = 30_000): Promise<Symbol[]> {
  return waitFor(
    'a non-empty answer from vscode.executeDocumentSymbolProvider',
    async () => {
      const s = await vscode.commands.executeCommand<Symbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length > 0 ? s : undefined;
    },
    timeoutMs,
    300,
  );
}

export function flattenSymbols(symbols: readonly Symbol[], depth = 0, out: { symbol: Symbol; depth: number }[] = []) {
  for (const s of symbols) {
    out.push({ symbol: s, depth });
    flattenSymbols((s.children ?? []) as Symbol[], depth + 1, out);
  }
  return out;
}

export function outlineText(symbols: readonly Symbol[]): string {
  return flattenSymbols(symbols)
    .map(({ symbol, depth }) => `${'  '.repeat(depth)}${symbol.name}`)
    .join('\n');
}

/** A diagnostic's code as a string (`code` may be a string, a number or `{ value, target }`). */
export function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

export async function diagnosticsWithCode(doc: vscode.TextDocument, code: string, timeoutMs = 30_000) {
  return waitFor(
    `diagnostics with code '${code}' on ${path.basename(doc.uri.fsPath)} (have: ${JSON.stringify(
      vscode.languages.getDiagnostics(doc.uri).map(diagnosticCode),
    )})`,
    () => {
      const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => diagnosticCode(d) === code);
      return ds.length > 0 ? ds : undefined;
    },
    timeoutMs,
    300,
  );
}

export function short(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

// ---------------------------------------------------------------------------------------------
// Editors, diagnostics that have settled, code actions, snippets

/** The editor showing `doc` (shown and focused if it is not the active one). */
export async function editorOf(doc: vscode.TextDocument): Promise<vscode.TextEditor> {
  const active = vscode.window.activeTextEditor;
  if (active && active.document === doc) return active;
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The whole text of `doc` as a range. */
export function wholeRange(doc: vscode.TextDocument): vscode.Range {
  return doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0));
}

/** Puts the cursor at `pos` (an empty selection) and reveals it. */
export function moveCursor(editor: vscode.TextEditor, pos: vscode.Position): void {
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos));
}

/** The diagnostics of `doc` once the server has published for its current text: waits for a
 *  publication after `action` (when given), then for `quietMs` without further changes. */
export async function settledDiagnostics(
  doc: vscode.TextDocument,
  action?: () => unknown,
  { quietMs = 800, timeoutMs = 20_000 } = {},
): Promise<vscode.Diagnostic[]> {
  let changes = 0;
  let last = Date.now();
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === doc.uri.toString())) {
      changes++;
      last = Date.now();
    }
  });
  try {
    if (action) {
      await action();
      await waitFor(`a diagnostics update for ${path.basename(doc.uri.fsPath)} after the edit`, () => changes > 0, timeoutMs, 50);
    }
    await waitFor(`diagnostics of ${path.basename(doc.uri.fsPath)} to settle`, () => Date.now() - last >= quietMs, timeoutMs, 100);
    return vscode.languages.getDiagnostics(doc.uri);
  } finally {
    sub.dispose();
  }
}

/** `rule=count` pairs of the diagnostics, for messages. */
export function codeSummary(ds: readonly vscode.Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of ds) counts.set(diagnosticCode(d) ?? '?', (counts.get(diagnosticCode(d) ?? '?') ?? 0) + 1);
  return [...counts].map(([k, v]) => `${k}=${v}`).join(', ') || 'none';
}

export async function codeActions(doc: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', doc.uri, range, kind);
  // A bare Command has a string `command`; a CodeAction has an optional Command object there.
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Applies a code action the way the light bulb does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit refused the edit of '${action.title}'`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** What a snippet body becomes when every tab stop keeps its default (choices: the first). */
export function expandSnippetBody(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  return text
    .replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string, d: string) => (defaults.set(n, d), d))
    .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, c: string) => {
      const first = c.split(',')[0];
      defaults.set(n, first);
      return first;
    })
    .replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => defaults.get((a ?? b)!) ?? '');
}

/** Facts the suite leaves for the driver's checks of the workbench UI (e.g. the placeholder count
 *  the status bar must show): <workspace>/.e2e-facts.json. */
export function recordFact(key: string, value: unknown): void {
  const file = path.join(workspaceDir(), '.e2e-facts.json');
  let facts: Record<string, unknown> = {};
  try {
    facts = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    /* first fact */
  }
  facts[key] = value;
  fs.writeFileSync(file, JSON.stringify(facts, null, 2));
}

/** The hover texts at `pos`, joined. */
export async function hoverText(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
