/**
 * `section-missing`: a required section of the document's kind is absent (report-anatomy §3, the
 * definitions in `sections/definitions.ts`): a government work report without its problems paragraph or its
 * closing, a summary without next steps, a plan without targets.
 *
 * Sections are looked for in heading text, in the opening sentence of paragraphs (towns often
 * leave the problems section without a heading), in titles that lost their line in flattened
 * text, and through strong cues anywhere in a paragraph (`…主要是：`, `重点做好以下几个方面的工作：`).
 * A document cut off before its end (an excerpt, a draft) is not said to lack the sections that
 * would come after its last text. A usual section (`政府自身建设`) is at most a hint.
 *
 * Documents of unknown kind are not checked, nor are documents whose kind was only guessed from
 * the content unless the text makes it clear: a government work report's salutation and opening,
 * or two of the kind's required sections as headings. A speech is not a plan with sections missing.
 *
 * The finding sits where the section belongs (on the heading or paragraph it would go before, or
 * on the last line when it goes at the end); `data.sectionId` names the section, for the "insert
 * missing section" quick fix (see `insertionPoint` in `sections/insertion-point.ts`).
 */
import type { ReportModel } from '../model';
import { partitionPoint } from '../partition-point';
import { absences, findSections, insertionPoint } from '../sections';
import { withInsertFix } from '../features/insert-section';
import type { Finding, Rule } from './rule';

const ID = 'section-missing';

/** How much of the line at the place is covered by the finding. */
const PLACE_LENGTH = 40;

/**
 * Rule `section-missing` (warning; a hint for a usual section): a section of the document's kind
 * is absent; reported where it belongs, offering to insert it.
 *
 * @example 三魁镇2023年工作总结 with no problems part → on `二、2024年工作思路`: "缺少“存在的问题”部分（应在此处之前）：通常写明工作中的不足和困难"
 */
export const sectionMissing: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  title: { zh: '缺少本文种的标准部分（如“存在的问题”）', en: 'A standard section of this kind of report is missing (e.g. the problems)' },
  check(model: ReportModel): Finding[] {
    if (model.kind === 'unknown' || model.paragraphs.length === 0) return [];
    if (!kindIsClear(model)) return [];
    return absences(model).map(({ match: m, severity }) => {
      const place = placeOf(model, insertionPoint(model, m.id).offset);
      const where = place.atEnd ? { zh: '应在文末', en: 'it belongs at the end' } : { zh: '应在此处之前', en: 'it belongs just before this' };
      const message = severity
        ? {
            zh: `未见“${m.def.name.zh}”部分（常见而非必需，${where.zh}）：${m.def.says.zh}`,
            en: `No "${m.def.name.en}" section (usual, not required; ${where.en}): it ${m.def.says.en}`,
          }
        : {
            zh: `缺少“${m.def.name.zh}”部分（${where.zh}）：${m.def.says.zh}`,
            en: `Missing section "${m.def.name.en}" (${where.en}): it ${m.def.says.en}`,
          };
      const finding: Finding = { ruleId: ID, start: place.start, end: place.end, message, data: { sectionId: m.id } };
      if (severity) finding.severity = severity;
      return withInsertFix(model, finding);
    });
  },
};

/**
 * Whether the kind is the author's, not a guess: from the title or the setting; a government work
 * report told by its salutation; otherwise two of the kind's required sections as headings.
 */
function kindIsClear(model: ReportModel): boolean {
  if (model.kindSource !== 'content' || model.kind === 'gov-report') return true;
  return findSections(model).filter((s) => s.def.required && s.heading).length >= 2;
}

/**
 * The text a finding for a section inserted at `offset` covers: the heading there, or the start
 * of the paragraph there, up to its first sentence end; at the end of the document, the end of the
 * last paragraph.
 */
function placeOf(model: ReportModel, offset: number): { start: number; end: number; atEnd: boolean } {
  const text = model.text;
  const ps = model.paragraphs;
  const p = ps[partitionPoint(ps, (q) => q.end <= offset)];
  if (!p) {
    const last = ps[ps.length - 1];
    const start = Math.max(last.start, sentenceStart(text, last.start, last.end), last.end - PLACE_LENGTH);
    return { start, end: last.end, atEnd: true };
  }
  const start = Math.max(offset, p.start);
  const hs = model.headings;
  const at = partitionPoint(hs, (h) => h.start < start);
  const heading = at < hs.length && hs[at].start === start ? hs[at] : undefined;
  if (heading) return { start, end: Math.min(heading.textEnd, start + PLACE_LENGTH), atEnd: false };
  let end = start;
  // Up to the first sentence end, or the blanks that end a title in flattened text.
  while (end < p.end && end - start < PLACE_LENGTH && !/[。！？!?]/.test(text[end]) && !/^[ \t\u3000]{2}/.test(text.slice(end, end + 2))) end++;
  if (end < p.end && /[。！？!?]/.test(text[end])) end++;
  return { start, end, atEnd: false };
}

/** The start of the last sentence of `text.slice(start, end)` (a final `。` excluded). */
function sentenceStart(text: string, start: number, end: number): number {
  for (let i = end - 2; i >= start; i--) if (/[。！？!?]/.test(text[i])) return i + 1;
  return start;
}
