/**
 * `heading-punctuation`: headings of one level end alike. GB/T 15834 B.3 says a heading alone on its
 * line takes no end punctuation and a run-in heading ends with `。`; published text bends that: the
 * State Council prints its run-in headings in bold, and in a text file each stands alone on its line
 * keeping its `。` (`（一）稳定经济增长。` then the body). That is a style, not an error.
 *
 * So the rule judges each heading against the document's own practice for its level (same family,
 * same depth): the run-in headings (`（一）稳定经济增长。正文…`) and own-line headings ending in
 * `。` `！` `？` vote for "ends with 。", own-line headings without end punctuation vote for "none".
 * An own-line heading is flagged only when the other style clearly dominates its level: at least two
 * headings and at least twice as many as its own style. The message says which style the document
 * follows.
 *
 * Only the upper levels are judged — parts, `一、` and `（一）`: lower levels (`1.抓项目。`) are often
 * list items written as sentences, as are lead lines, points and `——` lines; and a text longer than a
 * heading usually is (`（一）获得…先进单位，…排名第一。`) is such an item too. A line ending in `：` or
 * `；` is a lead-in or a list item, not a heading whose punctuation is in question; contents lines,
 * web residue and page numbers (see `numbering-scope.ts`) are not headings either.
 */
import type { Heading, HeadingFamily, ReportModel } from '../model';
import { numberingScope } from '../numbering-scope';
import type { Finding, Rule } from './rule';

const ID = 'heading-punctuation';

/** End marks of the "ends like a sentence" style. */

/** Longer heading texts are list items written as sentences, not headings. */
const MAX_HEADING_TEXT = 40;

/** Heading families whose own-line headings are section titles. */
const SECTION_FAMILIES = new Set<HeadingFamily>(['part', 'cn-dun', 'cn-paren']);

/** How one heading ends: with a sentence mark, with none, or in a way this rule does not judge. */
type Ending = 'sentence' | 'none' | undefined;

/**
 * Rule `heading-punctuation` (info): an own-line heading whose end punctuation differs from the
 * clearly dominant style of its level in this document; the safe fix adds or deletes the `。`.
 *
 * @example `（一）…推进。` `（二）…优化。` `（三）民生持续改善` on their own lines → on `（三）`:
 * "本文同级标题多以“。”结尾，此处没有"
 */
export const headingPunctuation: Rule = {
  id: ID,
  defaultSeverity: 'info',
  title: { zh: '同级标题末尾标点与全文一致', en: 'Headings of one level end alike, as the rest of the document does' },
  check(model: ReportModel): Finding[] {
    // Groups by family, then depth, in the order they first occur; headings in document order.
    const groups = new Map<HeadingFamily, Map<number, Group>>();
    const { excluded } = numberingScope(model);
    for (const h of model.headings) {
      if (!SECTION_FAMILIES.has(h.family) || h.placement === 'inline' || excluded.has(h)) continue;
      const ending = endingOf(model, h);
      if (!ending) continue;
      let byDepth = groups.get(h.family);
      if (!byDepth) groups.set(h.family, (byDepth = new Map()));
      let group = byDepth.get(h.depth);
      if (!group) byDepth.set(h.depth, (group = { headings: [], sentence: [], count: 0 }));
      group.headings.push(h);
      group.sentence.push(ending === 'sentence');
      if (ending === 'sentence') group.count++;
    }
    const findings: Finding[] = [];
    for (const byDepth of groups.values()) {
      for (const group of byDepth.values()) {
        const total = group.headings.length;
        for (let i = 0; i < total; i++) {
          const h = group.headings[i];
          if (h.placement !== 'line') continue;
          const own = group.sentence[i] ? group.count : total - group.count;
          const other = total - own;
          if (other >= 2 && other >= 2 * own) findings.push(group.sentence[i] ? deleteMark(model, h) : addMark(model, h));
        }
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};

/** How `h` ends: run-in headings by the mark that ends their text, own-line ones by their last character. */
function endingOf(model: ReportModel, h: Heading): Ending {
  const { text } = model;
  if (h.text.length > MAX_HEADING_TEXT) return undefined;
  // Code units, not one-character strings: this runs for every section heading of the document.
  if (h.placement === 'run-in') return isSentenceMark(text.charCodeAt(h.textEnd)) ? 'sentence' : undefined;
  const last = text.charCodeAt(model.paragraphs[h.paragraph].end - 1);
  if (isSentenceMark(last)) return 'sentence';
  return CLAUSE_MARKS.has(last) ? undefined : 'none';
}

/** The headings of one family and depth, whether each ends with a sentence mark, and how many do. */
interface Group {
  headings: Heading[];
  sentence: boolean[];
  count: number;
}

/** `。` `！` `？` `!` `?`: the marks that end a heading as a sentence. */
function isSentenceMark(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63;
}

/** `，` `,` `；` `;` `：` `:` `、`: a heading ending in one runs on. */
const CLAUSE_MARKS = new Set(Array.from('，,；;：:、', (c) => c.charCodeAt(0)));

function deleteMark(model: ReportModel, h: Heading): Finding {
  const end = model.paragraphs[h.paragraph].end;
  const mark = model.text[end - 1];
  return {
    ruleId: ID,
    start: end - 1,
    end,
    message: {
      zh: `本文同级标题末尾多不加标点，此处有“${mark}”`,
      en: `Most headings of this level in this document have no end punctuation; this one ends with "${mark}"`,
    },
    fixes: [{ title: { zh: `删去“${mark}”`, en: `Delete "${mark}"` }, edits: [{ start: end - 1, end, newText: '' }], safe: true, preferred: true }],
  };
}

function addMark(model: ReportModel, h: Heading): Finding {
  const end = model.paragraphs[h.paragraph].end;
  const start = Math.max(h.start, end - 1);
  return {
    ruleId: ID,
    start,
    end,
    message: { zh: '本文同级标题多以“。”结尾，此处没有', en: 'Most headings of this level in this document end with "。"; this one does not' },
    fixes: [{ title: { zh: '末尾加“。”', en: 'Add "。" at the end' }, edits: [{ start: end, end, newText: '。' }], safe: true, preferred: true }],
  };
}
