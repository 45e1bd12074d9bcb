/**
 * Builds the {@link ReportModel} of a text: one linear pass per stage, once per document version.
 */
import { buildHeadings } from './headings';
import { LineIndex } from './line-index';
import type { ReportKind, ReportModel } from './model';
import { splitParagraphs } from './paragraphs';
import { findPlaceholders, type PlaceholderOptions } from './placeholders';
import { findTitle, kindFromContent, kindFromTitle, yearIn } from './title';

/** What the caller knows that the text does not say. */
export interface BuildOptions {
  /** The kind the user chose (`gongwen.kind`), or `auto`/undefined to infer it. */
  kind?: ReportKind | 'auto';
  placeholders?: PlaceholderOptions;
}

/**
 * Parses a report.
 *
 * @example
 * const model = buildReportModel('六镇镇2023年政府工作报告\n各位代表：\n一、2022年工作回顾\n…');
 * model.kind;            // 'gov-report'
 * model.year;            // 2023
 * model.roots[0].label;  // '一、2022年工作回顾'
 */
export function buildReportModel(text: string, options: BuildOptions = {}): ReportModel {
  const lines = new LineIndex(text);
  const paragraphs = splitParagraphs(lines);
  const title = findTitle(text, paragraphs);
  const { headings, roots } = buildHeadings(text, paragraphs, title);
  let kind: ReportKind;
  let kindSource: ReportModel['kindSource'];
  const fromTitle = title ? kindFromTitle(title.text) : undefined;
  if (options.kind && options.kind !== 'auto') {
    kind = options.kind;
    kindSource = 'setting';
  } else if (fromTitle) {
    kind = fromTitle;
    kindSource = 'title';
  } else {
    kind = kindFromContent(text);
    kindSource = kind === 'unknown' ? 'none' : 'content';
  }
  return {
    text,
    lines,
    title,
    kind,
    kindSource,
    year: title ? yearIn(title.text) : undefined,
    paragraphs,
    headings,
    roots,
    placeholders: findPlaceholders(text, options.placeholders),
  };
}
