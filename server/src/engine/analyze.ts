/**
 * One full analysis of a document version: the model and every rule's findings.
 */
import { buildReportModel } from './build-model';
import type { ReportModel } from './model';
import { runRules, type RatedFinding } from './rules';
import type { GongwenSettings } from './settings';

/** The model and findings of one document version. */
export interface Analysis {
  model: ReportModel;
  findings: RatedFinding[];
  /** Rules that failed on this text (reported, not thrown). */
  failures: string[];
}

/**
 * Parses once and runs every enabled rule on the shared model.
 *
 * @example analyze('XX镇2023年政府工作报告\n…实现生产总值xx亿元…', defaultSettings()).findings[0].ruleId // 'placeholder'
 */
export function analyze(text: string, settings: GongwenSettings): Analysis {
  const model = buildReportModel(text, {
    kind: settings.kind,
    placeholders: { ignoreWords: settings.placeholders.ignoreWords },
  });
  const { findings, failures } = runRules(model, settings);
  return { model, findings, failures };
}
