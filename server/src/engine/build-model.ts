/**
 * Builds the {@link ReportModel} of a text: one linear pass per stage, once per document version.
 */
import { buildHeadingsInSteps } from './headings';
import { LineIndex } from './line-index';
import type { Placeholder, ReportKind, ReportModel } from './model';
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
  const steps = buildReportModelInSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link buildReportModel} one stage at a time (lines and paragraphs, headings; placeholders are found when first read): the
 * server pauses between stages, so a cancelled request or a newer version stops a long analysis
 * and other requests are answered in between.
 *
 * @example
 * const steps = buildReportModelInSteps(text);
 * let step = steps.next();
 * while (!step.done) step = steps.next(); // step.value is the model
 */
export function* buildReportModelInSteps(text: string, options: BuildOptions = {}): Generator<void, ReportModel, void> {
  const lines = new LineIndex(text);
  const paragraphs = splitParagraphs(lines);
  yield;
  const title = findTitle(text, paragraphs);
  const { headings, roots } = yield* buildHeadingsInSteps(text, paragraphs, title);
  yield;
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
    // Found when first read: the outline and folding, asked for at every pause in typing, never
    // read placeholders, and finding them is a third of the parse.
    get placeholders(): Placeholder[] {
      const placeholders = findPlaceholders(text, options.placeholders);
      Object.defineProperty(this, 'placeholders', { value: placeholders, enumerable: true });
      return placeholders;
    },
  };
}
