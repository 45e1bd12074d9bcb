/**
 * `.gongwen.json`, the project's config file, read by the CLI and the language server alike:
 * parsing and validation only (no file system here; see `cli/config.ts` and `lsp/config-files.ts`).
 *
 * @example
 * {
 *   "rules": { "halfwidth-punctuation": "off" },
 *   "overrides": [{ "files": ["drafts/**", "*模板*.txt"], "rules": { "section-missing": "off" } }],
 *   "ignore": [{ "file": "reports/2024.txt", "rule": "placeholder", "text": "xx", "context": "实现生产总值xx亿元" }],
 *   "words": ["X建"]
 * }
 */
import { REPORT_KINDS, type ReportKind } from './model';
import type { Severity } from './rules/rule';
import { normalizeSettings, type GongwenSettings } from './settings';
import { compileGlob, type GlobMatcher } from './glob';

/** The config file's name, looked for beside and above the reports. */
export const CONFIG_FILE_NAME = '.gongwen.json';
/** Larger config files are refused unread (a config file is a few KB; this is not one). */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
/** Deeper JSON is refused: no setting nests more than 4 levels. */
export const MAX_CONFIG_DEPTH = 32;
/** Caps that keep checking fast whatever the file holds. */
export const CONFIG_LIMITS = { overrides: 200, filesPerOverride: 50, globLength: 500, ignore: 20000, words: 2000, wordLength: 100, ignoreTextLength: 2000 } as const;

/**
 * Files matched by globs get their own rule severities or report kind.
 *
 * @example { files: ['drafts/**'], rules: { 'section-missing': 'off' } }
 */
export interface ConfigOverride {
  files: string[];
  rules: Record<string, Severity>;
  kind?: ReportKind | 'auto';
  /** The compiled `files`. */
  matches: GlobMatcher;
}

/**
 * One finding the user chose to ignore, matched by its content, not its line: the rule, the
 * finding's text and a little text around it (see `suppressions.ts`).
 *
 * @example { file: 'reports/2024.txt', rule: 'placeholder', text: 'xx', context: '实现生产总值xx亿元' }
 */
export interface IgnoreEntry {
  /** Path relative to the config file's folder, `/`-separated; absent = every file. */
  file?: string;
  rule: string;
  /** The finding's text (for long texts: first 40 characters, `…`, last 40). */
  text: string;
  /** The text with a little of its surroundings; absent = anywhere. */
  context?: string;
  /** For `section-missing`: which section (`problems`). */
  section?: string;
}

/** A parsed, validated `.gongwen.json`. */
export interface GongwenConfig {
  /** The settings the file sets itself (`rules`, `kind`, `placeholders`, `autoDetect`), layered over the editor's. */
  settings: Partial<Omit<GongwenSettings, 'rules'>> & { rules: Record<string, Severity> };
  overrides: ConfigOverride[];
  ignore: IgnoreEntry[];
  /** Words never flagged (`X建`), see `suppressions.ts` for which rules. */
  words: string[];
  /** `export.fonts`: font names by role for `gongwen export` (`{ "body": "仿宋" }`), checked by the exporter. */
  exportFonts: Record<string, string>;
}

/** A config, or why the file cannot be used at all (`reason` in both languages). */
export type ConfigParse = { ok: true; config: GongwenConfig; problems: string[] } | { ok: false; reason: string };

const KNOWN_KEYS = ['$schema', 'rules', 'kind', 'placeholders', 'autoDetect', 'overrides', 'ignore', 'words', 'export'];

/** A config that sets nothing. */
export function emptyConfig(): GongwenConfig {
  return { settings: { rules: {} }, overrides: [], ignore: [], words: [], exportFonts: {} };
}

/**
 * Parses the text of a `.gongwen.json`: a BOM is skipped; invalid JSON, JSON nested deeper than
 * {@link MAX_CONFIG_DEPTH} or a file over {@link MAX_CONFIG_BYTES} is refused; wrong entries are
 * dropped, each with a problem message.
 *
 * @example parseConfig('\uFEFF{"words": ["X建"]}', RULE_IDS) // { ok: true, config: { words: ['X建'], … }, problems: [] }
 * @example parseConfig('{"rules": ', RULE_IDS).ok // false: 'invalid JSON / JSON 格式错误: …'
 */
