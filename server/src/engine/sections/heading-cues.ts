/**
 * Sections found by their headings: the shallowest, then first, heading whose text has a section's
 * cue (`二、存在的问题`, `三、2024年工作思路`). Each heading's text is simplified once per model,
 * however many sections are looked for.
 */
import { simplify } from '../chars';
import type { Heading, ReportModel } from '../model';
import { yearIn } from '../pipeline/03-title';
import { memoOf } from '../pipeline';
import type { SectionDef } from './definitions';
import { cueBit } from './openings';

/** How much of a heading's text is examined: a run-in heading of flattened text can be long. */
const HEADING_TEXT_LENGTH = 40;

/** A heading text, simplified, and the heading cues tested on it (bits of {@link cueBit}: tested, matched). */
interface CueText {
  simplified: string;
  known: number;
  matched: number;
}

/** The headings a section can be named by, in document order, with their texts. */
interface CueHeadings {
  headings: Heading[];
  texts: CueText[];
}

const cache = new WeakMap<ReportModel, CueHeadings>();

/** Where the memo keeps the heading texts, for the next version. */
const CUE_TEXTS_KEY = 'section-heading-cues';

/** One version's heading texts by heading start, ascending, for the next version. */
interface KeptCueTexts {
  starts: number[];
  keys: string[];
  texts: CueText[];
}

function cueHeadings(model: ReportModel): CueHeadings {
  let found = cache.get(model);
  if (found) return found;
  found = { headings: [], texts: [] };
  // A heading's text tells its cues whatever the version: a heading the edit did not reach, with
  // the same text where it was, takes the earlier version's record.
  const memo = memoOf(model);
  const earlier = memo?.earlier<KeptCueTexts>(CUE_TEXTS_KEY);
  const range = earlier ? memo!.changedSince(earlier.text, 0, 0) : undefined;
  const old = earlier?.value;
  const kept: KeptCueTexts = { starts: [], keys: [], texts: [] };
  let k = 0;
  for (const h of model.headings) {
    // Points and lead paragraphs are sentences, tested as openings; a lead line alone on its line
    // (`首先报告２００１年的工作`) reads as a title.
    if ((h.family === 'lead' && h.placement !== 'line') || h.family === 'cn-point' || h.family === 'cn-ordinal') continue;
    const key = h.text.slice(0, HEADING_TEXT_LENGTH);
    let t: CueText | undefined;
    if (old && (!range || h.start < range.start || h.start >= range.end)) {
      const start = range && h.start >= range.end ? h.start - range.delta : h.start;
      while (k < old.starts.length && old.starts[k] < start) k++;
      if (k < old.starts.length && old.starts[k] === start && old.keys[k] === key) t = old.texts[k];
    }
    t ??= { simplified: simplify(key), known: 0, matched: 0 };
    found.headings.push(h);
    found.texts.push(t);
    kept.starts.push(h.start);
    kept.keys.push(key);
    kept.texts.push(t);
  }
  memo?.keep(CUE_TEXTS_KEY, kept);
  cache.set(model, found);
  return found;
}

/** The heading cues (and their unions) tested on heading texts. */
const HEADING_CUES = new Map<RegExp, number>();

/** Whether `cue` matches a heading text, tested once per text. */
function matches(t: CueText, cue: RegExp): boolean {
  const bit = cueBit(HEADING_CUES, cue);
  if (bit === 0) return cue.test(t.simplified);
  if (t.known & bit) return (t.matched & bit) !== 0;
  const result = cue.test(t.simplified);
  t.known |= bit;
  if (result) t.matched |= bit;
  return result;
}

const bestCache = new WeakMap<ReportModel, (Heading | undefined)[]>();

/**
 * For each of `defs` (the sections of the document's kind), the shallowest, then first, heading
 * whose text has the section's heading cue. All sections are looked for in one pass over the
 * headings; a heading none of their cues can match (one test of {@link unionOf}) is passed over.
 *
 * @example bestHeadings(model, SECTION_DEFS.summary)[3] // the heading `二、存在的问题和不足`
 */
export function bestHeadings(model: ReportModel, defs: readonly SectionDef[]): (Heading | undefined)[] {
  let best = bestCache.get(model);
  if (best) return best;
  best = new Array<Heading | undefined>(defs.length).fill(undefined);
  bestCache.set(model, best);
  const pending: number[] = [];
  defs.forEach((def, k) => def.headingCue && pending.push(k));
  if (!pending.length) return best;
  const union = unionOf(defs);
  const { headings, texts } = cueHeadings(model);
  // Sections still without a top-level heading: nothing shallower can come for the others.
  let open = pending.length;
  for (let i = 0; i < headings.length && open > 0; i++) {
    const t = texts[i];
    if (union && !matches(t, union)) continue;
    const h = headings[i];
    for (const k of pending) {
      const b = best[k];
      if (b && h.depth >= b.depth) continue;
      const def = defs[k];
      if (matches(t, def.headingCue!) || (def.forwardCue && matches(t, def.forwardCue) && !beforeReportYear(model, t.simplified))) {
        best[k] = h;
        if (h.depth <= 1) open--;
      }
    }
  }
  return best;
}

const unions = new WeakMap<readonly SectionDef[], RegExp | null>();

/**
 * One regex matching wherever any of the sections' heading cues (or forward cues) matches: most
 * headings name no section, and one test tells so. Undefined when a cue carries flags.
 */
function unionOf(defs: readonly SectionDef[]): RegExp | undefined {
  let union = unions.get(defs);
  if (union === undefined) {
    const cues = defs.flatMap((d) => [d.headingCue, d.forwardCue]).filter((c): c is RegExp => c !== undefined);
    union = cues.every((c) => c.flags === '') ? new RegExp(cues.map((c) => `(?:${c.source})`).join('|')) : null;
    unions.set(defs, union);
  }
  return union ?? undefined;
}

/** Whether a heading names a year before the report's (`2023年主要工作` in a 2024 report). */
function beforeReportYear(model: ReportModel, headingText: string): boolean {
  const year = yearIn(headingText);
  return model.year !== undefined && year !== undefined && year < model.year;
}
