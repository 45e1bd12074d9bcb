/**
 * `heading-punctuation`: a heading alone on its line takes no end punctuation (GB/T 15834 B.3):
 * `（一）乡村振兴稳步推进。` on its own line should read `（一）乡村振兴稳步推进`.
 *
 * Only the upper levels are checked — parts, `一、`, `（一）` and unnumbered titles: lower levels
 * (`1.抓项目。`) are often list items written as sentences, as are lead lines, points and `——` lines;
 * and a text longer than a heading usually is (`（一）获得…先进单位，…排名第一。`) is such an item too.
 */
import type { HeadingFamily, ReportModel } from '../model';
import type { Finding, Rule } from './rule';

const ID = 'heading-punctuation';

/** End punctuation a heading alone on its line should not carry. */
const END_PUNCTUATION = '。，,；;：:';

/** Longer heading texts are list items written as sentences, not headings. */
const MAX_HEADING_TEXT = 40;

/** Heading families whose own-line headings are section titles, never sentences. */
const SECTION_FAMILIES = new Set<HeadingFamily>(['part', 'cn-dun', 'cn-paren', 'title']);

/**
 * Rule `heading-punctuation` (info): end punctuation after a heading alone on its line; the safe fix
 * deletes it.
 *
 * @example `（一）乡村振兴稳步推进。` alone on its line → "标题独占一行时末尾不加标点：删去“。”"
 */
export const headingPunctuation: Rule = {
  id: ID,
  defaultSeverity: 'info',
  title: { zh: '独占一行的标题末尾不加标点', en: 'A heading alone on its line takes no end punctuation' },
  check(model: ReportModel): Finding[] {
    const { text } = model;
    const findings: Finding[] = [];
    for (const h of model.headings) {
      if (h.placement !== 'line' || !SECTION_FAMILIES.has(h.family) || h.text.length > MAX_HEADING_TEXT) continue;
      const end = model.paragraphs[h.paragraph].end;
      const mark = text[end - 1];
      if (!END_PUNCTUATION.includes(mark)) continue;
      findings.push({
        ruleId: ID,
        start: end - 1,
        end,
        message: { zh: `标题独占一行时末尾不加标点：删去“${mark}”`, en: `A heading alone on its line takes no end punctuation: delete "${mark}"` },
        fixes: [{ title: { zh: `删去“${mark}”`, en: `Delete "${mark}"` }, edits: [{ start: end - 1, end, newText: '' }], safe: true, preferred: true }],
      });
    }
    return findings;
  },
};
