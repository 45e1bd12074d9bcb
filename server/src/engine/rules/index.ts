/**
 * The rule registry: every diagnostic rule, by id. The id is the diagnostic `code`, the setting
 * key `gongwen.rules.<id>` and the README anchor.
 */
import type { ReportModel } from '../model';
import type { GongwenSettings } from '../settings';
import type { Finding, Rule, Severity } from './rule';
import { numberingSequence } from './numbering-sequence';
import { numberingFormat } from './numbering-format';
import { numberingLevel } from './numbering-level';
import { headingPunctuation } from './heading-punctuation';
import { placeholderRule } from './placeholder';
import { sectionMissing } from './section-missing';
import { yearMismatch } from './year-mismatch';
import { webResidue } from './web-residue';
import { halfwidthPunctuation } from './halfwidth-punctuation';

/** All rules, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  numberingSequence,
  numberingFormat,
  numberingLevel,
  headingPunctuation,
  placeholderRule,
  sectionMissing,
  yearMismatch,
  webResidue,
  halfwidthPunctuation,
];

/** The ids of all rules. */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

/** A finding with the severity the user's settings give it. */
export interface RatedFinding extends Finding {
  severity: Exclude<Severity, 'off'>;
}

/**
 * Runs every rule that is not switched off. A rule that throws is reported as one finding of
 * `internal-error` instead of taking the others down.
 *
 * @example runRules(buildReportModel('一、回顾\n三、安排'), defaultSettings()) // a numbering-sequence finding on `三、`
 */
export function runRules(model: ReportModel, settings: GongwenSettings, rules: readonly Rule[] = RULES): { findings: RatedFinding[]; failures: string[] } {
  const lists: RatedFinding[][] = [];
  const failures: string[] = [];
  for (const rule of rules) {
    const one = rateRule(model, settings, rule);
    if (one.failure !== undefined) failures.push(one.failure);
    else if (one.findings.length > 0) lists.push(one.findings);
  }
  return { findings: mergeByStart(lists), failures };
}

/**
 * One rule's findings, rated by the user's settings and in order of `start` (stable, so the rule's
 * own order stays at one offset); none when the rule is off, and a `failure` when it throws.
 *
 * @example rateRule(buildReportModel('一、回顾\n三、安排'), defaultSettings(), numberingSequence).findings[0].start // 5, the `三、`
 */
export function rateRule(model: ReportModel, settings: GongwenSettings, rule: Rule): { findings: RatedFinding[]; failure?: string } {
  const configured = settings.rules[rule.id] ?? rule.defaultSeverity;
  if (configured === 'off') return { findings: [] };
  let found: Finding[];
  try {
    found = rule.check(model, settings);
  } catch (error) {
    return { findings: [], failure: `${rule.id}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const userSet = settings.rules[rule.id] !== undefined;
  let sorted = true;
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    // A finding may ask for its own severity (a medium-confidence guess is quieter, a hidden-text
    // notice louder) unless the user set the rule's severity, which then applies to all its findings.
    // Findings are the rule's fresh objects: rating them in place spares a copy of each.
    (f as RatedFinding).severity = f.severity && !userSet ? f.severity : configured;
    if (i > 0 && f.start < found[i - 1].start) sorted = false;
  }
  // Most rules find in document order already; the others are sorted here, stably.
  if (!sorted) found = found.slice().sort((a, b) => a.start - b.start);
  return { findings: found as RatedFinding[] };
}

/**
 * Lists each ordered by `start`, merged into one ordered by `start`; at one offset, findings of an
 * earlier list come first (what a stable sort of the lists one after another gives, without sorting
 * tens of thousands of findings on every version).
 *
 * @example mergeByStart([[{ start: 0 }, { start: 9 }], [{ start: 5 }]]) // starts 0, 5, 9
 */
export function mergeByStart<T extends { start: number }>(lists: readonly T[][]): T[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0].slice();
  let merged = lists[0];
  // Pairwise, left to right: ties go to the left list, which holds the earlier rules.
  for (let k = 1; k < lists.length; k++) merged = mergeTwo(merged, lists[k]);
  return merged === lists[0] ? merged.slice() : merged;
}

function mergeTwo<T extends { start: number }>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) out[o++] = b[j].start < a[i].start ? b[j++] : a[i++];
  while (i < a.length) out[o++] = a[i++];
  while (j < b.length) out[o++] = b[j++];
  return out;
}
