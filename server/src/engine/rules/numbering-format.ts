/**
 * `numbering-format`: how a marker is written, per GB/T 15834-2011 Appendix B.3.
 *
 * - a Chinese numeral without brackets takes 顿号: `一.` `一，` → `一、`;
 * - an Arabic numeral without brackets takes a full stop: `1、` → `1.` (`1．` is accepted);
 * - a bracketed or circled number takes no punctuation: `（一）、` `（1）.` `①、` → `（一）` `（1）` `①`;
 * - `第一` takes a comma: `第一、` `第一,` → `第一，`;
 * - a Latin letter takes a full stop: `a、` → `a.`;
 * - brackets of one marker match (`（一)` → `（一）`), and one level of one document uses one
 *   bracket width: the minority is offered the majority's width (`（一）`…`(二)` → `（二）`);
 * - no space between a marker and its text (`一、 2022年` → `一、2022年`); `第一部分　总体要求` keeps
 *   its space, as chapter headings do.
 *
 * The stray space is a `hint`: invisible in print, it is a clean-up, not an error. Headings outside
 * the numbering scope (contents lines, `第一部分` inside a section, web residue, page numbers; see
 * `numbering-scope.ts`) are not checked.
 *
 * Markers are this rule's business, not `halfwidth-punctuation`'s: `一,` and `第一,` are reported here.
 * A document writing every marker of a level with half-width brackets (`(一)` throughout) is left
 * alone: the width is consistent, and GB/T 15834 B.3 does not fix it.
 * Every fix replaces the marker (or deletes the space) and nothing else; all are safe.
 */
import type { BracketWidth, Heading, HeadingFamily, Marker, ReportModel } from '../model';
import { numberingScope } from '../numbering-scope';
import { numeralSpan } from '../numbering-style';
import type { Finding, LocalizedText, Rule, TextEdit } from './rule';

const ID = 'numbering-format';

/**
 * Rule `numbering-format` (warning): marker punctuation per GB/T 15834 B.3, one bracket width per
 * level, no space after a marker; every fix (rewrite the marker, delete the space) is safe.
 *
 * @example 一.基本情况 → "汉字数字序号后应用顿号：“一.”应为“一、”"
 */
export const numberingFormat: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  title: { zh: '序号标点符合 GB/T 15834：“一、”“（一）”“1.”“（1）”，括号全半角一致，序号后无空格', en: 'Marker punctuation per GB/T 15834: "一、" "（一）" "1." "（1）", consistent brackets, no space after a marker' },
  check(model: ReportModel): Finding[] {
    const findings: Finding[] = [];
    const { excluded } = numberingScope(model);
    const majority = majorityWidths(model.headings.filter((h) => !excluded.has(h)));
    for (const h of model.headings) {
      const marker = h.marker;
      if (!marker || excluded.has(h)) continue;
      const problem = markerProblem(marker, majority.get(marker.family));
      if (problem) {
        findings.push({
          ruleId: ID,
          start: marker.start,
          end: marker.end,
          message: problem.message,
          fixes: [{ title: { zh: `改为“${problem.replacement}”`, en: `Change to "${problem.replacement}"` }, edits: editsAround(marker, problem), safe: true, preferred: true }],
          data: { found: marker.text, expected: problem.replacement, kind: problem.kind },
        });
      }
      if (marker.spaceAfter && marker.family !== 'dash' && marker.family !== 'part') {
        const end = marker.end + marker.spaceAfter.length;
        findings.push({
          ruleId: ID,
          start: marker.end,
          end,
          // A space is invisible in print and harmless to a reader: a clean-up hint, not a warning.
          severity: 'hint',
          message: { zh: `序号“${marker.text}”后有多余空格`, en: `Stray space after the marker "${marker.text}"` },
          fixes: [{ title: { zh: '删除空格', en: 'Delete the space' }, edits: [{ start: marker.end, end, newText: '' }], safe: true, preferred: true }],
          data: { found: marker.spaceAfter, kind: 'space' },
        });
      }
    }
    return findings;
  },
};

/**
 * The edits that turn the marker into its replacement without touching its numeral, so they never
 * overlap a renumbering edit of `numbering-sequence` (both can go into one "fix all").
 */
function editsAround(marker: Marker, problem: MarkerProblem): TextEdit[] {
  const span = numeralSpan(marker);
  const edits: TextEdit[] = [];
  const before = marker.text.slice(0, span.start - marker.start);
  const after = marker.text.slice(span.end - marker.start);
  if (before !== problem.before) edits.push({ start: marker.start, end: span.start, newText: problem.before });
  if (after !== problem.after) edits.push({ start: span.end, end: marker.end, newText: problem.after });
  return edits;
}

/** What is wrong with one marker, and the marker as it should be written. */
interface MarkerProblem {
  replacement: string;
  /** The replacement's text before and after the (unchanged) numeral. */
  before: string;
  after: string;
  message: LocalizedText;
  kind: string;
}

