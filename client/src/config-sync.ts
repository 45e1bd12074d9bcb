/**
 * Tells the language server what a `.gongwen.json` open in an editor says, saved or not: a quick
 * fix ("Ignore this here", "Never flag …") edits the file in the editor, and the findings should
 * go at once, not only once the file is saved.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The server's notification `{ uri, text }` (`text: null` once the editor closes the file); see `server/src/lsp/config-files.ts`. */
const CONFIG_TEXT_NOTIFICATION = 'gongwen/configText';

/**
 * Sends the text of every `.gongwen.json` on disk that is open in VS Code, on open and on every change,
 * and `null` when it is closed.
 *
 * @example editing `"words": ["X建"]` into an open, unsaved `.gongwen.json` silences `X建` in open reports
 */
export function registerConfigSync(context: vscode.ExtensionContext, client: LanguageClient): void {
  const isConfig = (doc: vscode.TextDocument) => doc.uri.scheme === 'file' && path.basename(doc.uri.fsPath) === '.gongwen.json';
  const send = (doc: vscode.TextDocument, open: boolean) => {
    if (isConfig(doc)) void client.sendNotification(CONFIG_TEXT_NOTIFICATION, { uri: doc.uri.toString(), text: open ? doc.getText() : null }).catch(() => undefined);
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => send(doc, true)),
    vscode.workspace.onDidChangeTextDocument((e) => send(e.document, true)),
    vscode.workspace.onDidCloseTextDocument((doc) => send(doc, false)),
  );
  for (const doc of vscode.workspace.textDocuments) send(doc, true);
}
