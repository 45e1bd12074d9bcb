/**
 * What `gongwen check` prints: findings filtered by `--severity` and `--rule`, as text in the
 * user's language or as JSON written finding by finding (a 50 MB report's findings never become
 * one string).
 */
import type { RatedFinding, ReportModel } from '../engine';

/** Severities a finding can have, quietest first. */
export const LEVELS = ['hint', 'info', 'warning', 'error'] as const;
/** A finding's severity. */
export type Level = (typeof LEVELS)[number];

const WORDS: Record<Level, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '信息', en: 'info' },
  hint: { zh: '提示', en: 'hint' },
};

/**
 * The word for a severity in the user's language.
 *
 * @example severityWord('warning', 'zh') // '警告'
 */
export function severityWord(level: Level, language: 'zh' | 'en'): string {
  return WORDS[level][language];
}

/** Counts by severity. */
export type LevelCounts = Record<Level, number>;

/** Zero of each severity. */
export function noCounts(): LevelCounts {
  return { error: 0, warning: 0, info: 0, hint: 0 };
}

/**
 * The findings at `min` or louder, and how many quieter ones were left out, by severity.
 *
 * @example selectBySeverity(findings, 'warning') // { shown: [warnings and errors], hidden: { info: 3, hint: 9, … } }
 */
export function selectBySeverity(findings: readonly RatedFinding[], min: Level): { shown: RatedFinding[]; hidden: LevelCounts } {
  const floor = LEVELS.indexOf(min);
  const hidden = noCounts();
  const shown: RatedFinding[] = [];
  for (const f of findings) {
    if (LEVELS.indexOf(f.severity) >= floor) shown.push(f);
    else hidden[f.severity]++;
  }
  return { shown, hidden };
}

/**
 * Where a finding is when line numbers mean nothing to the user (a Word document:
 * `第 3 段 “…生产总值xx亿元…”`): the text shown instead of `line:column`, and fields added to its
 * JSON; `undefined` keeps line and column.
 */
export type FindingPlace = (f: RatedFinding) => { where: string; json: Record<string, unknown> } | undefined;

/** A painter of ANSI colours, or of nothing. */
export interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
}

/** ANSI colours, only when writing to a terminal. */
export function painter(color: boolean): Paint {
  const wrap = (code: string) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { bold: wrap('1'), dim: wrap('2'), red: wrap('31'), yellow: wrap('33') };
}

/**
 * One file's findings as text lines and a summary line, in the user's language.
 *
 * @example `r.txt:9:70: 警告 未填写的占位符“xx” [placeholder]` … `r.txt: 2 个问题（错误 0，警告 2）`
 */
export function checkText(file: string, model: ReportModel, shown: readonly RatedFinding[], min: Level, language: 'zh' | 'en', paint: Paint, place?: FindingPlace): string {
  const lines: string[] = [];
  for (const f of shown) {
    const word = severityWord(f.severity, language);
    const sev = f.severity === 'error' ? paint.red(word) : f.severity === 'warning' ? paint.yellow(word) : paint.dim(word);
    const placed = place?.(f);
    const pos = model.lines.positionAt(f.start);
    const where = placed ? `${file}: ${placed.where}` : `${file}:${pos.line + 1}:${pos.character + 1}`;
    lines.push(`${where}: ${sev} ${f.message[language]} ${paint.dim(`[${f.ruleId}]`)}`);
  }
  const counts = noCounts();
  for (const f of shown) counts[f.severity]++;
  const levels = [...LEVELS].reverse().filter((l) => LEVELS.indexOf(l) >= LEVELS.indexOf(min));
  const zh = language === 'zh';
  if (shown.length === 0) lines.push(`${file}: ${zh ? '未发现问题' : 'no problems'}`);
  else if (zh) lines.push(`${file}: ${shown.length} 个问题（${levels.map((l) => `${WORDS[l].zh} ${counts[l]}`).join('，')}）`);
  else lines.push(`${file}: ${shown.length} problem${shown.length === 1 ? '' : 's'} (${levels.map((l) => `${counts[l]} ${plural(l, counts[l])}`).join(', ')})`);
  return lines.join('\n') + '\n';
}

function plural(level: Level, n: number): string {
  return level === 'info' || n === 1 ? level : `${level}s`;
}

/**
 * The closing note on findings left out by `--severity`, or `''` when none were.
 *
 * @example hiddenNote({ error: 0, warning: 0, info: 2, hint: 10 }, 'zh') // '另有 12 条信息/提示未显示（--severity hint 可显示）\n'
 */
export function hiddenNote(hidden: LevelCounts, language: 'zh' | 'en'): string {
  const levels = LEVELS.filter((l) => hidden[l] > 0).reverse();
  const total = levels.reduce((n, l) => n + hidden[l], 0);
  if (total === 0) return '';
  const names = levels.map((l) => WORDS[l][language]).join('/');
  return language === 'zh' ? `另有 ${total} 条${names}未显示（--severity hint 可显示）\n` : `${total} more at ${names} not shown (use --severity hint)\n`;
}

/** One finding in `check --json`. */
export function findingJson(model: ReportModel, f: RatedFinding, place?: FindingPlace): object {
  return {
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: model.lines.rangeOf(f.start, f.end),
    text: model.text.slice(f.start, f.end),
    ...place?.(f)?.json,
  };
}

/**
 * Writes one file's `check --json` object piece by piece: the head, then one finding per line.
 *
 * @example {"file": "r.txt", "kind": "summary", "hidden": 3, "problems": [\n{"rule": "placeholder", …}\n]}
 */
export function writeCheckJson(write: (s: string) => void, file: string, model: ReportModel, shown: readonly RatedFinding[], hidden: LevelCounts, place?: FindingPlace): void {
  const hiddenTotal = hidden.error + hidden.warning + hidden.info + hidden.hint;
  write(`{"file": ${JSON.stringify(file)}, "kind": ${JSON.stringify(model.kind)}, "hidden": ${hiddenTotal}, "problems": [`);
  shown.forEach((f, i) => write(`${i === 0 ? '\n' : ',\n'}  ${JSON.stringify(findingJson(model, f, place))}`));
  write(shown.length ? '\n]}' : ']}');
}
