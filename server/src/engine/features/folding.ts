/**
 * Folding: each section folds, nested sections fold inside it, so "Fold Level N" works by heading
 * level.
 */
import type { ReportModel } from '../model';

/** A foldable line span, shaped like LSP's `FoldingRange` (lines are zero-based, both inclusive). */
export interface FoldRange {
  startLine: number;
  endLine: number;
}

/**
 * Folding ranges of a report: one per section that spans more than its heading line.
 * A section that ends where a heading starts mid-line stops on the line before it, so folding
 * never hides the next heading.
 *
 * @example for `一、回顾\n正文\n二、安排\n正文` → `[{ startLine: 0, endLine: 1 }, { startLine: 2, endLine: 3 }]`
 */
export function foldingRangesOf(model: ReportModel): FoldRange[] {
  const { lines, text } = model;
  const byStartLine = new Map<number, number>();
  for (const h of model.headings) {
    const startLine = lines.lineAt(h.start);
    let endLine = lines.lineAt(h.sectionEnd);
    if (endLine > startLine && hasContentAfter(text, h.sectionEnd, lines.lineContentEnd(endLine))) endLine--;
    if (endLine <= startLine) continue;
    // One range per start line: editors keep only the first one they get.
    const known = byStartLine.get(startLine);
    if (known === undefined || known < endLine) byStartLine.set(startLine, endLine);
  }
  return [...byStartLine.entries()].sort((a, b) => a[0] - b[0]).map(([startLine, endLine]) => ({ startLine, endLine }));
}

function hasContentAfter(text: string, from: number, lineEnd: number): boolean {
  for (let i = from; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0x3000) return true;
  }
  return false;
}
