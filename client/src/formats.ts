/**
 * Reports in the formats they live in, on the editor side:
 * - a Word document (`.docx`) opens as its report text: a read-only `gongwen` document of the
 *   `gongwen-docx:` scheme (outline, folding, diagnostics and hover come from the server, which the
 *   `gongwen` language selector reaches whatever the scheme), offered by a small editor that opens
 *   in place of VS Code's "binary file" notice, and by the explorer's context menu;
 * - "Save as text" writes that text to a `.txt` file for editing;
 * - "Export to Word" sends a report's text to the server, which lays it out per GB/T 9704, and
 *   writes the `.docx` it returns;
 * - an old `.doc` gets a message saying to save it as `.docx`.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { isOleCompound, readDocx } from '../../server/src/formats/docx-reader';

/** The scheme of the read-only report text of a Word document: `gongwen-docx:/…/2023年工作总结.docx.gongwen`. */
export const DOCX_SCHEME = 'gongwen-docx';
/** The custom editor that opens `.docx` / `.doc` files (`2023年工作总结.docx`). */
export const DOCX_VIEW = 'gongwen.docxView';
/** Server command (see server/src/lsp/export-docx.ts). */
const SERVER_EXPORT = 'gongwen.server.exportDocx';

/**
 * The `gongwen-docx:` URI of a Word document's report text: the document's path with `.gongwen`
 * added (so the editor picks the `gongwen` language), the document's own URI in the query.
 *
 * @example reportTextUri(file:///报告/2023年工作总结.docx) // gongwen-docx:/报告/2023年工作总结.docx.gongwen?file%3A…
 */
export function reportTextUri(docx: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCX_SCHEME, path: `${docx.path}.gongwen`, query: docx.toString() });
}

/** The Word document a `gongwen-docx:` URI shows: `…/2023年工作总结.docx.gongwen` → `file:///…/2023年工作总结.docx`. */
export function wordUriOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(uri.query);
}

/**
 * Registers the `gongwen-docx:` content, the `.docx` editor and the three commands.
 *
 * @example opening `2023年工作总结.docx` shows `2023年工作总结.docx.gongwen` with `一、…` in the Outline view
 */
export function registerFormatFeatures(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider = new DocxTextProvider();
  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, provider),
    vscode.window.registerCustomEditorProvider(DOCX_VIEW, new DocxEditor(), { supportsMultipleEditorsPerDocument: true }),
    vscode.commands.registerCommand('gongwen.openAsReportText', (uri?: vscode.Uri) => openAsReportText(uri)),
    vscode.commands.registerCommand('gongwen.saveAsText', (target?: vscode.Uri) => saveAsText(target)),
    vscode.commands.registerCommand('gongwen.exportToWord', (source?: vscode.Uri, target?: vscode.Uri) => exportToWord(client, source, target)),
  );
}

/** Reads a Word document into its report text; an unreadable one becomes an error message. */
async function reportTextOf(docx: vscode.Uri): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  const bytes = await vscode.workspace.fs.readFile(docx);
  const read = readDocx(bytes);
  return read.ok ? { ok: true, text: read.text } : { ok: false, reason: localReason(read.reason) };
}

/** The reasons of the reader are `english / 中文`: show the half in the UI language. */
function localReason(reason: string): string {
  const [en, zh] = reason.split(' / ');
  return (vscode.env.language.toLowerCase().startsWith('zh') ? zh : en) ?? reason;
}

/** Serves `gongwen-docx:` documents, re-read when the Word document changes on disk. */
class DocxTextProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly watchers = new Map<string, vscode.Disposable>();

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const docx = wordUriOf(uri);
    this.watch(uri, docx);
    const read = await reportTextOf(docx);
    if (read.ok) return read.text;
    void vscode.window.showErrorMessage(`${docx.path.split('/').pop()}: ${read.reason}`);
    return '';
  }

  private watch(uri: vscode.Uri, docx: vscode.Uri): void {
    if (this.watchers.has(uri.toString()) || docx.scheme !== 'file') return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(docx, '..'), docx.path.split('/').pop()!));
    const fire = () => this.changed.fire(uri);
    this.watchers.set(uri.toString(), vscode.Disposable.from(watcher, watcher.onDidChange(fire), watcher.onDidCreate(fire)));
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    this.changed.dispose();
  }
}

/**
 * Opens a Word document's report text beside nothing else: the `gongwen-docx:` view, read-only.
 * Without an argument, the Word document of the active `.docx` editor, or one the user picks.
 */
async function openAsReportText(uri?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const docx = uri ?? activeWordDocument() ?? (await pickWordDocument());
  if (!docx) return undefined;
  if (isDocFile(docx)) return void showDocMessage();
  const bytes = await vscode.workspace.fs.readFile(docx);
  if (isOleCompound(bytes) && !docx.path.toLowerCase().endsWith('.docx')) return void showDocMessage();
  const doc = await vscode.workspace.openTextDocument(reportTextUri(docx));
  if (doc.languageId !== 'gongwen') await vscode.languages.setTextDocumentLanguage(doc, 'gongwen');
  return vscode.window.showTextDocument(doc, { preview: false });
}

function isDocFile(uri: vscode.Uri): boolean {
  return uri.path.toLowerCase().endsWith('.doc');
}

function showDocMessage(): void {
  void vscode.window.showWarningMessage(vscode.l10n.t('This is an old Word document (.doc). Open it in Word or WPS and save it as .docx, then open the .docx.'));
}

