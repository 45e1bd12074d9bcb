/**
 * Client-side parts of the features: commands and the status bar. The server does the work:
 * placeholders come from its `gongwen.server.placeholders` command (every placeholder, medium
 * confidence included, whatever the rule's severity), fills go through its
 * `gongwen.server.fillAllLikeThis`, and renumber / fix-all run its source actions.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient } from 'vscode-languageclient/node';

const LANGUAGE = 'gongwen';
/** Server commands (see server/src/lsp/commands.ts). */
const SERVER_PLACEHOLDERS = 'gongwen.server.placeholders';
const SERVER_FILL_ALL = 'gongwen.server.fillAllLikeThis';
/** Source action kinds (see server/src/lsp/code-actions.ts). */
const FIX_ALL_KIND = 'source.fixAll.gongwen';
const RENUMBER_KIND = 'source.organizeNumbering.gongwen';

interface PlaceholderInfo {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  key: string;
  form: string;
  confidence: 'high' | 'medium';
}

interface PlaceholdersResult {
  uri: string;
  version: number | null;
  total: number;
  placeholders: PlaceholderInfo[];
}

interface FillAllResult {
  applied: boolean;
  replaced: number;
  key?: string;
  reason?: string;
}

/**
 * Registers the editor commands (next/previous placeholder, fill all like this, renumber, fix all)
 * and the placeholder status bar item; the work is done by the server's commands and source actions.
 *
 * @example status bar `12 处占位符`; "fill all like this" on `xxxx年` asks `填写全部“xxxx年”`
 */
export function registerClientFeatures(context: vscode.ExtensionContext, client: LanguageClient): void {
  const placeholders = new PlaceholderSource(client);
  const status = new PlaceholderStatus(placeholders);
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('gongwen.nextPlaceholder', () => goToPlaceholder(placeholders, 1)),
    vscode.commands.registerCommand('gongwen.previousPlaceholder', () => goToPlaceholder(placeholders, -1)),
    vscode.commands.registerCommand('gongwen.fillAllLikeThis', (uri?: unknown, offset?: unknown) => fillAllLikeThis(client, placeholders, uri, offset)),
    vscode.commands.registerCommand('gongwen.renumberDocument', () =>
      runSourceAction(RENUMBER_KIND, vscode.l10n.t('The numbering is already in order.')),
    ),
    vscode.commands.registerCommand('gongwen.fixAll', () => runSourceAction(FIX_ALL_KIND, vscode.l10n.t('Nothing to fix automatically.'))),
  );
}

/** The active editor when it shows a Gongwen document, with a message otherwise. */
function gongwenEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === LANGUAGE) return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a Gongwen document first.'));
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Placeholders from the server

class PlaceholderSource {
  constructor(private readonly client: LanguageClient) {}

  onRunning(listener: () => void): vscode.Disposable {
    return this.client.onDidChangeState((e) => {
      if (e.newState === State.Running) listener();
    });
  }

  /** The placeholders of a document, or `undefined` when the server cannot answer yet. */
  async of(document: vscode.TextDocument): Promise<PlaceholdersResult | undefined> {
    if (!this.client.isRunning()) return undefined;
    try {
      const result = await this.client.sendRequest(ExecuteCommandRequest.type, {
        command: SERVER_PLACEHOLDERS,
        arguments: [document.uri.toString()],
      });
      return (result as PlaceholdersResult | null) ?? undefined;
    } catch {
      return undefined;
    }
  }
}

function rangeOf(p: PlaceholderInfo): vscode.Range {
  return new vscode.Range(p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character);
}

/** Where to put the selection on a placeholder: a missing number goes before its unit, other blanks are selected so typing replaces them. */
function selectionOf(p: PlaceholderInfo): vscode.Selection {
  const range = rangeOf(p);
  return p.form === 'missing-number' ? new vscode.Selection(range.start, range.start) : new vscode.Selection(range.start, range.end);
}

