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
 * The outline of a report, with at most `maxSymbols` entries (the deepest are left out first).
 *
 * @example outlineOf(buildReportModel('一、2022年工作回顾\n（一）筑牢基础。…'))[0].children[0].name // '（一）筑牢基础'
 */
export function outlineOf(model: ReportModel, maxSymbols = Infinity): OutlineSymbol[] {
  const kept = maxSymbols >= model.headings.length ? undefined : shallowestHeadings(model, maxSymbols);
  const toSymbol = (h: Heading): OutlineSymbol => ({
    name: h.label,
    text: h.text,
    depth: h.depth,
    family: h.family,
    range: model.lines.rangeOf(h.start, h.sectionEnd),
    selectionRange: model.lines.rangeOf(h.start, h.textEnd),
    children: (kept ? h.children.filter((c) => kept.has(c)) : h.children).map(toSymbol),
  });
  return (kept ? model.roots.filter((r) => kept.has(r)) : model.roots).map(toSymbol);
}

/**
 * The `max` headings nearest the top, level by level: a compilation of hundreds of reports keeps
 * its sections in the outline and drops its deepest points first.
 */
function shallowestHeadings(model: ReportModel, max: number): Set<Heading> {
  const kept = new Set<Heading>();
  let level: readonly Heading[] = model.roots;
  while (level.length && kept.size < max) {
    const next: Heading[] = [];
    for (const h of level) {
      if (kept.size >= max) break;
      kept.add(h);
      for (const c of h.children) next.push(c);
    }
    level = next;
  }
  return kept;
}
