import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import { openScratch, short } from './util';

const { pending } = suite('completion.test.ts');

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

// PENDING until the server offers completion. To enable: change `pending(name, reason, fn)` to
// `test(name, fn)` (or run with GONGWEN_E2E_RUN_PENDING=1 to try).
pending('after （二） the next heading number （三） is offered', 'the server does not offer completion yet', async () => {
  const doc = await openScratch(
    'completion-sample.gongwen',
    ['一、工作回顾', '（一）产业发展', '正文。', '（二）城乡建设', '正文。', ''].join('\n'),
  );
  const pos = new vscode.Position(doc.lineCount - 1, 0);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
  const offered = list.items.map((i) => `${labelOf(i)} → ${short(insertOf(i), 20)}`);
  assert.ok(offersNumber(list.items, '（三）'), `（三） not offered; got ${JSON.stringify(offered.slice(0, 30))}`);
  // The number follows the context: after （四） it is （五）.
  const doc2 = await openScratch(
    'completion-sample-2.gongwen',
    ['一、工作回顾', '（一）产业', '（二）城乡', '（三）民生', '（四）平安', '正文。', ''].join('\n'),
  );
  const list2 = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider', doc2.uri, new vscode.Position(doc2.lineCount - 1, 0));
  assert.ok(offersNumber(list2.items, '（五）'), `（五） not offered after （四）; got ${JSON.stringify(list2.items.slice(0, 30).map(labelOf))}`);
});