async function goToPlaceholder(source: PlaceholderSource, direction: 1 | -1): Promise<void> {
  const editor = gongwenEditor();
  if (!editor) return;
  const result = await source.of(editor.document);
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The Gongwen language server is not ready yet.'));
    return;
  }
  const list = result.placeholders;
  if (list.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No unfilled placeholders in this document.'));
    return;
  }
  const here = editor.selection.start;
  let target: PlaceholderInfo | undefined;
  if (direction === 1) {
    target = list.find((p) => rangeOf(p).start.isAfter(here)) ?? list[0];
  } else {
    for (let i = list.length - 1; i >= 0 && !target; i--) if (rangeOf(list[i]).start.isBefore(here)) target = list[i];
    target ??= list[list.length - 1];
  }
  editor.selection = selectionOf(target);
  editor.revealRange(rangeOf(target), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

// ---------------------------------------------------------------------------------------------
// Fill all like this

async function fillAllLikeThis(client: LanguageClient, source: PlaceholderSource, uriArg?: unknown, offsetArg?: unknown): Promise<void> {
  const editor = gongwenEditor();
  if (!editor) return;
  const document = editor.document;
  if (typeof uriArg === 'string' && uriArg !== document.uri.toString()) return;
  const offset = typeof offsetArg === 'number' ? offsetArg : document.offsetAt(editor.selection.active);
  const result = await source.of(document);
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The Gongwen language server is not ready yet.'));
    return;
  }
  const position = document.positionAt(offset);
  const target =
    result.placeholders.find((p) => rangeOf(p).contains(position) && !rangeOf(p).end.isEqual(position)) ??
    result.placeholders.find((p) => rangeOf(p).end.isEqual(position));
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a placeholder such as “xxxx年” first.'));
    return;
  }
  const count = result.placeholders.filter((p) => p.key === target.key && p.form === target.form).length;
  const version = document.version;
  const replacement = await vscode.window.showInputBox({
    title: vscode.l10n.t('Fill every “{0}”', target.key),
    prompt: vscode.l10n.t('Text to put in place of “{0}” ({1} places)', target.text, count),
    placeHolder: target.text,
    ignoreFocusOut: true,
    // An empty answer would delete every blank: more likely a slip than a wish.
    validateInput: (value) => (value.length === 0 ? vscode.l10n.t('Type the text to put in place of the placeholder.') : undefined),
  });
  if (replacement === undefined) return;
  if (document.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed; run the command again.'));
    return;
  }
  try {
    const answer = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: SERVER_FILL_ALL,
      arguments: [document.uri.toString(), document.offsetAt(rangeOf(target).start), replacement, version],
    })) as FillAllResult | null;
    if (answer?.applied) void vscode.window.setStatusBarMessage(answer.replaced === 1 ? vscode.l10n.t('Filled 1 placeholder.') : vscode.l10n.t('Filled {0} placeholders.', answer.replaced), 4000);
    else void vscode.window.showWarningMessage(vscode.l10n.t('Could not fill the placeholders: {0}', answer?.reason ?? '?'));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not fill the placeholders: {0}', error instanceof Error ? error.message : String(error)));
  }
}

// ---------------------------------------------------------------------------------------------
// Source actions

async function runSourceAction(kind: string, nothingToDo: string): Promise<void> {
  const editor = gongwenEditor();
  if (!editor) return;
  const document = editor.document;
  const whole = document.validateRange(new vscode.Range(0, 0, document.lineCount, 0));
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, whole, kind)) ?? [];
  const action = actions.find((a): a is vscode.CodeAction => 'kind' in a && a.kind !== undefined && a.kind.value === kind);
  if (!action) {
    void vscode.window.showInformationMessage(nothingToDo);
    return;
  }
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed; run the command again.'));
    return;
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

// ---------------------------------------------------------------------------------------------
// Status bar

/** Shows the number of placeholders of the active Gongwen document; click to go to the next one. */
class PlaceholderStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gongwen.placeholders', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(private readonly source: PlaceholderSource) {
    this.item.name = vscode.l10n.t('Gongwen placeholders');
    this.item.command = 'gongwen.nextPlaceholder';
    this.disposables.push(
      source.onRunning(() => this.refresh(0)),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh(0)),
      // The server publishes diagnostics once it has analysed a version: the count is fresh then.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.refresh(50);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.refresh(1000);
      }),
      // A `.txt` switched to Gongwen is reopened under the new language.
      vscode.workspace.onDidOpenTextDocument(() => this.refresh(200)),
    );
    this.refresh(0);
  }

  private refresh(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const document = vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== LANGUAGE) {
        this.generation++;
        this.item.hide();
        return;
      }
      void this.update(document);
    }, delay);
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    const generation = ++this.generation;
    const result = await this.source.of(document);
    if (generation !== this.generation || vscode.window.activeTextEditor?.document !== document) return;
    if (!result) {
      // The server is not running (yet): `onDidChangeState` refreshes once it is.
      this.item.hide();
      return;
    }
    const count = result.total;
    this.item.text = count === 0 ? `$(check) ${vscode.l10n.t('No placeholders')}` : `$(edit) ${count === 1 ? vscode.l10n.t('1 placeholder') : vscode.l10n.t('{0} placeholders', count)}`;
    this.item.tooltip =
      count === 0
        ? vscode.l10n.t('No unfilled placeholders in this document')
        : count === 1
          ? vscode.l10n.t('1 unfilled placeholder — click to go to it')
          : vscode.l10n.t('{0} unfilled placeholders — click to go to the next one', count);
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
