/**
 * `placeholder`: one finding per unfilled blank of the model (`xx`, `xxxx年`, `x.x亿元`, `××`,
 * `某某`, `**乡`, `20__年`, `【单位名称】`, `参合基金 万元`, `同比增长%`, a paragraph cut off with
 * `……`; see `pipeline/07-placeholders.ts` and report-anatomy §4).
 *
 * Medium-confidence blanks (a number simply missing: `同比增长%`) are reported as `info`. The
 * finding's `data.placeholder` is the blank as written, so a "fill all like this" command can find
 * identical blanks. There is no fix: nothing is safe to insert.
 */
import type { Placeholder, ReportModel } from '../model';
import type { Finding, LocalizedText, Rule } from './rule';

const ID = 'placeholder';

/**
 * Rule `placeholder` (warning): one finding per unfilled template blank of the model, `info` for a
 * possibly missing number; no fix, since nothing is safe to insert.
 *
 * @example 实现生产总值xx亿元，同比增长% → "未填写的占位符“xx”" and "可能缺少数字：“同比增长%”"
 */
export const placeholderRule: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  title: { zh: '未填写的占位符（xx、××、某某、【】……）', en: 'Unfilled template blanks (xx, ××, 某某, 【】…)' },
  check(model: ReportModel): Finding[] {
    const findings: Finding[] = [];
    for (const p of model.placeholders) {
      const finding: Finding = {
        ruleId: ID,
        start: p.start,
        end: p.end,
        message: messageOf(model.text, p),
        data: { placeholder: p.text, form: p.form },
      };
      if (p.confidence === 'medium') finding.severity = 'info';
      findings.push(finding);
    }
    return findings;
  },
};

/** Units of a date or an ordinal that make a blank read better when named with it (`xxxx年`, `**届`). */
const NAME_SUFFIX = '年月日号號届屆';

/** Runs of blanks as one space (`参合基金 　万元` → `参合基金 万元`); most texts shown have none, and are returned as they are. */
function foldBlanks(s: string): string {
  return /\s/.test(s) ? s.replace(/\s+/g, ' ') : s;
}

/** Characters that may stand before a missing number as context (`同比增长%`). */
function contextBefore(text: string, start: number): string {
  let from = start;
  while (from > 0 && start - from < 4) {
    const c = text.charCodeAt(from - 1);
    const cjk = (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
    if (!cjk) break;
    from--;
  }
  return text.slice(from, start);
}

/** The unit after a blank (`万元` in `参合基金 万元`). */
function unitAfter(text: string, end: number): string {
  let to = end;
  while (to < text.length && to - end < 4) {
    const c = text.charCodeAt(to);
    if (!((c >= 0x4e00 && c <= 0x9fff) || c === 0x25 || c === 0x2030 || c === 0xff05)) break;
    to++;
  }
  return text.slice(end, to);
}

function messageOf(text: string, p: Placeholder): LocalizedText {
  switch (p.form) {
    case 'missing-number':
    case 'blank-before-unit': {
      const before = contextBefore(text, p.start);
      // A bare `年` opening a sentence (` 年政府工作回顾`) reads better with what follows it.
      const unit = p.form === 'blank-before-unit' || (p.text === '年' && before === '') ? unitAfter(text, p.end) : '';
      const shown = foldBlanks(before + p.text + unit);
      if (p.confidence === 'medium') return { zh: `可能缺少数字：“${shown}”`, en: `A number may be missing: "${shown}"` };
      return { zh: `未填写的数字：“${shown}”`, en: `Unfilled number: "${shown}"` };
    }
    case 'ellipsis-cut':
      return {
        zh: `段落以“${p.text}”结尾，内容可能没写完`,
        en: `The paragraph ends with "${p.text}"; the text may be unfinished`,
      };
    default: {
      const suffix = p.end < text.length && NAME_SUFFIX.includes(text[p.end]) ? text[p.end] : '';
      const shown = p.text + suffix;
      return { zh: `未填写的占位符“${shown}”`, en: `Unfilled placeholder "${shown}"` };
    }
  }
}
