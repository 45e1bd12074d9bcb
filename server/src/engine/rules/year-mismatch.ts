/**
 * `year-mismatch`: a review or plan heading whose year does not fit the year in the title — the
 * tell-tale of a report started from last year's text or from a template (`2021年工作回顾` in a
 * 2023 report).
 *
 * What fits, by the years of the title:
 * - two consecutive years (`2023年工作总结及2024年工作计划`, `2018年政府工作报告和2019年工作计划`):
 *   review the first, plan the second;
 * - one year Y and a half-year report (`2023年上半年工作总结`): review Y, plan Y (the second half)
 *   or Y+1;
 * - one year Y, government work report (`XX镇2023年政府工作报告`, given at the congress early in
 *   2023): review Y-1, plan Y. A report whose review and plan headings all say Y and Y+1, with at
 *   least one plan heading, is taken to follow the year-end congress convention (the report at the
 *   congress of late Y) and is left alone;
 * - one year Y, summary, summary + plan or duty report: review Y, plan Y+1;
 * - one year Y, plan: plan Y, review Y-1.
 *
 * Headings looked at: those with a year (`2022年`, `２０２２年`, `二〇二二年`) followed closely by a
 * review cue (`回顾` `总结` `工作情况` `完成情况` …) or a plan cue (`安排` `计划` `要点` `思路` `打算`
 * `目标` `任务`), or preceded by `回顾`/`展望`. Year ranges (`2018—2022年`) are skipped.
 *
 * Fix: replace the year with the expected one (not safe: it changes content; preferred).
 */
import type { Heading, ReportModel } from '../model';
import type { Finding, Rule } from './rule';

const ID = 'year-mismatch';

/**
 * Rule `year-mismatch` (warning): a review or plan heading whose year does not fit the title's
 * years; the fix (preferred, not safe) writes the expected year.
 *
 * @example 2023年工作总结 / 一、2021年工作回顾 → "“2021年”与标题年份（2023年）不符：工作回顾应为2023年"
 */
export const yearMismatch: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  title: { zh: '回顾、计划部分的年份与标题年份不符', en: 'The year of a review or plan heading does not fit the year in the title' },
  check(model: ReportModel): Finding[] {
    if (!model.title || model.kind === 'unknown') return [];
    const titleYears = [...new Set(yearsIn(model.title.text).map((y) => y.year))].sort((a, b) => a - b);
    if (titleYears.length === 0) return [];

    const mentions: Mention[] = [];
    for (const h of model.headings) collectMentions(model, h, mentions);
    if (mentions.length === 0) return [];

    const expected = expectations(model, titleYears, mentions);
    if (!expected) return [];
    const findings: Finding[] = [];
    const titleZh = titleYears.map((y) => `${y}年`).join('、');
    const titleEn = titleYears.join(', ');
    for (const m of mentions) {
      const fits = m.role === 'review' ? expected.review : expected.plan;
      if (fits.includes(m.year.year)) continue;
      const want = fits[0];
      const written = m.year.text;
      const replacement = writeYear(want, written);
      findings.push({
        ruleId: ID,
        start: m.year.start,
        end: m.year.end + 1, // with 年
        message:
          m.role === 'review'
            ? {
                zh: `“${written}年”与标题年份（${titleZh}）不符：工作回顾应为${want}年`,
                en: `"${written}年" does not fit the title year (${titleEn}): the review should be of ${want}`,
              }
            : {
                zh: `“${written}年”与标题年份（${titleZh}）不符：工作安排应为${want}年`,
                en: `"${written}年" does not fit the title year (${titleEn}): the plan should be for ${want}`,
              },
        fixes: [
          {
            title: { zh: `改为“${replacement}年”`, en: `Change to "${replacement}年"` },
            edits: [{ start: m.year.start, end: m.year.end, newText: replacement }],
            safe: false,
            preferred: true,
          },
        ],
        data: { year: m.year.year, expected: want, role: m.role },
      });
    }
    return findings;
  },
};

interface YearAt {
  year: number;
  /** The digits as written (`2022`, `２０２２`, `二〇二二`). */
  text: string;
  /** Offsets of the digits (the `年` follows at `end`). */
  start: number;
  end: number;
}

interface Mention {
  heading: Heading;
  year: YearAt;
  role: 'review' | 'plan';
}

const CN_DIGITS = '〇零一二三四五六七八九';

function digitOf(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  const i = CN_DIGITS.indexOf(String.fromCharCode(c));
  if (i === 0 || i === 1) return 0;
  return i > 1 ? i - 1 : -1;
}

/** 0 for ASCII digits, 1 for full-width digits, 2 for Chinese digits, -1 otherwise. */
function digitKind(c: number): number {
  if (c >= 0x30 && c <= 0x39) return 0;
  if (c >= 0xff10 && c <= 0xff19) return 1;
  return digitOf(c) >= 0 ? 2 : -1;
}

/**
 * Four-digit years followed by `年` (ASCII, full-width or Chinese digits, not mixed, except the `0`
 * typed for `〇` among Chinese digits: `二0二二年`), 1949–2100.
 */
