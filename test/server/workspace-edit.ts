/**
 * Test helpers for edits that come back over LSP: apply a WorkspaceEdit to a text the way an
 * editor would, and convert between offsets and positions.
 */
import { LineIndex, type Position } from '../../server/src/engine/pipeline/01-lines';
import { applyEdits } from '../../server/src/engine/renumber';

export interface LspTextEdit {
  range: { start: Position; end: Position };
  newText: string;
}

/** The text edits a WorkspaceEdit makes to `uri`, from either `changes` or `documentChanges`. */
export function editsFor(edit: any, uri: string): LspTextEdit[] {
  const out: LspTextEdit[] = [];
  if (edit?.changes?.[uri]) out.push(...edit.changes[uri]);
  for (const change of edit?.documentChanges ?? []) {
    if (change.kind !== undefined) throw new Error(`unexpected resource operation ${change.kind}`);
    if (change.textDocument.uri === uri) out.push(...change.edits);
  }
  return out;
}

/** An edit in offsets, with the original text it replaces. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
  oldText: string;
}

/** The edits of a WorkspaceEdit on `uri` as offsets into `text`, sorted; throws if two overlap. */
export function offsetEdits(text: string, edit: any, uri: string): OffsetEdit[] {
  const index = new LineIndex(text);
  const edits = editsFor(edit, uri).map((e) => {
    const start = index.offsetAt(e.range.start);
    const end = index.offsetAt(e.range.end);
    return { start, end, newText: e.newText, oldText: text.slice(start, end) };
  });
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < edits.length; i++) {
    const [a, b] = [edits[i - 1], edits[i]];
    if (b.start < a.end || (a.start === b.start && a.start === a.end && b.start === b.end)) throw new Error(`overlapping edits at ${a.start}-${a.end} and ${b.start}-${b.end}`);
  }
  return edits;
}

/** Applies a WorkspaceEdit's edits on `uri` to `text`, as an editor would (LSP: ranges refer to the original text). */
export function applyWorkspaceEdit(text: string, edit: any, uri: string): string {
  return applyEdits(text, offsetEdits(text, edit, uri));
}

/** The zero-based position of `offset` in `text`. */
export function positionAt(text: string, offset: number): Position {
  return new LineIndex(text).positionAt(offset);
}

/** The zero-based range of `text.slice(start, end)`. */
export function rangeAt(text: string, start: number, end: number): { start: Position; end: Position } {
  const index = new LineIndex(text);
  return { start: index.positionAt(start), end: index.positionAt(end) };
}

/** The text a range covers. */
export function textOf(text: string, range: { start: Position; end: Position }): string {
  const index = new LineIndex(text);
  return text.slice(index.offsetAt(range.start), index.offsetAt(range.end));
}
