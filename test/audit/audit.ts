/**
 * The findings audit: every finding the engine makes on `../shared/corpus`, matched against a label
 * a person set by reading the text (right / wrong / debatable, with a one-line reason), and the
 * per-rule precision that follows. `npm run audit` prints it; `audit.corpus.test.ts` holds the
 * engine to its targets.
 *
 * A label's key names the finding by what a reader sees, not by offsets a rule may move:
 * `file:line:quote#n` — the corpus file, the 1-based line of the finding's start, the text it
 * covers (whitespace folded, at most 24 characters) and its rank among the rule's findings with the
 * same line and quote.
 *
 * @example 'excerpts/T01_XXtown_gwr_2023_template_XdotX.txt:3:xx#1' → { label: 'right', why: '“xx个”: a blank for a count' }
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, defaultSettings, RULES } from '../../server/src/engine';
import { corpusFiles, corpusText } from '../helpers/corpus';

/** A reader's verdict on one finding. */
export interface Label {
  label: 'right' | 'wrong' | 'debatable';
  /** One line: why, as a careful editor would say it. */
  why: string;
}

/** Labels of one rule, by key. */
export type RuleLabels = Record<string, Label>;

/** One finding as the audit sees it. */
export interface AuditedFinding {
  rule: string;
  key: string;
  file: string;
  line: number;
  severity: string;
  message: string;
  /** The finding's line, for a person who labels it. */
  context: string;
  label?: Label;
}

/** Per-rule figures. */
export interface RuleAudit {
  rule: string;
  findings: number;
  labelled: number;
  right: number;
  wrong: number;
  debatable: number;
  /** right / labelled: a debatable finding is not counted as right. */
  precision: number;
  unlabelled: AuditedFinding[];
  /** Labels whose finding the engine no longer makes. */
  stale: string[];
}

/** What a user sees per document, by severity. */
export interface DocumentCounts {
  file: string;
  chars: number;
  finished: boolean;
  bySeverity: Record<string, number>;
  byRule: Record<string, number>;
}

/** The audit's whole result. */
export interface AuditResult {
  rules: RuleAudit[];
  documents: DocumentCounts[];
  findings: AuditedFinding[];
  /** Targets not met, each a sentence; empty when the audit passes. */
  failures: string[];
}

/** Least precision per rule (issue 8). */
export const MIN_PRECISION = 0.95;
/** At most one finding per this many characters, per rule, on a finished report. */
export const CHARS_PER_FINDING = 200;

export const LABELS_DIR = join(__dirname, 'labels');

/**
 * Whether a corpus document is a finished report (not a template full of blanks): the national
 * reports, the local reports but the template, and the `E*` openings of real reports.
 */
export function isFinished(file: string): boolean {
  if (file.startsWith('national/')) return true;
  if (file.startsWith('local/')) return !file.includes('template');
  return /^excerpts\/E/.test(file);
}

/** Every corpus document, in folder and name order. */
export function auditedFiles(): string[] {
  return ['national', 'local', 'excerpts'].flatMap((dir) => corpusFiles(dir));
}

/** Loads `labels/<rule>.json` for every rule that has one. */
export function loadLabels(dir = LABELS_DIR): Record<string, RuleLabels> {
  const out: Record<string, RuleLabels> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    out[name.slice(0, -5)] = JSON.parse(readFileSync(join(dir, name), 'utf8')) as RuleLabels;
  }
  return out;
}

function quoteOf(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > 24 ? folded.slice(0, 24) : folded;
}

/** The findings of one document with their keys, in the order the engine gives them. */
export function auditDocument(file: string, text: string): AuditedFinding[] {
  const { findings, model } = analyze(text, defaultSettings());
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const line = model.lines.positionAt(f.start).line + 1;
    const base = `${file}:${line}:${quoteOf(text.slice(f.start, f.end))}`;
    const n = (seen.get(f.ruleId + '\u0000' + base) ?? 0) + 1;
    seen.set(f.ruleId + '\u0000' + base, n);
    const lineStart = model.lines.offsetAt({ line: line - 1, character: 0 });
    const lineEnd = text.indexOf('\n', lineStart);
    const whole = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const at = f.start - lineStart;
    const context = whole.length <= 160 ? whole : whole.slice(Math.max(0, at - 60), at + 100);
    return { rule: f.ruleId, key: `${base}#${n}`, file, line, severity: f.severity, message: f.message.en, context: context.replace(/\s+$/, '') };
  });
}

/** Runs the audit over the whole corpus. */
export function runAudit(labels = loadLabels()): AuditResult {
  const findings: AuditedFinding[] = [];
  const documents: DocumentCounts[] = [];
  for (const file of auditedFiles()) {
    const text = corpusText(file);
    const own = auditDocument(file, text);
    const bySeverity: Record<string, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    const byRule: Record<string, number> = {};
    for (const f of own) {
      f.label = labels[f.rule]?.[f.key];
      bySeverity[f.severity]++;
      byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    }
    findings.push(...own);
    documents.push({ file, chars: text.length, finished: isFinished(file), bySeverity, byRule });
  }
  const failures: string[] = [];
  const rules = RULES.map((rule): RuleAudit => {
    const mine = findings.filter((f) => f.rule === rule.id);
    const count = (l: Label['label']) => mine.filter((f) => f.label?.label === l).length;
    const labelled = mine.filter((f) => f.label).length;
    const right = count('right');
    const keys = new Set(mine.map((f) => f.key));
    const audit: RuleAudit = {
      rule: rule.id,
      findings: mine.length,
      labelled,
      right,
      wrong: count('wrong'),
      debatable: count('debatable'),
      precision: labelled ? right / labelled : 1,
      unlabelled: mine.filter((f) => !f.label),
      stale: Object.keys(labels[rule.id] ?? {}).filter((k) => !keys.has(k)),
    };
    if (audit.unlabelled.length) failures.push(`${rule.id}: ${audit.unlabelled.length} findings without a label`);
    if (audit.precision < MIN_PRECISION) failures.push(`${rule.id}: precision ${(audit.precision * 100).toFixed(1)}% is below ${MIN_PRECISION * 100}%`);
    return audit;
  });
  for (const doc of documents) {
    if (doc.file.startsWith('national/')) {
      const loud = doc.bySeverity.error + doc.bySeverity.warning + doc.bySeverity.info;
      if (loud) failures.push(`${doc.file}: ${loud} findings at info or above (a national report should have none)`);
    }
    if (!doc.finished) continue;
    const allowed = doc.chars / CHARS_PER_FINDING;
    for (const [rule, n] of Object.entries(doc.byRule)) {
      if (n > allowed) failures.push(`${doc.file}: ${rule} makes ${n} findings in ${doc.chars} characters (more than one per ${CHARS_PER_FINDING})`);
    }
  }
  return { rules, documents, findings, failures };
}
