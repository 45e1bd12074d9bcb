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
  const findings: RatedFinding[] = [];
  const failures: string[] = [];
  for (const rule of rules) {
    const configured = settings.rules[rule.id] ?? rule.defaultSeverity;
    if (configured === 'off') continue;
    let found: Finding[];
    try {
      found = rule.check(model, settings);
    } catch (error) {
      failures.push(`${rule.id}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const userSet = settings.rules[rule.id] !== undefined;
    for (const f of found) {
      // A finding may ask for its own severity (a medium-confidence guess is quieter, a hidden-text
      // notice louder) unless the user set the rule's severity, which then applies to all its findings.
      // Findings are the rule's fresh objects: rating them in place spares a copy of each.
      const rated = f as RatedFinding;
      rated.severity = f.severity && !userSet ? f.severity : configured;
      findings.push(rated);
    }
  }
  // Stable, so findings at one offset keep the registry's order.
  findings.sort((a, b) => a.start - b.start);
  return { findings, failures };
}
