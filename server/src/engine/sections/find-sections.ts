/**
 * Where each standard section of the document's kind is: found by its cue words in heading text or
 * in the opening sentence of a paragraph, in titles that lost their line in flattened text, through
 * strong cues anywhere in a paragraph, or through a lead-in announcing the tasks (see `definitions.ts`).
 */
import { simplify } from '../chars';
import type { ReportModel } from '../model';
import { isSalutation } from '../pipeline/03-title';
import { SECTION_DEFS, type SectionMatch } from './definitions';
import { bestHeadings } from './heading-cues';
import { Openings, sentenceStartBefore } from './openings';
import { taskLeadIn } from './task-lead-in';
import { bodyParagraphs, documentUnits, isTitleLike, segmentUnits, type Unit } from './units';

/** How many paragraphs from the start the salutation and opening are looked for in. */
const FRONT_PARAGRAPHS = 16;
/** How many paragraphs the front can span when the first top-level heading comes late. */
const MAX_FRONT_PARAGRAPHS = 40;
/** How many paragraphs from the end the closing is looked for in. */
const CLOSING_PARAGRAPHS = 3;

/** A salutation inside flattened text: `…乡长xx 各位代表、 同志们: 现在,我代表…`. */
const SALUTATION_INLINE = /(各位代表|同志们)[ \u3000]*[：:]/;
// `我代表镇人民政府，向大会报告政府工作，请予审议`; `受镇人民政府委托，向大会作工作报告`.
const OPENING = /(代表|受).{0,40}(向|在).{0,20}(大会|会议|各位代表).{0,12}(报告|作|做)|向(本次)?大会(报告|作|做)|请予(以)?审议|请各位代表(予以)?审议|提请(大会)?审议/;
const CLOSING_START = /^(各位代表|同志们|各位代表、同志们)[！!，,]/;
const CLOSING_ANYWHERE = /让我们|奋斗[！!。]?$|而努力[！!。]?$|(各位代表|同志们)[！!]/;

const modelCache = new WeakMap<ReportModel, SectionMatch[]>();

/**
 * The standard sections of the document's kind, each with where it was found. Computed once per model.
 *
 * @example findSections(buildReportModel('三魁镇2023年工作总结及2024年工作方向\n一、2023年工作情况\n…\n二、2024年工作思路\n…'))
 *   // review present (heading 一、), problems absent, plan present (heading 二、)
 */
export function findSections(model: ReportModel): SectionMatch[] {
  const cached = modelCache.get(model);
  if (cached) return cached;
  const text = model.text;
  const defs = SECTION_DEFS[model.kind];
  const result: SectionMatch[] = defs.map((def) => ({ id: def.id, def, present: false }));
  const body = bodyParagraphs(model);
  const units = documentUnits(model);
  const front = frontParagraphs(model, body);
  const openings = new Openings(model, units);
  // By paragraph index: the paragraph cues and the task lead-in read the same texts.
  const simplified: (string | undefined)[] = new Array(model.paragraphs.length);
  const paragraphText = (q: Unit): string => (simplified[q.index] ??= simplify(text.slice(q.start, q.end)));
  const startOfPart = (q: Unit, length: number): string => simplify(text.slice(q.start, Math.min(q.end, q.start + length)));
  const endOfPart = (q: Unit, length: number): string => simplify(text.slice(Math.max(q.start, q.end - length), q.end));
  const found = (match: SectionMatch, q: Unit | undefined, at = q?.start): void => {
    if (q) Object.assign(match, { present: true, paragraph: q.index, at });
  };

  let salutation: number | undefined;
  for (const [k, match] of result.entries()) {
    const def = match.def;
    if (def.placement === 'salutation') {
      found(match, front.find((q) => isSalutation(startOfPart(q, 12)) || SALUTATION_INLINE.test(startOfPart(q, 300))));
      salutation = match.paragraph;
    } else if (def.placement === 'opening') {
      found(match, front.find((q) => OPENING.test(startOfPart(q, 200))));
    } else if (def.placement === 'closing') {
      const tail = body.slice(-CLOSING_PARAGRAPHS).reverse();
      const last = tail[0];
      const closing = tail.find((q) => q.index !== salutation && (CLOSING_START.test(startOfPart(q, 12)) || CLOSING_ANYWHERE.test(endOfPart(q, 300))));
      found(match, closing && (closing !== last || body.length > 1 || last.end - last.start > 300) ? closing : undefined);
      if (!match.present && last) {
        // Flattened text: `…  各位代表！让我们…奋斗！` as the last stretch of the one paragraph, after the salutation.
        const salutationAt = result.find((m) => m.id === 'salutation')?.at ?? -1;
        const segment = segmentUnits(model).filter((u) => u.index === last.index && u.start > salutationAt).reverse().slice(0, CLOSING_PARAGRAPHS).find((u) => CLOSING_START.test(startOfPart(u, 12)));
        if (segment) Object.assign(match, { present: true, paragraph: segment.index, at: segment.start, segment: true });
      }
    } else {
      const heading = bestHeadings(model, defs)[k];
      if (heading) {
        Object.assign(match, { present: true, heading, paragraph: heading.paragraph, at: heading.start });
        continue;
      }
      const title = def.headingCue && segmentUnits(model).find((u) => isTitleLike(text, u) && def.headingCue!.test(simplify(text.slice(u.start, u.end))));
      if (title) {
        Object.assign(match, { present: true, paragraph: title.index, at: title.start, segment: true });
        continue;
      }
      const lead = def.leadCue && units.find((u, i) => openings.matches(u, i, def.leadCue!));
      if (lead) {
        found(match, lead);
        if (lead.segment) match.segment = true;
        continue;
      }
      const from = def.after ? result.find((m) => m.id === def.after && m.present)?.at ?? 0 : 0;
      if (def.paragraphCue) {
        const cue = new RegExp(def.paragraphCue.source, 'g');
        for (const q of body) {
          if (q.end <= from) continue;
          const s = paragraphText(q);
          cue.lastIndex = Math.max(0, from - q.start);
          const m = cue.exec(s);
          if (m) {
            found(match, q, q.start + sentenceStartBefore(s, m.index));
            break;
          }
        }
        if (match.present) continue;
      }
      if (def.listLeadIn) {
        const at = taskLeadIn(model, body, paragraphText, from);
        if (at) found(match, at.q, at.at);
      }
    }
  }
  openings.keep();
  modelCache.set(model, result);
  return result;
}

/**
 * Where the salutation and opening are looked for: the first paragraphs from the title on (a page
 * copied from a government site can carry a dozen lines of metadata and a covering notice before
 * it), up to the first top-level heading when that comes later.
 */
function frontParagraphs(model: ReportModel, body: readonly Unit[]): readonly Unit[] {
  const t = model.title;
  const from = t ? Math.max(0, body.findIndex((q) => q.end > t.start)) : 0;
  const firstTop = model.headings.find((h) => h.depth === 1 && (!t || h.start >= t.end));
  let to = from + FRONT_PARAGRAPHS;
  if (firstTop) while (to < body.length && to < from + MAX_FRONT_PARAGRAPHS && body[to].start < firstTop.start) to++;
  return body.slice(from, to);
}
