import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { suite } from './harness';
import {
  diagnosticCode, diagnosticsWithCode, documentSymbols, editorOf, expandSnippetBody, openScratch, settledDiagnostics, wholeRange,
} from './util';

const { test } = suite('snippets.test.ts');

interface Snippet { prefix: string | string[]; body: string | string[]; description?: string }

/** The snippets file of the installed extension (the one the editor loaded). */
function installedSnippets(): Record<string, Snippet> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'gongwen');
  assert.ok(ext, 'the gongwen extension is not installed');
  const rel = (ext.packageJSON.contributes?.snippets ?? []).find((s: { language: string }) => s.language === 'gongwen')?.path;
  assert.ok(rel, 'package.json contributes no gongwen snippets');
  return JSON.parse(fs.readFileSync(path.join(ext.extensionPath, rel), 'utf8'));
}

test('each full-report skeleton snippet expands into a document whose only diagnostics are placeholders (or none)', async () => {
  const snippets = installedSnippets();
  const skeletons = Object.keys(snippets).filter((name) => name.includes('全文骨架'));
  assert.ok(skeletons.length >= 4, `skeletons: ${JSON.stringify(skeletons)}`);
  const problems: string[] = [];
  for (const [i, name] of skeletons.entries()) {
    // Start from a document with a blank (so diagnostics must change when the snippet replaces it).
    const doc = await openScratch(`snippet-${i}.gongwen`, 'xx镇xxxx年工作报告\n');
    await diagnosticsWithCode(doc, 'placeholder');
    const editor = await editorOf(doc);
    editor.selection = new vscode.Selection(wholeRange(doc).start, wholeRange(doc).end);
    // What the user does by picking the snippet ("Snippets: Insert Snippet", or its prefix).
    const ds = await settledDiagnostics(doc, async () => {
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'gongwen', name });
      await vscode.commands.executeCommand('leaveSnippet');
    });
    const want = expandSnippetBody(snippets[name].body);
    if (doc.getText() !== want) {
      const got = doc.getText().split('\n');
      const exp = want.split('\n');
      const k = got.findIndex((l, j) => l !== exp[j]);
      problems.push(`${name}: the text differs from the snippet at line ${k + 1}: '${got[k]}' vs '${exp[k]}'`);
      continue;
    }
    const other = ds.filter((d) => diagnosticCode(d) !== 'placeholder');
    if (other.length) problems.push(`${name}: ${other.map((d) => `${diagnosticCode(d)} line ${d.range.start.line + 1}: ${d.message}`).join('; ')}`);
    const symbols = await documentSymbols(doc);
    if (symbols.length < 2) problems.push(`${name}: outline has ${symbols.length} top-level headings`);
    await doc.save();
  }
  assert.deepEqual(problems, []);
});
