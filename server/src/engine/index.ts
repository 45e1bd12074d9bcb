/**
 * The Gongwen engine: text in, report model and findings out. No editor or LSP imports here.
 */
export * from './model';
export { LineIndex, type Position, type Range } from './line-index';
export { buildReportModel, type BuildOptions } from './build-model';
export { outlineOf, type OutlineSymbol } from './features/outline';
export { foldingRangesOf, type FoldRange } from './features/folding';
export { selectionChainAt, deepestHeadingAt, type OffsetSpan } from './features/selection';
export { RULES, RULE_IDS, runRules, type RatedFinding } from './rules';
export type { Rule, Finding, Fix, TextEdit, LocalizedText, Severity } from './rules/rule';
export { defaultSettings, normalizeSettings, type GongwenSettings } from './settings';
export { analyze, analyzeInSteps, type Analysis } from './analyze';
export { looksLikeReport } from './detect';
