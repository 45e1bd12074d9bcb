/**
 * One full analysis of a document version: the model and every rule's findings.
 */
import { buildReportModelInSteps, placeholdersInSteps } from './pipeline';
import type { Memo } from './incremental';
import type { ReportModel } from './model';
import { mergeByStart, rateRule, RULES, runRules, type RatedFinding } from './rules';
import { compileSafePattern, patternBudget, type SafePattern, type SafePatternError } from './safe-pattern';
import type { GongwenSettings } from './settings';
import { runToEnd } from './steps';

/** The model and findings of one document version. */
export interface Analysis {
  model: ReportModel;
  findings: RatedFinding[];
  /** Rules that failed on this text (reported, not thrown). */
  failures: string[];
  /**
   * Settings that could not be used for this analysis, e.g. an extra placeholder pattern outside the
   * safe subset: `gongwen.placeholders.extraPatterns[0] "(a)\1": backreferences (\1) are not supported（不支持反向引用） at 3`.
   */
  settingsProblems: string[];
  /**
   * Runs the rules one at a time (a step per rule), for a caller that pauses between them; then
   * `findings` and `failures` are ready. Reading `findings` directly runs them all at once.
   */
  rateInSteps(): Generator<void, void, void>;
}

/**
 * Parses once; every enabled rule runs on the shared model, once, when findings are first read.
 * With `previous` (the memo of an earlier version of the same document, `memoOf(analysis.model)`),
 * results of the lines the edit did not touch are reused; the findings are the same either way.
 *
 * @example analyze('XX镇2023年政府工作报告\n…实现生产总值xx亿元…', defaultSettings()).findings[0].ruleId // 'placeholder'
 */
export function analyze(text: string, settings: GongwenSettings, previous?: Memo): Analysis {
  return runToEnd(analyzeInSteps(text, settings, previous));
}

/**
 * {@link analyze} one stage at a time (see `buildReportModelInSteps`), for a caller that pauses
 * between stages to notice cancellation and newer versions.
 *
 * @example for (const steps = analyzeInSteps(text, settings); ; ) { const s = steps.next(); if (s.done) return s.value; await pause(); }
 */
export function* analyzeInSteps(text: string, settings: GongwenSettings, previous?: Memo): Generator<void, Analysis, void> {
  const { matchers, problems } = extraMatchers(settings.placeholders.extraPatterns);
  // One work budget for all the extra patterns on this text, so a hundred patterns cost what one may.
  const budget = patternBudget(text.length);
  let found = 0;
  const budgeted = matchers.map((findInSteps) =>
    function* (t: string) {
      const matches = yield* findInSteps(t, budget);
      found += matches.length;
      return matches;
    },
  );
  const model = yield* buildReportModelInSteps(text, {
    kind: settings.kind,
    placeholders: { ignoreWords: settings.placeholders.ignoreWords, extraMatchers: budgeted },
    previous,
  });
  // Rules run when something first asks for findings: the outline and folding of a 10 MB
  // compilation, requested on every pause in typing, need only the model.
  let rated: { findings: RatedFinding[]; failures: string[] } | undefined;
  const rate = () => (rated ??= runRules(model, settings));
  return {
    model,
    get findings() {
      return rate().findings;
    },
    get failures() {
      return rate().failures;
    },
    // The extra patterns run with the placeholders, which the model finds when first read.
    get settingsProblems() {
      void model.placeholders;
      return budget.exhausted ? [...problems, budgetProblem(found)] : problems;
    },
    *rateInSteps() {
      const lists: RatedFinding[][] = [];
      const failures: string[] = [];
      // Placeholders (with the user's extra patterns, up to their budget) are stages of their own:
      // a greedy pattern may spend a second of its budget on a 20 MB report.
      yield* placeholdersInSteps(model);
      yield;
      for (const rule of RULES) {
        if (rated) return;
        const one = rateRule(model, settings, rule);
        if (one.failure !== undefined) failures.push(one.failure);
        else if (one.findings.length > 0) lists.push(one.findings);
        yield;
      }
      // Merged as in `runRules`: findings at one offset keep the registry's order.
      rated ??= { findings: mergeByStart(lists), failures };
    },
  };
}

/**
 * The problem reported when the extra patterns ran out of work on a document.
 *
 * @example budgetProblem(12) // 'gongwen.placeholders.extraPatterns: the patterns exceeded their time budget on this document; 12 matches found before stopping（额外占位符模式超出本文档的计算预算，已停止匹配；停止前找到 12 处）'
 */
export function budgetProblem(found: number): string {
  return `gongwen.placeholders.extraPatterns: the patterns exceeded their time budget on this document; ${found} matches found before stopping（额外占位符模式超出本文档的计算预算，已停止匹配；停止前找到 ${found} 处）`;
}

/** Compiled patterns by source; analysis runs on every keystroke, compiling once is enough. */
const compiled = new Map<string, SafePattern | SafePatternError>();
const MAX_CACHED = 500;

function compileCached(source: string): SafePattern | SafePatternError {
  let result = compiled.get(source);
  if (!result) {
    if (compiled.size >= MAX_CACHED) compiled.clear();
    result = compileSafePattern(source);
    compiled.set(source, result);
  }
  return result;
}

/**
 * The extra placeholder patterns of the settings as matchers (see `safe-pattern.ts`), and a
 * problem message for each pattern that is not in the safe subset.
 */
export function extraMatchers(patterns: readonly string[]): {
  matchers: Array<SafePattern['findInSteps']>;
  problems: string[];
} {
  const matchers: Array<SafePattern['findInSteps']> = [];
  const problems: string[] = [];
  patterns.forEach((source, i) => {
    const p = compileCached(source);
    if (p.ok) matchers.push(p.findInSteps);
    else problems.push(`gongwen.placeholders.extraPatterns[${i}] ${JSON.stringify(source)}: ${p.error}`);
  });
  return { matchers, problems };
}
