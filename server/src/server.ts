/**
 * The Gongwen language server: thin wiring from LSP requests to the engine.
 * Run it as `node dist/server.js --stdio` from any editor.
 */
import {
  createConnection,
  MessageType,
  ProposedFeatures,
  DidChangeWatchedFilesNotification,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type SelectionRangeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, foldingRangesOf, normalizeSettings, RULE_IDS, selectionChainAt, settingsForFile, suppressionsFor, type Analysis } from './engine';
import { AnalysisCache, analysisWhenReady, setPendingOutput } from './lsp/analysis-cache';
import { CONFIG_TEXT_NOTIFICATION, ConfigFiles } from './lsp/config-files';
import { documentAnalysisText } from './lsp/document-text';
import { toFoldingRanges, toSelectionRange } from './lsp/convert';
import { registerDocumentSymbols } from './lsp/document-symbols';
import { languageOf, systemLocale, type Language } from './lsp/locale';
import { DiagnosticsScheduler } from './lsp/diagnostics-scheduler';
import { collectAfterClose, postponeCollection } from './lsp/memory';
import { featureCapabilities, registerFeatureHandlers } from './lsp/feature-handlers';
import { onDocument } from './lsp/handlers';

export { guard, onDocument } from './lsp/handlers';

/** State shared by the handlers of one connection. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  cache: AnalysisCache;
  language(): Language;
  /** The analysis of an open document's current version, or `undefined` for a closed one. */
  analysisOf(uri: string): Analysis | undefined;
  /**
   * The analysis of an open document's current version, built in stages with pauses between them;
   * `undefined` when the document is closed, changes meanwhile, or `token` is cancelled first.
   */
  analysisWhenReady(uri: string, token?: CancellationToken, withFindings?: boolean): Promise<Analysis | undefined>;
  /** Shows problems with the settings met while analysing (extra patterns out of budget), each once. */
  warnSettings(problems: readonly string[]): void;
  /** What the client said it supports (snippets in completion, …), once initialized. */
  clientCapabilities?: ClientCapabilities;
  /** The `.gongwen.json` of each document. */
  configFiles: ConfigFiles;
}

