/**
 * The parse pipeline: builds the {@link ReportModel} of a text, one linear pass per stage, once per
 * document version. The stages, in the order they run (one file each in this folder):
 *
 * | # | file                     | from → to                                                                 |
 * |---|--------------------------|---------------------------------------------------------------------------|
 * | 1 | `01-lines.ts`            | text → line starts (`LineIndex`: offsets ↔ LSP positions)                 |
 * | 2 | `02-paragraphs.ts`       | lines → paragraphs (non-blank lines, trimmed)                             |
 * | 3 | `03-title.ts`            | paragraphs → title (`XX镇2023年政府工作报告`), and from it kind and year   |
 * | 4 | `04-headings.ts`         | paragraphs → heading candidates: markers at paragraph starts and after sentence ends (`…方面：（一）…`), own-line titles; `：`…`；` list items and quoted parts dropped |
 * | 5 | `05-lead-paragraphs.ts`  | paragraphs + candidates → parallel lead paragraphs (`一年来，我们…`) as headings |
 * | 6 | `06-heading-tree.ts`     | candidates → heading tree: levels, parents, section ends                   |
 * | 7 | `07-placeholders.ts`     | text → placeholders (`xx亿元`, `×××`, `【此处填写】`), found when first read |
 *
 * Stages 4–6 run inside `buildHeadingsInSteps` (`04-headings.ts`). Helpers the stages share
 * (`markers.ts`, `own-line-titles.ts`, `list-items.ts`, `inner-parts.ts`, `chars.ts`) sit one
 * folder up; rules and features read the finished model and never run a stage themselves.
 */
import { LineIndex } from './01-lines';
import { splitParagraphs } from './02-paragraphs';
import { findTitle, kindFromContent, kindFromTitle, yearIn } from './03-title';
import { buildHeadingsInSteps } from './04-headings';
import { findPlaceholdersInSteps, type PlaceholderOptions } from './07-placeholders';
import { Memo } from '../incremental';
import type { Placeholder, ReportKind, ReportModel } from '../model';
import { runToEnd } from '../steps';

/** What the caller knows that the text does not say. */
export interface BuildOptions {
  /** The kind the user chose (`gongwen.kind`), or `auto`/undefined to infer it. */
  kind?: ReportKind | 'auto';
  placeholders?: PlaceholderOptions;
  /** The memo of an earlier version of the same document: what did not change is not found again (see `incremental.ts`). */
  previous?: Memo;
}

const memos = new WeakMap<ReportModel, Memo>();

/**
 * The memo of a model: where its stages and rules keep results for the next version's analysis.
 *
 * @example analyze(nextText, settings, memoOf(analysis.model)) // re-scans only the changed lines
 */
export function memoOf(model: ReportModel): Memo | undefined {
  return memos.get(model);
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
  return runToEnd(buildReportModelInSteps(text, options));
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
  const memo = new Memo(text, options.previous);
  const lines = new LineIndex(text, memo);
  const paragraphs = splitParagraphs(lines, memo);
  yield;
  const title = findTitle(text, paragraphs);
  const { headings, roots } = yield* buildHeadingsInSteps(text, paragraphs, title, memo);
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
    kind = kindFromContent(text, memo);
    kindSource = kind === 'unknown' ? 'none' : 'content';
  }
  const model: ReportModel = {
    text,
    lines,
    title,
    kind,
    kindSource,
    year: title ? yearIn(title.text) : undefined,
    paragraphs,
    headings,
    roots,
    placeholders: [],
  };
  // Found when first read: the outline and folding, asked for at every pause in typing, never
  // read placeholders, and finding them is a third of the parse.
  const steps = stepsOfPlaceholders(text, options.placeholders, memo);
  Object.defineProperty(model, 'placeholders', placeholdersWhenRead(steps));
  placeholderSteps.set(model, steps);
  memos.set(model, memo);
  return model;
}

/**
 * The model's `placeholders`, found when first read (all steps at once). A function of its own, so
 * that the getter holds only what it reads: a getter written in {@link buildReportModelInSteps} would
 * hold its `options`, and with them the previous version's memo and whole text, for as long as
 * nobody read placeholders.
 */
function placeholdersWhenRead(steps: () => Generator<void, Placeholder[], void>): PropertyDescriptor {
  return {
    configurable: true,
    enumerable: true,
    get(this: ReportModel): Placeholder[] {
      return settlePlaceholders(this, runToEnd(steps()));
    },
  };
}

/** `model.placeholders` from now on: a plain value in place of the getter. */
function settlePlaceholders(model: ReportModel, placeholders: Placeholder[]): Placeholder[] {
  Object.defineProperty(model, 'placeholders', { value: placeholders, enumerable: true });
  return placeholders;
}

/** The placeholders of `text` in steps; a function of its own for the reason {@link placeholdersWhenRead} is. */
function stepsOfPlaceholders(text: string, options: PlaceholderOptions | undefined, memo: Memo): () => Generator<void, Placeholder[], void> {
  return () => findPlaceholdersInSteps(text, options, memo);
}

/** How each model's placeholders are found in steps, until they are (see {@link placeholdersInSteps}). */
const placeholderSteps = new WeakMap<ReportModel, () => Generator<void, Placeholder[], void>>();

/**
 * The model's placeholders, found in steps with pauses (see `findPlaceholdersInSteps`) unless they
 * were found already; afterwards `model.placeholders` holds them.
 *
 * @example yield* placeholdersInSteps(model) // a greedy extra pattern over 20 MB pauses every 30 ms or so
 */
export function* placeholdersInSteps(model: ReportModel): Generator<void, Placeholder[], void> {
  const steps = placeholderSteps.get(model);
  const descriptor = Object.getOwnPropertyDescriptor(model, 'placeholders');
  if (!steps || !descriptor?.get) return model.placeholders;
  const placeholders = yield* steps();
  placeholderSteps.delete(model);
  // Read meanwhile (a request computed them at once): those stand.
  return Object.getOwnPropertyDescriptor(model, 'placeholders')?.get ? settlePlaceholders(model, placeholders) : model.placeholders;
}
