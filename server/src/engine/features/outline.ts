/**
 * The outline: one symbol per heading, nested as the heading tree. Feeds the Outline view,
 * breadcrumbs and `gongwen outline`.
 */
import type { Range } from '../line-index';
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
 * The outline of a report.
 *
 * @example outlineOf(buildReportModel('一、2022年工作回顾\n（一）筑牢基础。…'))[0].children[0].name // '（一）筑牢基础'
 */
export function outlineOf(model: ReportModel): OutlineSymbol[] {
  const toSymbol = (h: Heading): OutlineSymbol => ({
    name: h.label,
    text: h.text,
    depth: h.depth,
    family: h.family,
    range: model.lines.rangeOf(h.start, h.sectionEnd),
    selectionRange: model.lines.rangeOf(h.start, h.textEnd),
    children: h.children.map(toSymbol),
  });
  return model.roots.map(toSymbol);
}
