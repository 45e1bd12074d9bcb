/**
 * The outline: one symbol per heading, nested as the heading tree. Feeds the Outline view,
 * breadcrumbs and `gongwen outline`.
 */
import type { Range } from '../pipeline/01-lines';
import type { Heading, HeadingFamily, ReportModel } from '../model';

/**
 * One outline entry.
 *
 * @example `{ name: '（二）建管并重，突出亮点，打造生态宜居大美六镇', depth: 2, family: 'cn-paren', ... }`
 */
export interface OutlineSymbol {
  /** Marker and heading text, shortened when a run-in heading is long. */
  name: string;
  /** Full heading text, without the marker. */
  text: string;
  depth: number;
  family: HeadingFamily;
  /** The whole section. */
  range: Range;
  /** The heading itself. */
  selectionRange: Range;
  children: OutlineSymbol[];
}

/**
 * The outline of a report, with at most `maxSymbols` entries: all headings of the shallowest levels,
 * then the first headings of the next level in document order (the deepest are left out first).
 *
 * @example outlineOf(buildReportModel('一、2022年工作回顾\n（一）筑牢基础。…'))[0].children[0].name // '（一）筑牢基础'
 */
export function outlineOf(model: ReportModel, maxSymbols = Infinity): OutlineSymbol[] {
  const kept = keptHeadings(model.headings, maxSymbols);
  const lines = model.lines;
  const toSymbol = (h: Heading): OutlineSymbol => ({
    name: h.label,
    text: h.text,
    depth: h.depth,
    family: h.family,
    range: lines.rangeOf(h.start, h.sectionEnd),
    selectionRange: lines.rangeOf(h.start, h.textEnd),
    children: symbolsOf(h.children),
  });
  const symbolsOf = (headings: readonly Heading[]): OutlineSymbol[] => {
    const out: OutlineSymbol[] = [];
    for (const h of headings) if (!kept || kept[h.index]) out.push(toSymbol(h));
    return out;
  };
  return symbolsOf(model.roots);
}

/**
 * How many entries {@link outlineOf} leaves out with at most `maxSymbols` entries.
 *
 * @example outlineOmitted(compilation, 2000) // 9124 of a 10 MB compilation's 11,124 headings
 */
export function outlineOmitted(model: ReportModel, maxSymbols: number): number {
  return Math.max(0, model.headings.length - maxSymbols);
}

/**
 * Which headings stay in an outline of at most `max` entries (by heading index; `undefined`: all):
 * every heading down to the deepest level that fits whole, then the first headings of the next
 * level in document order, which is the order a level-by-level walk of the tree meets them.
 * A compilation of hundreds of reports keeps its sections and drops its deepest points first.
 */
function keptHeadings(headings: readonly Heading[], max: number): Uint8Array | undefined {
  if (max >= headings.length) return undefined;
  const perDepth: number[] = [];
  for (const h of headings) perDepth[h.depth] = (perDepth[h.depth] ?? 0) + 1;
  let depth = 0;
  let total = 0;
  while (depth + 1 < perDepth.length && total + (perDepth[depth + 1] ?? 0) <= max) total += perDepth[++depth] ?? 0;
  let room = max - total;
  const kept = new Uint8Array(headings.length);
  for (const h of headings) {
    if (h.depth <= depth) kept[h.index] = 1;
    // A heading of the next level is only shown under a parent that is.
    else if (h.depth === depth + 1 && room > 0) {
      kept[h.index] = 1;
      room--;
    }
  }
  return kept;
}