const BRACKETS: Record<Exclude<BracketWidth, 'mixed'>, [string, string]> = { full: ['（', '）'], half: ['(', ')'] };

/** The punctuation a family takes after its number, or `undefined` when any is fine. */
function standardPunctuation(family: HeadingFamily, found: string): string | undefined {
  switch (family) {
    case 'cn-dun':
      return '、';
    case 'arabic':
      return found === '．' ? '．' : '.';
    case 'latin':
      return found === '．' ? '．' : '.';
    case 'cn-paren':
    case 'arabic-paren':
    case 'circled':
      return '';
    case 'cn-ordinal':
      // `第一：` introduces rather than lists; leave it.
      return found === '、' || found === ',' ? '，' : undefined;
    default:
      return undefined;
  }
}

/** The bracket width most markers of each bracketed family use (full on a tie). */
function majorityWidths(headings: readonly Heading[]): Map<HeadingFamily, 'full' | 'half'> {
  const counts = new Map<HeadingFamily, { full: number; half: number }>();
  for (const h of headings) {
    const b = h.marker?.brackets;
    if (!b || b === 'mixed' || isSingleCodePoint(h.marker!)) continue;
    const c = counts.get(h.family) ?? { full: 0, half: 0 };
    c[b]++;
    counts.set(h.family, c);
  }
  const out = new Map<HeadingFamily, 'full' | 'half'>();
  for (const [family, c] of counts) out.set(family, c.half > c.full ? 'half' : 'full');
  return out;
}

/** `⑴`: brackets and number in one code point; its width is not a choice. */
function isSingleCodePoint(marker: Marker): boolean {
  return marker.text[0] === marker.numeral;
}

function markerProblem(marker: Marker, majority: 'full' | 'half' | undefined): MarkerProblem | undefined {
  // Most markers are right: told before anything is built for the message.
  const want = standardPunctuation(marker.family, marker.punctuation);
  const b = marker.brackets;
  if ((want === undefined || want === marker.punctuation) && (!b || isSingleCodePoint(marker) || (b !== 'mixed' && (!majority || b === majority)))) return undefined;
  return describeProblem(marker, majority, want);
}

function describeProblem(marker: Marker, majority: 'full' | 'half' | undefined, want: string | undefined): MarkerProblem | undefined {
  const zh: string[] = [];
  const en: string[] = [];
  const kinds: string[] = [];
  let punctuation = marker.punctuation;
  if (want !== undefined && want !== marker.punctuation) {
    punctuation = want;
    kinds.push('punctuation');
    switch (marker.family) {
      case 'cn-dun':
        zh.push('汉字数字序号后应用顿号');
        en.push('a Chinese numeral marker takes "、"');
        break;
      case 'arabic':
      case 'latin':
        zh.push(marker.family === 'arabic' ? '阿拉伯数字序号后应用下脚点' : '字母序号后应用下脚点');
        en.push(marker.family === 'arabic' ? 'an Arabic numeral marker takes a full stop' : 'a letter marker takes a full stop');
        break;
      case 'cn-ordinal':
        zh.push('“第X”后应用逗号');
        en.push('"第X" takes a comma');
        break;
      default:
        zh.push(marker.family === 'circled' ? '带圈序号后不加标点' : '括号序号后不加标点');
        en.push(marker.family === 'circled' ? 'a circled number takes no punctuation' : 'a bracketed number takes no punctuation');
    }
  }
  let brackets = marker.brackets;
  if (brackets && !isSingleCodePoint(marker)) {
    if (brackets === 'mixed') {
      brackets = majority ?? 'full';
      kinds.push('mixed-brackets');
      zh.push('括号全半角不一致');
      en.push('the brackets differ in width');
    } else if (majority && brackets !== majority) {
      brackets = majority;
      kinds.push('bracket-width');
      zh.push(`与全文同级序号的括号不一致（多为${majority === 'full' ? '全角' : '半角'}）`);
      en.push(`the brackets differ from the rest of this level (mostly ${majority === 'full' ? 'full-width' : 'half-width'})`);
    }
  }
  if (kinds.length === 0) return undefined;
  const span = numeralSpan(marker);
  let before = marker.text.slice(0, span.start - marker.start);
  let after = marker.text.slice(span.end - marker.start, marker.text.length - marker.punctuation.length) + punctuation;
  if (brackets && !isSingleCodePoint(marker)) {
    const [open, close] = BRACKETS[brackets as 'full' | 'half'];
    before = open;
    after = close + punctuation;
  }
  const replacement = before + marker.text.slice(span.start - marker.start, span.end - marker.start) + after;
  if (replacement === marker.text) return undefined;
  return {
    replacement,
    before,
    after,
    kind: kinds.join('+'),
    message: {
      zh: `${zh.join('；')}：“${marker.text}”应为“${replacement}”`,
      en: `${capitalize(en.join('; '))}: "${marker.text}" should be "${replacement}"`,
    },
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
