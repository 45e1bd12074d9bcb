/**
 * Gongwen's settings, shared by the editor (`gongwen.*`) and the CLI (`.gongwen.json`).
 * Settings come from untrusted places (a workspace's settings, a file in a repository), so
 * {@link normalizeSettings} accepts any value and reports what it ignored.
 */
import { REPORT_KINDS, type ReportKind } from './model';
import { SEVERITIES, type Severity } from './rules/rule';
import { compileSafePattern } from './safe-pattern';

/**
 * Settings after validation.
 *
 * @example `{ rules: { 'halfwidth-punctuation': 'off' }, kind: 'gov-report', placeholders: { extraPatterns: ['待定'], ignoreWords: ['XX光'] }, autoDetect: true }`
 */
export interface GongwenSettings {
  /** Severity overrides by rule id. */
  rules: Record<string, Severity>;
  /** The report kind, or `auto` to infer it. */
  kind: ReportKind | 'auto';
  placeholders: {
    /** Extra blank patterns (a safe regular-expression subset, see `safe-pattern.ts`). */
    extraPatterns: string[];
    /** Words that are never placeholders (`XX光`). */
    ignoreWords: string[];
  };
  /** Switch report-looking `.txt` files to the `gongwen` language. */
  autoDetect: boolean;
  outline: {
    /**
     * Most entries in the editor's outline: past it the deepest headings are left out, as VS Code
     * limits folding regions (`editor.foldingMaximumRegions`) and JSON outlines (`json.maxItemsComputed`).
     */
    maxItems: number;
  };
}

/**
 * The outline limit when the user has set none. A report has at most a hundred or so headings (the
 * corpus's largest has 102); a 10 MB compilation of 政府工作报告 has some 11,000, whose outline is
 * 2.3 MB of JSON to write and parse on every keystroke, more than the model of the edit costs
 * (`npm run bench:stages`). The same cap as the diagnostics published per document.
 */
export const DEFAULT_OUTLINE_ITEMS = 2000;

/** Settings when the user has set nothing. */
export function defaultSettings(): GongwenSettings {
  return { rules: {}, kind: 'auto', placeholders: { extraPatterns: [], ignoreWords: [] }, autoDetect: true, outline: { maxItems: DEFAULT_OUTLINE_ITEMS } };
}

/**
 * Validates raw settings (from `workspace/configuration` or `.gongwen.json`).
 * Unknown keys and wrong types are dropped, each with a problem message in English and Chinese.
 *
 * @example normalizeSettings({ rules: { placeholder: 'loud' } }).problems
 *   // ['gongwen.rules.placeholder: "loud" is not one of off, hint, info, warning, error（应为 off、hint、info、warning、error 之一）']
 */
