/**
 * Silencing findings the author disagrees with, as `.gongwen.json` says (see `config-file.ts`):
 *
 * - `ignore` entries match a finding by its content: the rule, the finding's text and the text
 *   around it (`context`), never by line or offset, so an edit elsewhere in the document keeps the
 *   finding ignored, and an edit of the finding's own text (or right beside it) brings it back;
 * - `words` are never flagged by the rules that quote a piece of the text ({@link WORD_RULES}): a
 *   finding is silenced when its text lies inside an occurrence of such a word: `X建` silences a
 *   placeholder `X` wherever the text reads `X建`, and a finding quoting `X建` itself.
 */
import type { Analysis } from './analyze';
import type { GongwenConfig, IgnoreEntry } from './config-file';
import type { RatedFinding } from './rules';

/**
 * Rules whose findings quote a piece of the text a word can name: an unfilled blank, a piece of
 * web page, a half-width mark. The numbering, heading, section and year rules judge structure, so
 * a word list does not apply to them.
 */
export const WORD_RULES: readonly string[] = ['placeholder', 'web-residue', 'halfwidth-punctuation'];

/** Characters of context taken on each side of a finding for a new ignore entry (never across a line break). */
export const CONTEXT_CHARS = 10;
/** Texts longer than this are written as their first and last {@link ABBREVIATED_SIDE} characters. */
const LONG_TEXT = 100;
const ABBREVIATED_SIDE = 40;

/** What silences findings in one file: its ignore entries and the word list. */
export interface Suppressions {
  ignore: readonly IgnoreEntry[];
  words: readonly string[];
}

/** Nothing silenced. */
export const NO_SUPPRESSIONS: Suppressions = { ignore: [], words: [] };

/**
 * The suppressions of `config` that apply to the file at `relativePath` (relative to the config
 * file's folder, `/`-separated): entries for that file or for every file, and all words.
 *
 * @example suppressionsFor(config, 'reports/2024.txt').ignore // the entries with file 'reports/2024.txt' or no file
 */
export function suppressionsFor(config: GongwenConfig | undefined, relativePath: string | undefined): Suppressions {
  if (!config) return NO_SUPPRESSIONS;
  return { ignore: config.ignore.filter((e) => e.file === undefined || e.file === relativePath), words: config.words };
}

/**
 * The text an ignore entry stores for a finding: the text itself, or for a long one its first and
 * last 40 characters joined by `…`.
 *
 * @example quotedText('…实现生产总值xx亿元…', finding of 'xx') // 'xx'
 */
export function quotedText(text: string, f: { start: number; end: number }): string {
  const quoted = text.slice(f.start, f.end);
  return quoted.length > LONG_TEXT ? quoted.slice(0, ABBREVIATED_SIDE) + '…' + quoted.slice(-ABBREVIATED_SIDE) : quoted;
}

/**
 * A new ignore entry for a finding (without `file`): the rule, the text, and up to
 * {@link CONTEXT_CHARS} characters on each side on the same line.
 *
 * @example ignoreEntryFor('今年实现生产总值xx亿元，增长5%', placeholderFinding)
 *   // { rule: 'placeholder', text: 'xx', context: '今年实现生产总值xx亿元，增长5%' }
 */
export function ignoreEntryFor(text: string, f: RatedFinding): IgnoreEntry {
  const quoted = quotedText(text, f);
  let from = f.start;
  while (from > 0 && f.start - from < CONTEXT_CHARS && !isLineBreak(text.charCodeAt(from - 1))) from--;
  // Keep surrogate pairs whole.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  let to = f.end;
  while (to < text.length && to - f.end < CONTEXT_CHARS && !isLineBreak(text.charCodeAt(to))) to++;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  const context = text.slice(from, f.start) + quoted + text.slice(f.end, to);
  const entry: IgnoreEntry = { rule: f.ruleId, text: quoted };
  if (context !== quoted) entry.context = context;
  const section = sectionOf(f);
  if (section) entry.section = section;
  return entry;
}

/**
 * Whether an ignore entry names this finding: same rule, same text, and (when the entry has a
 * context) the document reads `context` around the finding, aligned on the text.
 *
 * @example ignoreMatches(doc, finding, { rule: 'placeholder', text: 'xx', context: '生产总值xx亿元' }) // true where the doc reads 生产总值xx亿元
 */
export function ignoreMatches(text: string, f: RatedFinding, entry: IgnoreEntry): boolean {
  if (entry.rule !== f.ruleId || entry.text !== quotedText(text, f)) return false;
  if (entry.section !== undefined && entry.section !== sectionOf(f)) return false;
  const context = entry.context;
  if (context === undefined) return true;
  const quoted = entry.text;
  // Compare `context` with the document around the finding, the finding's text standing as quoted.
  const before = text.slice(Math.max(0, f.start - context.length), f.start);
  const after = text.slice(f.end, f.end + context.length);
  const around = before + quoted + after;
  for (let i = context.indexOf(quoted); i >= 0; i = context.indexOf(quoted, i + 1)) {
    const at = before.length - i;
    if (at >= 0 && around.startsWith(context, at)) return true;
    if (quoted.length === 0 && i >= context.length) break;
  }
  return false;
}