export function parseConfig(text: string, ruleIds: readonly string[]): ConfigParse {
  if (text.length > MAX_CONFIG_BYTES) return { ok: false, reason: `larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB, not read / 文件过大，未读取` };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (jsonDepth(body) > MAX_CONFIG_DEPTH) return { ok: false, reason: `nested deeper than ${MAX_CONFIG_DEPTH} levels / 嵌套超过 ${MAX_CONFIG_DEPTH} 层` };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    return { ok: false, reason: `invalid JSON / JSON 格式错误: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, ...normalizeConfig(raw, ruleIds) };
}

/**
 * How deeply brackets nest in a JSON text (strings skipped), counted without recursion, so the
 * check itself cannot overflow the stack.
 *
 * @example jsonDepth('{"rules": {"placeholder": "off"}}') // 2
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** Validates a parsed config; see {@link parseConfig}. Values must nest at most {@link MAX_CONFIG_DEPTH} deep. */
export function normalizeConfig(raw: unknown, ruleIds: readonly string[]): { config: GongwenConfig; problems: string[] } {
  const config = emptyConfig();
  const problems: string[] = [];
  if (!isObject(raw)) {
    problems.push(`the file must hold an object, got ${kindOf(raw)}（应为对象）`);
    return { config, problems };
  }
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.includes(key)) problems.push(`${clip(key)}: unknown key, ignored（未知的键，已忽略）`);

  const base = normalizeSettings({ rules: raw.rules, kind: raw.kind, placeholders: raw.placeholders, autoDetect: raw.autoDetect }, ruleIds);
  problems.push(...base.problems.map((p) => p.replace(/^gongwen\./, '')));
  config.settings.rules = base.settings.rules;
  if (raw.kind !== undefined && base.settings.kind !== 'auto') config.settings.kind = base.settings.kind;
  if (raw.kind === 'auto') config.settings.kind = 'auto';
  if (isObject(raw.placeholders)) config.settings.placeholders = base.settings.placeholders;
  if (typeof raw.autoDetect === 'boolean') config.settings.autoDetect = raw.autoDetect;

  if (raw.overrides !== undefined) config.overrides = overridesOf(raw.overrides, ruleIds, problems);
  if (raw.ignore !== undefined) config.ignore = ignoreOf(raw.ignore, ruleIds, problems);
  if (raw.words !== undefined) config.words = wordsOf(raw.words, problems);
  if (raw.export !== undefined) config.exportFonts = exportFontsOf(raw.export, problems);
  return { config, problems };
}

/** `export: { fonts: { body: '仿宋', … } }`: the names as given (the exporter knows the roles). */
function exportFontsOf(raw: unknown, problems: string[]): Record<string, string> {
  const fonts = isObject(raw) ? raw.fonts : undefined;
  if (!isObject(raw) || (raw.fonts !== undefined && !isObject(fonts))) {
    problems.push(`export: must be an object such as {"fonts": {"body": "仿宋"}}（应为对象，如 {"fonts": {"body": "仿宋"}}）`);
    return {};
  }
  const out: Record<string, string> = {};
  for (const [role, name] of Object.entries(fonts ?? {})) {
    if (typeof name === 'string' && name.trim() && name.length <= 100) out[role] = name.trim();
    else problems.push(`export.fonts.${clip(role)}: must be a font name（应为字体名）`);
  }
  return out;
}

function overridesOf(raw: unknown, ruleIds: readonly string[], problems: string[]): ConfigOverride[] {
  if (!Array.isArray(raw)) {
    problems.push(`overrides: must be a list, got ${kindOf(raw)}（应为列表）`);
    return [];
  }
  const out: ConfigOverride[] = [];
  raw.slice(0, CONFIG_LIMITS.overrides).forEach((item, i) => {
    const at = `overrides[${i}]`;
    if (!isObject(item)) return problems.push(`${at}: must be an object, got ${kindOf(item)}（应为对象）`);
    const files = (typeof item.files === 'string' ? [item.files] : Array.isArray(item.files) ? item.files : []).filter(
      (f): f is string => typeof f === 'string' && f.length > 0 && f.length <= CONFIG_LIMITS.globLength,
    );
    if (files.length === 0) return problems.push(`${at}.files: needs one or more globs such as "drafts/**"（应给出文件通配符，如 "drafts/**"）`);
    files.length = Math.min(files.length, CONFIG_LIMITS.filesPerOverride);
    for (const key of Object.keys(item)) if (key !== 'files' && key !== 'rules' && key !== 'kind') problems.push(`${at}.${clip(key)}: unknown key, ignored（未知的键，已忽略）`);
    const settings = normalizeSettings({ rules: item.rules, kind: item.kind }, ruleIds);
    problems.push(...settings.problems.map((p) => p.replace(/^gongwen\./, `${at}.`)));
    const globs = files.map(compileGlob);
    const override: ConfigOverride = { files, rules: settings.settings.rules, matches: (path) => globs.some((g) => g(path)) };
    if (item.kind !== undefined && (item.kind === 'auto' || (REPORT_KINDS as readonly unknown[]).includes(item.kind))) override.kind = item.kind as ReportKind | 'auto';
    out.push(override);
  });
  if (raw.length > CONFIG_LIMITS.overrides) problems.push(`overrides: only the first ${CONFIG_LIMITS.overrides} are used（仅使用前 ${CONFIG_LIMITS.overrides} 项）`);
  return out;
}

function ignoreOf(raw: unknown, ruleIds: readonly string[], problems: string[]): IgnoreEntry[] {
  if (!Array.isArray(raw)) {
    problems.push(`ignore: must be a list, got ${kindOf(raw)}（应为列表）`);
    return [];
  }
  const out: IgnoreEntry[] = [];
  const limit = CONFIG_LIMITS.ignoreTextLength;
  raw.slice(0, CONFIG_LIMITS.ignore).forEach((item, i) => {
    const at = `ignore[${i}]`;
    if (!isObject(item)) return problems.push(`${at}: must be an object, got ${kindOf(item)}（应为对象）`);
    if (typeof item.rule !== 'string' || !ruleIds.includes(item.rule)) return problems.push(`${at}.rule: ${clip(String(item.rule))} is not a rule id（不是规则 id）`);
    if (typeof item.text !== 'string' || item.text.length > limit) return problems.push(`${at}.text: must be the finding's text, at most ${limit} characters（应为问题所在的文字）`);
    const entry: IgnoreEntry = { rule: item.rule, text: item.text };
    for (const key of ['file', 'context', 'section'] as const) {
      const value = item[key];
      if (value === undefined) continue;
      if (typeof value === 'string' && value.length <= limit) entry[key] = key === 'file' ? normalizeRelativePath(value) : value;
      else problems.push(`${at}.${key}: must be a string of at most ${limit} characters（应为字符串）`);
    }
    out.push(entry);
  });
  if (raw.length > CONFIG_LIMITS.ignore) problems.push(`ignore: only the first ${CONFIG_LIMITS.ignore} are used（仅使用前 ${CONFIG_LIMITS.ignore} 项）`);
  return out;
}