/** Starts a server on `connection` (stdio by default). */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  if (process.argv.includes('--stdio')) setPendingOutput(() => process.stdout.writableLength);
  const cache = new AnalysisCache(defaultSettings());
  let language: Language = 'en';
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canTrackFolders = false;
  const configFiles = new ConfigFiles((path, problems) => {
    const head = language === 'zh' ? `Gongwen：${path} 有误，已忽略：` : `Gongwen ignored parts of ${path}:`;
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `${head}\n${problems.join('\n')}` });
  });
  cache.setResolver((uri, editorSettings) => {
    const found = configFiles.forDocument(uri);
    return { settings: settingsForFile(editorSettings, found?.config, found?.relativePath), suppressions: suppressionsFor(found?.config, found?.relativePath) };
  });
  const ctx: ServerContext = {
    connection,
    documents,
    cache,
    configFiles,
    language: () => language,
    analysisOf(uri) {
      const doc = documents.get(uri);
      return doc ? cache.get(uri, doc.version, () => documentAnalysisText(doc)) : undefined;
    },
    analysisWhenReady: (uri, token, withFindings) => analysisWhenReady(documents, cache, uri, token, withFindings),
    warnSettings(problems) {
      for (const problem of problems) {
        // Once per change of settings, whatever the count in it: typing must not raise it again and again.
        const key = problem.replace(/\d+/g, '#');
        if (shownProblems.has(key)) continue;
        if (shownProblems.size > 200) shownProblems.clear();
        shownProblems.add(key);
        warn(problem, language === 'zh' ? 'Gongwen 设置问题：' : 'Gongwen settings problem:');
      }
    },
  };
  const shownProblems = new Set<string>();
  const warn = (summary: string, head = language === 'zh' ? 'Gongwen 设置有误，已忽略：' : 'Gongwen ignored invalid settings:') => {
    // A notification (window/showMessage), not showWarningMessage's request: there is nothing to answer.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `${head}\n${summary}` });
  };
  const diagnostics = new DiagnosticsScheduler(ctx);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    language = languageOf(params.locale ?? systemLocale());
    ctx.clientCapabilities = params.capabilities;
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canTrackFolders = !!params.capabilities.workspace?.workspaceFolders;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    configFiles.setWorkspaceFolders(folders);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings !== undefined) applySettings(init.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'Gongwen' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...featureCapabilities(),
      },
      serverInfo: { name: 'gongwen', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) void pullSettings();
    // `.gongwen.json` anywhere: a quick fix that writes it, or the user editing it, re-checks open documents.
    if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.gongwen.json' }] }).catch(() => undefined);
    if (canTrackFolders) connection.workspace.onDidChangeWorkspaceFolders(() => void refreshFolders());
  });

  async function refreshFolders(): Promise<void> {
    try {
      const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
      configFiles.setWorkspaceFolders(folders.map((f) => f.uri));
      configsChanged();
    } catch (error) {
      connection.console.error(`gongwen: could not read workspace folders: ${String(error)}`);
    }
  }

  function configsChanged(): void {
    configFiles.clear();
    cache.invalidate();
    diagnostics.scheduleAll();
  }

  connection.onDidChangeWatchedFiles(() => configsChanged());
  connection.onNotification(CONFIG_TEXT_NOTIFICATION, (params: { uri?: unknown; text?: unknown }) => {
    if (typeof params?.uri !== 'string') return;
    if (configFiles.setOverlay(params.uri, typeof params.text === 'string' ? params.text : undefined)) configsChanged();
  });

  connection.onDidChangeConfiguration((change) => {
    const section = (change.settings as { gongwen?: unknown } | undefined)?.gongwen;
    if (canPullConfiguration) void pullSettings();
    else if (section !== undefined) applySettings(section);
  });

  async function pullSettings(): Promise<void> {
    try {
      const [section] = await connection.workspace.getConfiguration([{ section: 'gongwen' }]);
      applySettings(section);
    } catch (error) {
      connection.console.error(`gongwen: could not read settings: ${String(error)}`);
    }
  }

  let lastProblems = '';
  function applySettings(raw: unknown): void {
    const { settings, problems } = normalizeSettings(raw, RULE_IDS);
    cache.setSettings(settings);
    // `normalizeSettings` lists at most 20 problems and counts the rest, so the message stays short.
    const summary = problems.join('\n');
    if (summary && summary !== lastProblems) warn(summary);
    lastProblems = summary;
    shownProblems.clear();
    diagnostics.scheduleAll();
  }

  documents.onDidChangeContent((e) => {
    postponeCollection();
    diagnostics.schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    diagnostics.closed(e.document.uri);
    cache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    collectAfterClose(e.document.getText().length);
  });

  registerDocumentSymbols(ctx);
  connection.onFoldingRanges(onDocument(ctx, [], (analysis) => toFoldingRanges(foldingRangesOf(analysis.model))));
  connection.onSelectionRanges(
    onDocument(ctx, [], ({ model }, params: SelectionRangeParams) => params.positions.map((p) => toSelectionRange(model, selectionChainAt(model, model.lines.offsetAt(p))))),
  );
  registerFeatureHandlers(ctx);
  // For the test suites only: a server started with `node --expose-gc` reports its memory after a
  // full GC, or as it is (`{ collect: false }`: what the server's own collections left).
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function') {
    connection.onRequest('gongwen/internal.memory', (params?: { collect?: boolean } | null) => {
      if (params?.collect !== false) gc();
      const { rss, heapUsed } = process.memoryUsage();
      return { rss, heapUsed };
    });
  }

  documents.listen(connection);
  connection.listen();
}

declare const __VERSION__: string;
const SERVER_VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';