/**
 * The findings left once `suppressions` are applied. Linear in findings: entries are looked up by
 * rule and text, words by the finding's first character.
 *
 * @example visibleFindings(text, analysis.findings, { ignore: [], words: ['X建'] }) // without the placeholder on `X建`
 */
export function visibleFindings(text: string, findings: readonly RatedFinding[], suppressions: Suppressions): RatedFinding[] {
  if (suppressions.ignore.length === 0 && suppressions.words.length === 0) return findings.slice();
  const entries = new Map<string, IgnoreEntry[]>();
  for (const e of suppressions.ignore) {
    const key = e.rule + '\u0000' + e.text;
    const list = entries.get(key);
    if (list) list.push(e);
    else entries.set(key, [e]);
  }
  const words = wordIndex(suppressions.words);
  return findings.filter((f) => {
    const candidates = entries.get(f.ruleId + '\u0000' + quotedText(text, f));
    if (candidates?.some((e) => ignoreMatches(text, f, e))) return false;
    return !(words.size > 0 && WORD_RULES.includes(f.ruleId) && coveredByWord(text, f, words));
  });
}

/**
 * An analysis whose findings leave out the suppressed ones (worked out once, when first read).
 *
 * @example withSuppressions(analyze(text, settings), suppressionsFor(config, 'reports/2024.txt')).findings
 */
export function withSuppressions<A extends Analysis>(analysis: A, suppressions: Suppressions): A {
  if (suppressions.ignore.length === 0 && suppressions.words.length === 0) return analysis;
  let visible: RatedFinding[] | undefined;
  // Everything but `findings` is the analysis's own, reached through the prototype (getters stay
  // lazy, and members added to Analysis later come along).
  const filtered = Object.create(analysis) as A;
  Object.defineProperty(filtered, 'findings', {
    get: () => (visible ??= visibleFindings(analysis.model.text, analysis.findings, suppressions)),
    enumerable: true,
  });
  return filtered;
}

/**
 * The word a "Never flag" quick fix offers for a finding of a {@link WORD_RULES} rule, or
 * `undefined`: the finding's text when it holds a letter or digit (`xx`, `某某`, `点击查看原文`);
 * for a bare mark, the mark with the letters, digits and marks touching it on its line
 * (`乡(xiāng)` → `(xiāng)`); nothing when that is still only punctuation.
 *
 * @example neverFlagWordOf('新冠(COVID-19)疫情', halfwidthFindingOn('(')) // '(COVID-19)'
 */
export function neverFlagWordOf(text: string, f: RatedFinding): string | undefined {
  if (!WORD_RULES.includes(f.ruleId) || f.end <= f.start) return undefined;
  let word = text.slice(f.start, f.end);
  if (!/[\p{L}\p{N}]/u.test(word)) {
    let from = f.start;
    let to = f.end;
    while (from > 0 && f.start - from < 30 && isTokenChar(text[from - 1])) from--;
    while (to < text.length && to - f.end < 30 && isTokenChar(text[to])) to++;
    word = text.slice(from, to);
  }
  // A word, not a sentence: a paragraph-long finding is ignored "here", not listed as a word.
  if (!/[\p{L}\p{N}]/u.test(word) || word.length > MAX_OFFERED_WORD || /[\r\n。；！？]/.test(word)) return undefined;
  return word;
}

/** Longest word a "Never flag" quick fix offers. */
const MAX_OFFERED_WORD = 30;

/** Latin letters, digits and ASCII marks: what sits in a gloss or code beside a half-width mark. */
function isTokenChar(c: string): boolean {
  return /[\x21-\x7e\u00c0-\u024f\u0300-\u036f]/.test(c);
}

function wordIndex(words: readonly string[]): Map<string, Array<{ word: string; at: number }>> {
  const index = new Map<string, Array<{ word: string; at: number }>>();
  for (const word of words) {
    for (let at = 0; at < word.length; at++) {
      const list = index.get(word[at]);
      if (list) list.push({ word, at });
      else index.set(word[at], [{ word, at }]);
    }
  }
  return index;
}

/** Whether an occurrence of a word in the text covers the finding's whole span. */
function coveredByWord(text: string, f: RatedFinding, index: Map<string, Array<{ word: string; at: number }>>): boolean {
  if (f.end <= f.start) return false;
  for (const { word, at } of index.get(text[f.start]) ?? []) {
    const start = f.start - at;
    if (start >= 0 && start + word.length >= f.end && text.startsWith(word, start)) return true;
  }
  return false;
}

function sectionOf(f: RatedFinding): string | undefined {
  const id = f.data?.sectionId;
  return typeof id === 'string' ? id : undefined;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
