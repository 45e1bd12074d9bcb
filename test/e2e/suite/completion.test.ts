import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import {
  codeSummary, diagnosticCode, diagnosticsWithCode, documentSymbols, editorOf, moveCursor, openScratch, settledDiagnostics, short, sleep,
  waitFor,
} from './util';

const { test } = suite('completion.test.ts');

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
function insertOf(item: vscode.CompletionItem): string {
  const t = item.insertText;
  if (t === undefined) return labelOf(item);
  return typeof t === 'string' ? t : t.value;
}

/** An item that offers the heading number itself (not a multi-line template snippet that merely
 *  contains it: the extension's report snippets contain （三） too). */
function offersNumber(items: readonly vscode.CompletionItem[], num: string): boolean {
  return items.some((i) => {
    const label = labelOf(i).trim();
    const insert = insertOf(i).trim();
    return (label.startsWith(num) || insert.startsWith(num)) && !insert.includes('\n');
  });
}

async function completionsAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
  return list?.items ?? [];
}

const AFTER_SECOND = ['示例镇2023年工作总结', '一、工作回顾', '（一）产业发展', '正文。', '（二）城乡建设', '正文。', ''];

test('after （二） the next heading number （三） is offered', async () => {
  const doc = await openScratch('completion-sample.gongwen', AFTER_SECOND.join('\n'));
  const items = await completionsAt(doc, new vscode.Position(doc.lineCount - 1, 0));
  const offered = items.map((i) => `${labelOf(i)} → ${short(insertOf(i), 20)}`);
  assert.ok(offersNumber(items, '（三）'), `（三） not offered; got ${JSON.stringify(offered.slice(0, 30))}`);
  // The number follows the context: after （四） it is （五）.
  const doc2 = await openScratch(
    'completion-sample-2.gongwen',
    ['一、工作回顾', '（一）产业', '（二）城乡', '（三）民生', '（四）平安', '正文。', ''].join('\n'),
  );
  const items2 = await completionsAt(doc2, new vscode.Position(doc2.lineCount - 1, 0));
  assert.ok(offersNumber(items2, '（五）'), `（五） not offered after （四）; got ${JSON.stringify(items2.slice(0, 30).map(labelOf))}`);
});

/** Asks the editor for suggestions and accepts the selected one, as Ctrl+Space then Enter do;
 *  retries while the suggest widget is still loading. */
async function acceptFirstSuggestion(doc: vscode.TextDocument, line: number, done: (text: string) => boolean): Promise<string> {
  return waitFor(`an accepted suggestion on line ${line + 1} (now '${doc.lineAt(line).text}')`, async () => {
    if (done(doc.lineAt(line).text)) return doc.lineAt(line).text;
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(600);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    await sleep(200);
    return done(doc.lineAt(line).text) ? doc.lineAt(line).text : undefined;
  }, 15_000, 100);
}

test('in the editor: Ctrl+Space on the empty line after （二）… and Enter inserts （三）', async () => {
  const doc = await openScratch('completion-accept.gongwen', AFTER_SECOND.join('\n'));
  const editor = await editorOf(doc);
  await documentSymbols(doc); // the server has the document
  const line = doc.lineCount - 1;
  moveCursor(editor, new vscode.Position(line, 0));
  const text = await acceptFirstSuggestion(doc, line, (t) => t !== '');
  assert.equal(text, '（三）', 'the first suggestion at the empty line is the next number');
  assert.ok(editor.selection.active.isEqual(new vscode.Position(line, 3)), `cursor at ${editor.selection.active.character}, not after （三）`);
  // The user goes on typing the heading: the document reads 一、 › （一）（二）（三） with no numbering problem.
  await editor.edit((e) => e.insert(editor.selection.active, '民生保障'));
  const ds = await settledDiagnostics(doc);
  // (一、 alone is a lone item: only the （…） list matters here.)
  assert.ok(!ds.some((d) => diagnosticCode(d)?.startsWith('numbering-') && d.range.start.line >= 2), codeSummary(ds));
  const symbols = await documentSymbols(doc);
  const children = symbols.find((s) => s.name.startsWith('一、'))?.children.map((c) => c.name) ?? [];
  assert.deepEqual(children.map((n) => n.slice(0, 3)), ['（一）', '（二）', '（三）'], `outline: ${JSON.stringify(children)}`);
  await doc.save();
});

// language-configuration.json auto-closes （ to （）; the item's range takes in the ） after the cursor.
test('in the editor: typing （ at the line start pops up （三）, Enter completes it without a doubled bracket', async () => {
  const doc = await openScratch('completion-type.gongwen', AFTER_SECOND.join('\n'));
  const editor = await editorOf(doc);
  await documentSymbols(doc);
  const line = doc.lineCount - 1;
  moveCursor(editor, new vscode.Position(line, 0));
  // `type` is what the keyboard does: '（' is a trigger character, so the suggest widget opens by itself.
  await vscode.commands.executeCommand('type', { text: '（' });
  const typed = doc.lineAt(line).text; // '（' or, with the bracket auto-closed, '（）'
  assert.ok(typed === '（' || typed === '（）', `typed: '${typed}'`);
  await sleep(800);
  await vscode.commands.executeCommand('acceptSelectedSuggestion');
  const text = await waitFor(`（三） on line ${line + 1} (now '${doc.lineAt(line).text}')`, async () => {
    const t = doc.lineAt(line).text;
    if (t !== typed) return t;
    // The widget was not there yet: ask again, as a user would with Ctrl+Space.
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(600);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    return undefined;
  }, 15_000, 200);
  assert.equal(text, '（三）', `after typing '${typed}' and accepting`);
  await doc.save();
});

test('a missing standard section is offered as a snippet; inserting it clears section-missing', async () => {
  // A summary-and-plan without its problems part.
  const lines = ['示例镇2023年工作总结和2024年工作打算', '一、2023年工作回顾', '（一）产业发展', '正文。', '（二）城乡建设', '正文。', '二、2024年工作打算', '（一）稳增长', '正文。', '（二）惠民生', '正文。', ''];
  const doc = await openScratch('completion-section.gongwen', lines.join('\n'));
  const missing = await diagnosticsWithCode(doc, 'section-missing');
  assert.ok(missing.some((d) => /problem|问题/i.test(d.message)), `section-missing: ${JSON.stringify(missing.map((d) => d.message))}`);
  // At the empty last line; the item itself knows the number the new part takes.
  const end = new vscode.Position(doc.lineCount - 1, 0);
  const items = await completionsAt(doc, end);
  const section = items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && /问题/.test(labelOf(i)));
  assert.ok(section, `no snippet item for the problems section; got ${JSON.stringify(items.map(labelOf))}`);
  const snippet = section.insertText instanceof vscode.SnippetString ? section.insertText : new vscode.SnippetString(insertOf(section));
  const range = section.range instanceof vscode.Range ? section.range : section.range?.replacing ?? new vscode.Range(end, end);
  const editor = await editorOf(doc);
  const ds = await settledDiagnostics(doc, async () => {
    assert.ok(await editor.insertSnippet(snippet, range), 'insertSnippet refused');
    if (section.additionalTextEdits?.length) await editor.edit((e) => section.additionalTextEdits!.forEach((t) => e.replace(t.range, t.newText)));
    await vscode.commands.executeCommand('leaveSnippet');
  });
  assert.match(doc.getText(), /三、存在的问题/, `inserted: ${short(doc.getText().split('\n').slice(lines.length - 1).join('⏎'), 120)}`);
  assert.ok(!ds.some((d) => diagnosticCode(d) === 'section-missing'), `still: ${codeSummary(ds)}`);
  await doc.save();
});
