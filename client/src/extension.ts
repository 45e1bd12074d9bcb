/**
 * The Gongwen VS Code extension: starts the language server, switches report-looking `.txt`
 * files to the `gongwen` language, and registers the commands and status bar of the features.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { looksLikeReport } from '../../server/src/engine/detect';
import { registerConfigSync } from './config-sync';
import { registerClientFeatures } from './features';
import { registerFormatFeatures } from './formats';
import { userValuesOnly } from './trust';

let client: LanguageClient | undefined;

/**
 * Added to the server's environment (the client keeps the rest of it). glibc's malloc serves a
 * request over 128 KB with its own mapping, given back when freed, but after the first such block
 * is freed (the 10 MB `didOpen` message of a large compilation) it raises that size to the block's,
 * and the server's later message buffers came from a heap it does not give back: 20–40 MB of the
 * server's RSS with a 10 MB document open (`docs/perf-memory.md`). Fixing the threshold keeps them
 * apart; other C libraries ignore the variable.
 */
const SERVER_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };

/**
 * Extension entry point: starts the language server (`dist/server.js` over stdio) for `gongwen`
 * documents, switches report-looking plain `.txt` files to `gongwen`, and registers the client features.
 *
 * @example opening a `.txt` that starts `横沥镇2023年政府工作报告` … `各位代表：` switches it to Gongwen
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { env: SERVER_ENV } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { env: SERVER_ENV, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: 'gongwen' },
    middleware: {
      workspace: {
        // Restricted Mode: extra patterns and ignore words come from user settings only (see trust.ts).
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
          return result.map((section, i) =>
            params.items[i]?.section === 'gongwen'
              ? userValuesOnly(section, (key) => vscode.workspace.getConfiguration('gongwen.placeholders').inspect(key)?.globalValue)
              : section,
          );
        },
      },
    },
  };
  client = new LanguageClient('gongwen', 'Gongwen', serverOptions, clientOptions);
  // Markdown reports come and go with the setting: the selector is fixed per client, so restart it.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('gongwen.markdown.enable') || !client) return;
      client.clientOptions.documentSelector = documentSelector();
      void client.restart();
    }),
  );

  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(switchIfReport));
  vscode.workspace.textDocuments.forEach(switchIfReport);
  registerClientFeatures(context, client);
  registerFormatFeatures(context, client);
  // Trusting the workspace brings its restricted settings back: ask the server to pull them again.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('workspace/didChangeConfiguration', { settings: null })),
  );
  await client.start();
  registerConfigSync(context, client);
}

/**
 * The documents the server analyses: `gongwen` ones of any scheme (files, untitled, the report
 * text of a Word document), and Markdown when `gongwen.markdown.enable` is on. VS Code's own
 * Markdown outline stays: the Outline view shows both providers' symbols.
 */
function documentSelector(): { language: string }[] {
  const markdown = vscode.workspace.getConfiguration('gongwen').get<boolean>('markdown.enable', true);
  return markdown ? [{ language: 'gongwen' }, { language: 'markdown' }] : [{ language: 'gongwen' }];
}

/** Stops the language client (and with it the server), if it was started. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Switches a plain `.txt` document whose first lines look like a report to `gongwen`. */
function switchIfReport(doc: vscode.TextDocument): void {
  if (doc.languageId !== 'plaintext' || !doc.uri.path.toLowerCase().endsWith('.txt')) return;
  if (!vscode.workspace.getConfiguration('gongwen', doc.uri).get<boolean>('autoDetect', true)) return;
  const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 40), 0));
  if (looksLikeReport(head)) void vscode.languages.setTextDocumentLanguage(doc, 'gongwen');
}
