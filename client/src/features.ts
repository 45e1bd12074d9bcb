/**
 * Client-side parts of the features: commands and the status bar. The server does the work.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerClientFeatures(_context: vscode.ExtensionContext, _client: LanguageClient): void {}
