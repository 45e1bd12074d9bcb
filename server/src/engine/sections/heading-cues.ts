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

/** Whether `cue` matches a heading text, tested once per text. */
function matches(t: CueText, cue: RegExp): boolean {
  const bit = cueBit(cue);
  if (bit === 0) return cue.test(t.simplified);
  if (t.known & bit) return (t.matched & bit) !== 0;
  const result = cue.test(t.simplified);
  t.known |= bit;
  if (result) t.matched |= bit;
  return result;
}

/**
 * The shallowest, then first, heading whose text has the section's heading cue.
 *
 * @example bestHeading(model, problemsDef) // the heading `二、存在的问题和不足`
 */
export function bestHeading(model: ReportModel, def: SectionDef): Heading | undefined {
  const cue = def.headingCue;
  if (!cue) return undefined;
  const { headings, texts } = cueHeadings(model);
  let best: Heading | undefined;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (best && h.depth >= best.depth) continue;
    const t = texts[i];
    if (matches(t, cue) || (def.forwardCue && matches(t, def.forwardCue) && !beforeReportYear(model, t.simplified))) {
      best = h;
      // Nothing is shallower than a top-level heading.
      if (h.depth <= 1) break;
    }
  }
  return best;
}

/** Whether a heading names a year before the report's (`2023年主要工作` in a 2024 report). */
function beforeReportYear(model: ReportModel, headingText: string): boolean {
  const year = yearIn(headingText);
  return model.year !== undefined && year !== undefined && year < model.year;
}