function yearsIn(s: string, offset = 0): YearAt[] {
  const out: YearAt[] = [];
  for (let i = s.indexOf('年', 4); i !== -1; i = s.indexOf('年', i + 1)) {
    const from = i - 4;
    if (from < 0) continue;
    let year = 0;
    let kind = -1;
    let ok = true;
    const chinese = digitKind(s.charCodeAt(from)) === 2;
    for (let k = from; k < i; k++) {
      const c = s.charCodeAt(k);
      const d = digitOf(c);
      const kk = chinese && (c === 0x30 || c === 0xff10) ? 2 : digitKind(c);
      if (d < 0 || (kind !== -1 && kk !== kind)) {
        ok = false;
        break;
      }
      kind = kk;
      year = year * 10 + d;
    }
    // A longer number (`12023年`, `一二〇二三年`) is not a year.
    if (ok && from > 0 && digitKind(s.charCodeAt(from - 1)) === kind) ok = false;
    if (ok && year >= 1949 && year <= 2100) out.push({ year, text: s.slice(from, i), start: offset + from, end: offset + i });
  }
  return out;
}

/** The year written in the style of `like` (`２０２２` → full-width, `二〇二二` → Chinese). */
function writeYear(year: number, like: string): string {
  const digits = String(year);
  const c = like.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return digits;
  if (c >= 0xff10 && c <= 0xff19) return Array.from(digits, (d) => String.fromCharCode(0xff10 + Number(d))).join('');
  const zero = like.includes('零') ? '零' : '〇';
  return Array.from(digits, (d) => (d === '0' ? zero : CN_DIGITS[Number(d) + 1])).join('');
}

const REVIEW_AFTER = /回顾|回顧|总结|總結|工作情况|工作情況|完成情况|完成情況|开展情况|開展情況|工作成效|主要成绩|取得的成绩|工作成绩/;
const PLAN_AFTER = /安排|计划|計劃|計畫|要点|要點|思路|打算|目标|目標|任务|任務|建议|建議/;
const REVIEW_BEFORE = /(回顾|回顧|回望|总结|總結)$/;
const PLAN_BEFORE = /展望$/;
/** How far after the year a cue may be. */
const CUE_WINDOW = 12;
const STOP = /[，,。；;：:、！!？?（(]/;
const RANGE = /[0-9０-９〇零一二三四五六七八九]{4}\s*年?\s*[-—–~～至到]\s*[0-9０-９〇零一二三四五六七八九]{4}/;

function collectMentions(model: ReportModel, h: Heading, out: Mention[]): void {
  if (h.text.indexOf('年') < 0) return;
  let textStart = h.textEnd - h.text.length;
  if (model.text.slice(textStart, h.textEnd) !== h.text) {
    textStart = model.text.indexOf(h.text, h.start);
    if (textStart < 0) return;
  }
  const text = h.text.slice(0, 60);
  if (RANGE.test(text)) return;
  const years = yearsIn(text, textStart);
  for (let k = 0; k < years.length; k++) {
    const y = years[k];
    const local = y.end - textStart + 1; // after 年
    const nextYear = k + 1 < years.length ? years[k + 1].start - textStart : text.length;
    let context = text.slice(local, Math.min(nextYear, local + CUE_WINDOW));
    const stop = context.search(STOP);
    if (stop >= 0) context = context.slice(0, stop);
    const before = text.slice(Math.max(0, y.start - textStart - 4), y.start - textStart);
    let role: Mention['role'] | undefined;
    if (REVIEW_AFTER.test(context)) role = 'review';
    else if (PLAN_AFTER.test(context)) role = 'plan';
    else if (REVIEW_BEFORE.test(before)) role = 'review';
    else if (PLAN_BEFORE.test(before)) role = 'plan';
    if (role) out.push({ heading: h, year: y, role });
  }
}

function expectations(model: ReportModel, titleYears: number[], mentions: Mention[]): { review: number[]; plan: number[] } | undefined {
  const title = model.title!.text;
  if (titleYears.length >= 2) {
    const [first, second] = [titleYears[0], titleYears[titleYears.length - 1]];
    if (titleYears.length > 2 || second - first !== 1) return undefined; // a five-year span or an odd title
    return { review: [first], plan: [second] };
  }
  const y = titleYears[0];
  if (/半年|季度/.test(title)) return { review: [y], plan: [y, y + 1] };
  switch (model.kind) {
    case 'gov-report': {
      const yearEnd = mentions.every((m) => m.year.year === (m.role === 'review' ? y : y + 1)) && mentions.some((m) => m.role === 'plan');
      return yearEnd ? { review: [y], plan: [y + 1] } : { review: [y - 1], plan: [y] };
    }
    case 'plan':
      return { review: [y - 1], plan: [y] };
    case 'summary':
    case 'summary-plan':
    case 'duty-report':
      return { review: [y], plan: [y + 1] };
    default:
      return undefined;
  }
}