function wordsOf(raw: unknown, problems: string[]): string[] {
  if (!Array.isArray(raw)) {
    problems.push(`words: must be a list of strings, got ${kindOf(raw)}（应为字符串列表）`);
    return [];
  }
  const out = new Set<string>();
  for (const item of raw) {
    if (typeof item === 'string' && item.trim().length > 0 && item.length <= CONFIG_LIMITS.wordLength) out.add(item);
    else problems.push(`words: ignored ${kindOf(item)}（已忽略：应为 1–${CONFIG_LIMITS.wordLength} 个字符的字符串）`);
    if (out.size >= CONFIG_LIMITS.words) {
      problems.push(`words: only the first ${CONFIG_LIMITS.words} are used（仅使用前 ${CONFIG_LIMITS.words} 项）`);
      break;
    }
  }
  return [...out];
}

/**
 * The settings for one file: the editor's (or defaults), then the config file's, then each
 * override whose `files` match `relativePath`, in order (later ones win).
 *
 * @example settingsForFile(defaultSettings(), config, 'drafts/初稿.txt').rules['section-missing'] // 'off'
 */
export function settingsForFile(base: GongwenSettings, config: GongwenConfig | undefined, relativePath: string | undefined): GongwenSettings {
  if (!config) return base;
  const { rules, ...rest } = config.settings;
  const settings: GongwenSettings = { ...base, ...rest, rules: { ...base.rules, ...rules } };
  if (relativePath !== undefined) {
    for (const o of config.overrides) {
      if (!o.matches(relativePath)) continue;
      Object.assign(settings.rules, o.rules);
      if (o.kind) settings.kind = o.kind;
    }
  }
  return settings;
}

/**
 * A path as config files write it: relative, `/`-separated, without `./`.
 *
 * @example normalizeRelativePath('.\\reports\\2024.txt') // 'reports/2024.txt'
 */
export function normalizeRelativePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a value for messages: never serializes it whole. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(clip(value));
  return String(value);
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}