export function normalizeSettings(raw: unknown, knownRuleIds?: readonly string[]): { settings: GongwenSettings; problems: string[] } {
  const settings = defaultSettings();
  const problems = new ProblemList();
  const result = () => ({ settings, problems: problems.list() });
  if (raw === undefined || raw === null) return result();
  if (!isObject(raw)) {
    problems.push(`gongwen: settings must be an object, got ${describe(raw)}（设置应为对象）`);
    return result();
  }
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) problems.push(`gongwen.rules: must be an object, got ${describe(raw.rules)}（应为对象）`);
    else {
      for (const [id, value] of Object.entries(raw.rules)) {
        if (knownRuleIds && !knownRuleIds.includes(id)) {
          problems.push(`gongwen.rules.${id}: unknown rule（未知规则）; known: ${knownRuleIds.join(', ')}`);
          continue;
        }
        // `default` (what the editor sends for a rule the user left alone) keeps the rule's own severities.
        if (value === 'default') continue;
        if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) settings.rules[id] = value as Severity;
        else problems.push(`gongwen.rules.${id}: ${describe(value)} is not one of default, ${SEVERITIES.join(', ')}（应为 default、${SEVERITIES.join('、')} 之一）`);
      }
    }
  }
  if (raw.kind !== undefined) {
    if (raw.kind === 'auto' || (REPORT_KINDS as readonly unknown[]).includes(raw.kind)) settings.kind = raw.kind as ReportKind | 'auto';
    else problems.push(`gongwen.kind: ${describe(raw.kind)} is not one of auto, ${REPORT_KINDS.join(', ')}（文种设置无效）`);
  }
  if (raw.placeholders !== undefined) {
    if (!isObject(raw.placeholders)) problems.push(`gongwen.placeholders: must be an object（应为对象）`);
    else {
      // Patterns outside the safe subset are dropped here, so the problem is said once per change of settings.
      settings.placeholders.extraPatterns = stringList(raw.placeholders.extraPatterns, 'gongwen.placeholders.extraPatterns', problems).filter((source, i) => {
        const compiled = compileSafePattern(source);
        if (!compiled.ok) problems.push(`gongwen.placeholders.extraPatterns[${i}] ${JSON.stringify(source)}: ${compiled.error}`);
        return compiled.ok;
      });
      settings.placeholders.ignoreWords = stringList(raw.placeholders.ignoreWords, 'gongwen.placeholders.ignoreWords', problems);
    }
  }
  if (raw.autoDetect !== undefined) {
    if (typeof raw.autoDetect === 'boolean') settings.autoDetect = raw.autoDetect;
    else problems.push(`gongwen.autoDetect: must be true or false（应为 true 或 false）`);
  }
  if (raw.outline !== undefined) {
    const maxItems = isObject(raw.outline) ? raw.outline.maxItems : undefined;
    if (!isObject(raw.outline)) problems.push(`gongwen.outline: must be an object（应为对象）`);
    else if (maxItems === undefined) {
      // Left alone: the default.
    } else if (typeof maxItems === 'number' && Number.isInteger(maxItems) && maxItems >= 1) settings.outline.maxItems = maxItems;
    else problems.push(`gongwen.outline.maxItems: ${describe(maxItems)} is not a whole number of at least 1（应为不小于 1 的整数）`);
  }
  return result();
}

/** Most problems kept from one change of settings; a list of 10,000 bad patterns says the first ones and how many more. */
const MAX_PROBLEMS = 20;

/** Problem messages, capped at {@link MAX_PROBLEMS} plus a count of the rest. */
class ProblemList {
  private readonly kept: string[] = [];
  private more = 0;

  push(problem: string): void {
    if (this.kept.length < MAX_PROBLEMS) this.kept.push(problem);
    else this.more++;
  }

  list(): string[] {
    return this.more ? [...this.kept, `gongwen: ${this.more} more problems not listed（另有 ${this.more} 项问题未列出）`] : this.kept;
  }
}

/** Keeps the strings of a list, reporting the rest; lists are capped to keep checking fast. */
function stringList(value: unknown, key: string, problems: ProblemList): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${key}: must be a list of strings, got ${describe(value)}（应为字符串列表）`);
    return [];
  }
  const kept = new Set<string>();
  let over = 0;
  for (const item of value) {
    if (typeof item !== 'string' || item.length === 0 || item.length > 200) problems.push(`${key}: ignored ${describe(item)}（已忽略：应为 1–200 个字符的字符串）`);
    // Repeated entries are dropped: each would cost the same work again for nothing.
    else if (kept.has(item)) continue;
    else if (kept.size < 100) kept.add(item);
    else over++;
  }
  if (over > 0) problems.push(`${key}: only the first 100 entries are used（仅使用前 100 项）`);
  return [...kept];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A short preview of any value for a problem message. It looks at a few items a few levels deep, so
 * a value nested 100,000 levels (or a list of millions) costs no more than a small one; stringifying
 * it whole overflowed the stack and dropped the whole change of settings.
 */
function describe(value: unknown): string {
  const text = preview(value, 3);
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}

function preview(value: unknown, depth: number): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 60) : value);
  if (typeof value !== 'object' || value === null) return String(value);
  if (depth === 0) return Array.isArray(value) ? '[...]' : '{...}';
  const FEW = 4;
  if (Array.isArray(value)) {
    const items = value.slice(0, FEW).map((v) => preview(v, depth - 1));
    return `[${items.join(',')}${value.length > FEW ? ',...' : ''}]`;
  }
  const entries: string[] = [];
  for (const key in value) {
    if (entries.length === FEW) {
      entries.push('...');
      break;
    }
    entries.push(`${JSON.stringify(key.slice(0, 30))}:${preview((value as Record<string, unknown>)[key], depth - 1)}`);
  }
  return `{${entries.join(',')}}`;
}
