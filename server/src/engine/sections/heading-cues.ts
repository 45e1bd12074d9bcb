/**
 * Sections found by their headings: the shallowest, then first, heading whose text has a section's
 * cue (`二、存在的问题`, `三、2024年工作思路`). Each heading's text is simplified once per model,
 * however many sections are looked for.
 */
import { simplify } from '../chars';
import type { Heading, ReportModel } from '../model';
import { yearIn } from '../pipeline/03-title';
import type { SectionDef } from './definitions';

/** How much of a heading's text is examined: a run-in heading of flattened text can be long. */
const HEADING_TEXT_LENGTH = 40;

/** The headings a section can be named by, with their texts simplified, in document order. */
interface CueHeadings {
  headings: Heading[];
  texts: string[];
}

const cache = new WeakMap<ReportModel, CueHeadings>();

function cueHeadings(model: ReportModel): CueHeadings {
  let found = cache.get(model);
  if (found) return found;
  found = { headings: [], texts: [] };
  for (const h of model.headings) {
    // Points and lead paragraphs are sentences, tested as openings; a lead line alone on its line
    // (`首先报告２００１年的工作`) reads as a title.
    if ((h.family === 'lead' && h.placement !== 'line') || h.family === 'cn-point' || h.family === 'cn-ordinal') continue;
    found.headings.push(h);
    found.texts.push(simplify(h.text.slice(0, HEADING_TEXT_LENGTH)));
  }
  cache.set(model, found);
  return found;
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
    const text = texts[i];
    if (cue.test(text) || (def.forwardCue?.test(text) && !beforeReportYear(model, text))) {
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