/** The Word document of the active custom `.docx` editor tab, if any. */
function activeWordDocument(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom && /\.docx?$/i.test(input.uri.path)) return input.uri;
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.uri.scheme === DOCX_SCHEME ? wordUriOf(doc.uri) : undefined;
}

async function pickWordDocument(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] } });
  return picked?.[0];
}

/** Writes the active Word report text to a `.txt` file (next to the Word document by default) and opens it. */
async function saveAsText(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.uri.scheme !== DOCX_SCHEME) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Word document as report text first.'));
    return undefined;
  }
  const docx = wordUriOf(doc.uri);
  const out = target ?? (await vscode.window.showSaveDialog({ defaultUri: docx.with({ path: docx.path.replace(/\.docx$/i, '.txt') }), filters: { Text: ['txt'] } }));
  if (!out) return undefined;
  await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(doc.getText()));
  const saved = await vscode.workspace.openTextDocument(out);
  if (saved.languageId !== 'gongwen') await vscode.languages.setTextDocumentLanguage(saved, 'gongwen');
  await vscode.window.showTextDocument(saved, { preview: false });
  return out;
}

/**
 * Exports a report to a GB/T 9704 Word document: the explorer's file (`.txt` `.gongwen` `.md`
 * `.docx`) or the active editor's document; `target` skips the save dialog (for scripts and tests).
 */
async function exportToWord(client: LanguageClient, source?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const input = await exportInput(source);
  if (!input) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report (text, Markdown or Word) to export it.'));
    return undefined;
  }
  if ('reason' in input) {
    void vscode.window.showErrorMessage(input.reason);
    return undefined;
  }
  const defaultUri = input.base.with({ path: input.base.path.replace(/(\.docx|\.gongwen|\.txt|\.md|\.markdown)?$/i, (ext) => (ext.toLowerCase() === '.docx' ? '.gbt9704.docx' : '.docx')) });
  const out = target ?? (await vscode.window.showSaveDialog({ defaultUri: defaultUri.scheme === 'file' ? defaultUri : undefined, filters: { Word: ['docx'] } }));
  if (!out) return undefined;
  const fonts = vscode.workspace.getConfiguration('gongwen').get<Record<string, string>>('export.fonts') ?? {};
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_EXPORT, arguments: [{ text: input.text, format: input.format, fonts }] })) as { base64: string };
  await vscode.workspace.fs.writeFile(out, Buffer.from(result.base64, 'base64'));
  if (!target) {
    const reveal = vscode.l10n.t('Reveal in Explorer');
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}', out.path.split('/').pop() ?? out.path), reveal).then((choice) => {
      if (choice === reveal) void vscode.commands.executeCommand('revealInExplorer', out);
    });
  }
  return out;
}

type ExportInput = { text: string; format: 'text' | 'markdown'; base: vscode.Uri } | { reason: string };

async function exportInput(source?: vscode.Uri): Promise<ExportInput | undefined> {
  if (source) {
    if (isDocFile(source)) return { reason: vscode.l10n.t('This is an old Word document (.doc). Open it in Word or WPS and save it as .docx, then open the .docx.') };
    if (/\.docx$/i.test(source.path)) {
      const read = await reportTextOf(source);
      return read.ok ? { text: read.text, format: 'text', base: source } : { reason: read.reason };
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
    const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    return { text, format: /\.(md|markdown)$/i.test(source.path) ? 'markdown' : 'text', base: source };
  }
  const word = activeWordDocument();
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.uri.scheme === DOCX_SCHEME) return { text: doc.getText(), format: 'text', base: wordUriOf(doc.uri) };
  if (word) return exportInput(word);
  if (!doc || (doc.languageId !== 'gongwen' && doc.languageId !== 'markdown' && doc.languageId !== 'plaintext')) return undefined;
  return { text: doc.getText(), format: doc.languageId === 'markdown' ? 'markdown' : 'text', base: doc.uri };
}

/**
 * The editor a `.docx` or `.doc` opens in (VS Code cannot show either as text): it says what the
 * file is and offers "Open as report text" and "Export to Word"; a `.docx` also opens its report
 * text right away, the reason the user opened it in a report editor.
 */
class DocxEditor implements vscode.CustomReadonlyEditorProvider {
  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const doc = isDocFile(document.uri);
    panel.webview.options = { enableScripts: true };
    panel.webview.html = docxEditorHtml(document.uri.path.split('/').pop() ?? '', doc);
    panel.webview.onDidReceiveMessage((message: { command?: string }) => {
      if (message.command === 'open') void openAsReportText(document.uri);
      else if (message.command === 'export') void vscode.commands.executeCommand('gongwen.exportToWord', document.uri);
    });
    if (doc) showDocMessage();
    else await openAsReportText(document.uri);
  }
}

function docxEditorHtml(name: string, oldFormat: boolean): string {
  const t = vscode.l10n.t;
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = oldFormat
    ? `<p>${escape(t('This is an old Word document (.doc). Open it in Word or WPS and save it as .docx, then open the .docx.'))}</p>`
    : `<p>${escape(t('Gongwen reads a Word document as its report text: outline, folding, diagnostics and hover, read-only.'))}</p>
       <p><button id="open">${escape(t('Open as report text'))}</button> <button id="export">${escape(t('Export to Word (GB/T 9704)'))}</button></p>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline';"></head>
<body style="font-family: var(--vscode-font-family); padding: 1em"><h2>${escape(name)}</h2>${body}
<script>const vscode = acquireVsCodeApi();
for (const id of ['open', 'export']) document.getElementById(id)?.addEventListener('click', () => vscode.postMessage({ command: id }));</script></body></html>`;
}
