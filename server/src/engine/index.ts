/**
 * The Gongwen engine: text in, report model and findings out. No editor or LSP imports here.
 */
export * from './model';
export { LineIndex, type Position, type Range } from './pipeline/01-lines';
export { buildReportModel, memoOf, type BuildOptions } from './pipeline';
export { changedRange, Memo, type ChangedRange } from './incremental';
export { outlineOf, outlineOmitted, type OutlineSymbol } from './features/outline';
export { foldingRangesOf, type FoldRange } from './features/folding';
export { selectionChainAt, deepestHeadingAt, type OffsetSpan } from './features/selection';
export { RULES, RULE_IDS, runRules, type RatedFinding } from './rules';
export type { Rule, Finding, Fix, TextEdit, LocalizedText, Severity } from './rules/rule';
export { defaultSettings, normalizeSettings, type GongwenSettings } from './settings';
export { analyze, analyzeInSteps, type Analysis } from './analyze';
export { looksLikeReport } from './detect';
export { compileGlob, matchesAnyGlob } from './glob';
export {
  CONFIG_FILE_NAME, MAX_CONFIG_BYTES, emptyConfig, parseConfig, normalizeConfig, settingsForFile, normalizeRelativePath,
  type GongwenConfig, type ConfigOverride, type IgnoreEntry, type ConfigParse,
} from './config-file';
export { WORD_RULES, NO_SUPPRESSIONS, suppressionsFor, ignoreEntryFor, ignoreMatches, visibleFindings, withSuppressions, neverFlagWordOf, quotedText, type Suppressions } from './suppressions';
