/**
 * Quick fixes that silence a finding in `.gongwen.json`, offered on every finding:
 * "Ignore this here" (an `ignore` entry matched by content, so it survives edits elsewhere),
 * "Never flag “…” in this workspace" (a `words` entry, where the finding quotes a word) and
 * "Turn off <rule> for this file" (an `overrides` entry for the file's path).
 *
 * Each is a WorkspaceEdit of the config file, so the user sees and can undo it: an insertion into
 * the existing file (its own formatting kept, by `jsonc-parser`), or the creation of a new file.
 */
import { modify, type JSONPath } from 'jsonc-parser';
import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import { ignoreEntryFor, LineIndex, neverFlagWordOf, type Analysis, type RatedFinding } from '../engine';
import type { DocumentConfig } from './config-files';
import type { Language } from './locale';

/** What the client can do with a WorkspaceEdit. */
export interface EditSupport {
  /** `documentChanges` with a `create` operation (needed when there is no `.gongwen.json` yet). */
  createFiles: boolean;
}

/**
 * The silencing quick fixes for one finding, or none when the document is not a file on disk or
 * its `.gongwen.json` is invalid (it would be unsafe to edit).
 *
 * @example titles `Ignore this here (.gongwen.json)`, `Never flag “xx” in this workspace`, `Turn off placeholder for this file`
 */
export function silenceActionsFor(finding: RatedFinding, diagnostic: Diagnostic, analysis: Analysis, config: DocumentConfig | undefined, language: Language, support: EditSupport): CodeAction[] {
  if (!config || config.invalid !== undefined || config.relativePath === undefined) return [];
  if (config.text === undefined && !support.createFiles) return [];
  const zh = language === 'zh';
  const text = analysis.model.text;
  const actions: CodeAction[] = [];
  const add = (title: string, path: JSONPath, value: unknown) => {
    const edit = configEdit(config, path, value);
    if (edit) actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
  };

  add(zh ? '忽略此处的这个问题（写入 .gongwen.json）' : 'Ignore this here (in .gongwen.json)', ['ignore', -1], { file: config.relativePath, ...ignoreEntryFor(text, finding) });
  const word = neverFlagWordOf(text, finding);
  if (word !== undefined && !config.config?.words.includes(word)) add(zh ? `在此工作区不再标记“${word}”` : `Never flag “${word}” in this workspace`, ['words', -1], word);
  add(zh ? `在此文件中关闭规则 ${finding.ruleId}` : `Turn off ${finding.ruleId} for this file`, ['overrides', -1], { files: [config.relativePath], rules: { [finding.ruleId]: 'off' } });
  return actions;
}

/** The edit adding `value` at `path` (an array end) of the config file, creating the file if need be. */
function configEdit(config: DocumentConfig, path: JSONPath, value: unknown): WorkspaceEdit | undefined {
  const uri = pathToFileURL(config.target).href;
  if (config.text === undefined) {
    const content = JSON.stringify({ [path[0]]: [value] }, null, 2) + '\n';
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] },
      ],
    };
  }
  let edits;
  try {
    const eol = config.text.includes('\r\n') ? '\r\n' : '\n';
    const indent = /\n(\t| +)"/.exec(config.text)?.[1] ?? '  ';
    edits = modify(config.text, path, value, { isArrayInsertion: true, formattingOptions: { insertSpaces: indent !== '\t', tabSize: indent === '\t' ? 1 : indent.length, eol } });
  } catch {
    return undefined; // e.g. `"ignore": "x"`, not a list: leave the file to the user
  }
  if (edits.length === 0) return undefined;
  const lines = new LineIndex(config.text);
  return { changes: { [uri]: edits.map((e) => ({ range: lines.rangeOf(e.offset, e.offset + e.length), newText: e.content })) } };
}
