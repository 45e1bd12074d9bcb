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
import { defaultSettings, foldingRangesOf, normalizeSettings, outlineOf, RULE_IDS, selectionChainAt, settingsForFile, suppressionsFor, type Analysis } from './engine';
import { AnalysisCache } from './lsp/analysis-cache';
import { CONFIG_TEXT_NOTIFICATION, ConfigFiles } from './lsp/config-files';
import { analysisText } from './lsp/document-text';
import { toDocumentSymbols, toFoldingRanges, toSelectionRange } from './lsp/convert';
import { languageOf, systemLocale, type Language } from './lsp/locale';
import { DiagnosticsScheduler } from './lsp/diagnostics-scheduler';
import { featureCapabilities, registerFeatureHandlers } from './lsp/feature-handlers';

/** State shared by the handlers of one connection. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  cache: AnalysisCache;
  language(): Language;
  /** The analysis of an open document's current version, or `undefined` for a closed one. */
  analysisOf(uri: string): Analysis | undefined;
  /** What the client said it supports (snippets in completion, …), once initialized. */
  clientCapabilities?: ClientCapabilities;
  /** The `.gongwen.json` of each document. */
  configFiles: ConfigFiles;
}

/** Most outline entries sent; a 20 MB compilation would otherwise send hundreds of MB of symbols. */
const MAX_OUTLINE_SYMBOLS = 10000;

/** Starts a server on `connection` (stdio by default). */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
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
      return doc ? cache.get(uri, doc.version, () => analysisText(doc.languageId, doc.getText())) : undefined;
    },
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
    const summary = problems.join('\n');
    if (summary && summary !== lastProblems) {
      const head = language === 'zh' ? 'Gongwen 设置有误，已忽略：' : 'Gongwen ignored invalid settings:';
      // A notification (window/showMessage), not showWarningMessage's request: there is nothing to answer.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `${head}\n${summary}` });
    }
    lastProblems = summary;
    diagnostics.scheduleAll();
  }

  documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
  documents.onDidClose((e) => {
    diagnostics.cancel(e.document.uri);
    cache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDocumentSymbol(onDocument(ctx, [], (analysis) => toDocumentSymbols(outlineOf(analysis.model, MAX_OUTLINE_SYMBOLS))));
  connection.onFoldingRanges(onDocument(ctx, [], (analysis) => toFoldingRanges(foldingRangesOf(analysis.model))));
  connection.onSelectionRanges(
    onDocument(ctx, [], ({ model }, params: SelectionRangeParams) => params.positions.map((p) => toSelectionRange(model, selectionChainAt(model, model.lines.offsetAt(p))))),
  );
  registerFeatureHandlers(ctx);

  documents.listen(connection);
  connection.listen();
}

/**
 * A handler of a request about one document: gets the analysis of the document's current version,
 * answers `fallback` for a closed document or a cancelled request, and never crashes (see {@link guard}).
 *
 * @example connection.onFoldingRanges(onDocument(ctx, [], (analysis) => toFoldingRanges(foldingRangesOf(analysis.model))))
 */
export function onDocument<P extends { textDocument: { uri: string } }, R>(
  ctx: ServerContext,
  fallback: R,
  handler: (analysis: Analysis, params: P) => R,
): (params: P, token: CancellationToken) => R {
  return guard(ctx, fallback, (params: P, token: CancellationToken) => {
    const analysis = ctx.analysisOf(params.textDocument.uri);
    if (!analysis || token.isCancellationRequested) return fallback;
    return handler(analysis, params);
  });
}

/** Wraps a handler so an engine failure is logged and answered with `fallback`, never a crash. */
export function guard<P, R, T>(ctx: ServerContext, fallback: R, handler: (params: P, token: T) => R): (params: P, token: T) => R {
  return (params, token) => {
    try {
      return handler(params, token);
    } catch (error) {
      ctx.connection.console.error(`gongwen: request failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  };
}

declare const __VERSION__: string;
const SERVER_VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';
