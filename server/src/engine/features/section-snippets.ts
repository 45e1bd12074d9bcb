/**
 * The section snippets of `snippets/gongwen.code-snippets`, read by the engine so that completion
 * and the insert-section fix insert the same bodies the editor's snippets do (one source of truth),
 * adapted to the document: its report year, its heading numbers and their written style.
 *
 * Snippet syntax is VS Code's (a superset of LSP's): `$1` `${1}` `${1:default}` `${1|a,b|}` `$0`,
 * `$NAME` `${NAME:default}`, with `\` escaping `$`, `}` and `\`.
 */
import rawSnippets from '../../../../snippets/gongwen.code-snippets';
import type { HeadingFamily } from '../model';
import { formatMarker, type MarkerStyle } from '../numbering-style';
import { parseChineseNumeral, toChineseNumeral } from '../numerals';

/** One snippet of the snippets file. */
export interface SectionSnippet {
  /** The snippet's name in the file (`存在问题（带标题）`). */
  name: string;
  /** The prefixes the editor's snippet list shows, in Chinese (`工作回顾`, `回顾`). */
  prefixes: string[];
  /**
   * Pinyin initials (`gzhg`, `huigu`): not shown as labels (a report author does not recognise
   * them), only matched, as the filter text of the server's proposals.
   */
  pinyin: string[];
  description: string;
  /** The body as one string, lines joined with `\n`. */
  body: string;
}

/** Every snippet of the snippets file, in file order. */
export const SNIPPETS: readonly SectionSnippet[] = Object.entries(rawSnippets).map(([name, s]) => ({
  name,
  prefixes: Array.isArray(s.prefix) ? s.prefix : [s.prefix],
  pinyin: (s as { pinyin?: string[] }).pinyin ?? [],
  description: s.description ?? '',
  body: Array.isArray(s.body) ? s.body.join('\n') : s.body,
}));

/** The snippet called `name`, or `undefined`. */
export function snippetNamed(name: string): SectionSnippet | undefined {
  return SNIPPETS.find((s) => s.name === name);
}

// ————————————————————————— snippet syntax —————————————————————————

/** A parsed snippet. */
export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

/** How to parse snippet syntax. */
export interface SnippetParsing {
  /**
   * Throw on malformed `${…}` (unterminated, a transform, an unknown form) instead of keeping it
   * as text: a snippets file is checked with this (`${1:示例镇` never ends).
   */
  strict?: boolean;
}

/**
 * Parses snippet syntax. Malformed `$` sequences are kept as text (or throw, with `strict`).
 *
 * @example parseSnippet('${1:一}、存在问题$0') // [tabstop 1 (一), text '、存在问题', tabstop 0]
 * @example parseSnippet('${1:示例镇', { strict: true }) // throws: the placeholder never closes
 */
export function parseSnippet(src: string, how: SnippetParsing = {}): SnippetNode[] {
  let i = 0;
  const parseUntilClose = (inside: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1])) {
        text += src[i + 1];
        i += 2;
      } else if (inside && c === '}') {
        flush();
        return nodes;
      } else if (c === '$') {
        const node = parseDollar();
        if (node.kind === 'text') text += node.value;
        else {
          flush();
          nodes.push(node);
        }
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return nodes;
  };
  const parseDollar = (): SnippetNode => {
    const start = i;
    i++;
    const rest = src.slice(i);
    let m = /^\d+/.exec(rest);
    if (m) {
      i += m[0].length;
      return { kind: 'tabstop', index: Number(m[0]) };
    }
    m = /^[A-Za-z_][A-Za-z_0-9]*/.exec(rest);
    if (m) {
      i += m[0].length;
      return { kind: 'variable', name: m[0] };
    }
    m = /^\{(?:(\d+)|([A-Za-z_][A-Za-z_0-9]*))/.exec(rest);
    if (!m) return rest.startsWith('{') ? backtrack(start) : { kind: 'text', value: '$' };
    i += m[0].length;
    const index = m[1] !== undefined ? Number(m[1]) : undefined;
    const next = src[i];
    if (next === '}') {
      i++;
      return index !== undefined ? { kind: 'tabstop', index } : { kind: 'variable', name: m[2] };
    }
    if (next === ':') {
      i++;
      const children = parseUntilClose(true);
      if (src[i] !== '}') return backtrack(start);
      i++;
      return index !== undefined ? { kind: 'tabstop', index, children } : { kind: 'variable', name: m[2], children };
    }
    if (next === '|' && index !== undefined) {
      i++;
      const choices: string[] = [];
      let cur = '';
      while (i < src.length && !(src[i] === '|' && src[i + 1] === '}')) {
        if (src[i] === '\\' && i + 1 < src.length && ',|\\'.includes(src[i + 1])) {
          cur += src[i + 1];
          i += 2;
        } else if (src[i] === ',') {
          choices.push(cur);
          cur = '';
          i++;
        } else cur += src[i++];
      }
      if (i >= src.length) return backtrack(start);
      choices.push(cur);
      i += 2;
      return { kind: 'tabstop', index, choices };
    }
    return backtrack(start);
  };
  const backtrack = (start: number): SnippetNode => {
    if (how.strict) throw new Error(`malformed snippet syntax at ${start}: ${src.slice(start, start + 20)}`);
    i = start + 1;
    return { kind: 'text', value: '$' };
  };
  return parseUntilClose(false);
}

/** Writes nodes back in snippet syntax (LSP's grammar: no variables beyond the standard ones). */
export function printSnippet(nodes: readonly SnippetNode[]): string {
  return nodes
    .map((n) => {
      if (n.kind === 'text') return n.value.replace(/[\\$}]/g, (c) => '\\' + c);
      const head = n.kind === 'tabstop' ? String(n.index) : n.name;
      if (n.kind === 'tabstop' && n.choices) return `\${${head}|${n.choices.map((c) => c.replace(/[\\,|]/g, (x) => '\\' + x)).join(',')}|}`;
      if (n.children && n.children.length) return `\${${head}:${printSnippet(n.children)}}`;
      return n.kind === 'tabstop' ? `$${head}` : `\${${head}}`;
    })
    .join('');
}

/** How to expand a snippet. */
export interface SnippetExpansion {
  /**
   * The text of tab stop `index` (not `$0`), given what VS Code would show there (`fallback`) and
   * whether that is a choice's first option; tests fill tab stops with blanks to see that a checker
   * finds each one.
   */
  fill?: (index: number, fallback: string, isChoice: boolean) => string;
  /** Values of variables (`CURRENT_YEAR` → `2024`); a variable without one, or with an empty one, shows its default. */
  variables?: Readonly<Record<string, string>>;
  /**
   * Throw on a variable not in `variables` and on a placeholder nested in itself
   * (`${1:示例镇$1}`) instead of expanding it to its default or cutting it off.
   */
  strict?: boolean;
}

/**
 * The text VS Code shows right after inserting the snippet: each placeholder its default, a
 * choice its first option, a bare `$n` the default of placeholder `n` elsewhere (empty for `$0`),
 * variables their value (`how.variables`) or else their default (or nothing). `how.fill` may put
 * other text in a tab stop.
 *
 * @example expandSnippet(parseSnippet('${1:示例镇}人民政府，${1}党委')) // '示例镇人民政府，示例镇党委'
 * @example expandSnippet(parseSnippet('${CURRENT_YEAR}年工作总结'), { variables: { CURRENT_YEAR: '2024' } }) // '2024年工作总结'
 */
export function expandSnippet(nodes: readonly SnippetNode[], how: SnippetExpansion = {}): string {
  const { fill, variables, strict } = how;
  const defaults = new Map<number, SnippetNode[] | string>();
  const collect = (ns: readonly SnippetNode[]) => {
    for (const n of ns) {
      if (n.kind === 'text') continue;
      if (n.kind === 'tabstop' && !defaults.has(n.index)) {
        if (n.choices) defaults.set(n.index, n.choices[0]);
        else if (n.children && n.children.length) defaults.set(n.index, n.children);
      }
      if (n.children) collect(n.children);
    }
  };
  collect(nodes);
  const render = (ns: readonly SnippetNode[], depth: number): string =>
    ns
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (depth > 20) {
          if (strict) throw new Error('snippet placeholder nested in itself');
          return '';
        }
        if (n.kind === 'variable') {
          const known = variables !== undefined && Object.hasOwn(variables, n.name);
          if (strict && !known) throw new Error(`unknown snippet variable $${n.name}`);
          return (known && variables[n.name]) || (n.children ? render(n.children, depth + 1) : '');
        }
        const d = n.choices ? n.choices[0] : n.children && n.children.length ? n.children : defaults.get(n.index);
        const value = d === undefined ? '' : typeof d === 'string' ? d : render(d, depth + 1);
        return fill && n.index !== 0 ? fill(n.index, value, typeof d === 'string') : value;
      })
      .join('');
  return render(nodes, 0);
}

// ————————————————————————— adapting a snippet to a document —————————————————————————

/**
 * The report year the snippets' example years assume: their reviews are of 2023 (`${2:2023}年工作回顾`),
 * their plans for 2024.
 */
export const SNIPPET_REVIEW_YEAR = 2023;

/** A heading number as written, with where its numeral sits (`（三）` → numeral at 1–2). */
export interface WrittenMarker {
  text: string;
  numeralStart: number;
  numeralEnd: number;
}

/** How to fit a section snippet into one document. */
export interface SnippetAdaptation {
  /**
   * The heading number of the section, or `null` to drop the number (the section's siblings are
   * unnumbered titles). `undefined` keeps the snippet's own.
   */
  marker?: WrittenMarker | null;
  /** The year the document reviews; example years shift by `reviewYear - 2023`. */
  reviewYear?: number;
  /** The document's own style per family, applied to the numbers inside the body (`（一）` → `(一)`). */
  styles?: ReadonlyMap<HeadingFamily, MarkerStyle>;
  /** Drop the blank lines between paragraphs when the document has none. */
  compact?: boolean;
  /** Drop the final `$0` (and the line break before it). */
  dropFinalTabStop?: boolean;
}

/** `${1:二}、` `（${1:四}）` `三、` at the start of a section snippet. */
const LEADING_MARKER = /^([（(]?)(?:\$\{1:([一二三四五六七八九十]{1,3}|\d{1,2})\}|([一二三四五六七八九十]{1,3}|\d{1,2})(?=[、.．）)]))([）)]?)([、.．]?)/;

/** `value` written in `style`, with its numeral located. */
export function writtenMarker(value: number, style: MarkerStyle): WrittenMarker {
  const text = formatMarker(value, style);
  const numeral = numeralOf(value, style.family);
  const at = numeral ? text.indexOf(numeral) : -1;
  return at < 0 ? { text, numeralStart: 0, numeralEnd: 0 } : { text, numeralStart: at, numeralEnd: at + numeral.length };
}

/**
 * A section snippet's body fitted to a document, in snippet syntax.
 *
 * @example adaptSnippet('${1:二}、存在的问题和不足…', { marker: writtenMarker(3, standardStyle('cn-dun')), reviewYear: 2022 })
 *   // '${1:三}、存在的问题和不足…'
 */
export function adaptSnippet(body: string, how: SnippetAdaptation): string {
  let src = body;
  if (how.marker !== undefined) {
    src = src.replace(LEADING_MARKER, (whole, _open: string, tabbed?: string) => {
      const m = how.marker;
      if (m === null) return '';
      if (!m) return whole;
      if (tabbed === undefined || m.numeralEnd <= m.numeralStart) return escapeText(m.text);
      return `${escapeText(m.text.slice(0, m.numeralStart))}\${1:${escapeText(m.text.slice(m.numeralStart, m.numeralEnd))}}${escapeText(m.text.slice(m.numeralEnd))}`;
    });
  }
  if (how.styles && how.styles.size) src = restyleLineMarkers(src, how.styles);
  if (how.compact) src = src.replace(/\n{2,}/g, '\n');
  if (how.dropFinalTabStop) src = src.replace(/\n?\$0$/, '');
  if (how.reviewYear === undefined || how.reviewYear === SNIPPET_REVIEW_YEAR) return src;
  const shift = how.reviewYear - SNIPPET_REVIEW_YEAR;
  const nodes = parseSnippet(src);
  shiftYears(nodes, shift);
  return printSnippet(nodes);
}

/**
 * Part of a snippet: from the line matching `from` up to (not including) the next line matching
 * `to` (or the end). Tab stops that mirror a placeholder outside the part get its default, so the
 * part expands on its own; it ends with `$0`.
 *
 * @example cutSnippet(skeleton, /^二、/, /^三、/) // the `二、…` section of a skeleton
 */
export function cutSnippet(body: string, from: RegExp, to?: RegExp): string | undefined {
  const lines = body.split('\n');
  const start = lines.findIndex((l) => from.test(l));
  if (start < 0) return undefined;
  let end = to ? lines.findIndex((l, i) => i > start && to.test(l)) : -1;
  if (end < 0) end = lines.length;
  const part = lines.slice(start, end).join('\n').replace(/\n*(\$0)?\s*$/, '');
  const defaults = new Map<number, SnippetNode>();
  const collect = (ns: readonly SnippetNode[]) => {
    for (const n of ns) {
      if (n.kind === 'tabstop' && (n.choices || n.children?.length) && !defaults.has(n.index)) defaults.set(n.index, n);
      if (n.kind !== 'text' && n.children) collect(n.children);
    }
  };
  collect(parseSnippet(body));
  const nodes = parseSnippet(part);
  const seen = new Set<number>();
  const fill = (ns: SnippetNode[]) => {
    ns.forEach((n, i) => {
      if (n.kind !== 'tabstop') {
        if (n.kind === 'variable' && n.children) fill(n.children);
        return;
      }
      if (n.choices || n.children?.length) seen.add(n.index);
      else if (!seen.has(n.index) && defaults.has(n.index)) {
        ns[i] = defaults.get(n.index)!;
        seen.add(n.index);
      }
      if (n.children) fill(n.children);
    });
  };
  fill(nodes);
  return printSnippet(nodes) + '\n$0';
}

/** The numeral as `formatMarker` writes it for `value` in `family`. */
function numeralOf(value: number, family: HeadingFamily): string {
  switch (family) {
    case 'cn-dun':
    case 'cn-paren':
    case 'part':
    case 'cn-point':
    case 'cn-ordinal':
      return toChineseNumeral(value);
    case 'arabic':
    case 'arabic-paren':
      return String(value);
    default:
      return '';
  }
}

/** Numbers at the start of body lines (`（一）` `1.`) rewritten in the document's style for their family. */
function restyleLineMarkers(src: string, styles: ReadonlyMap<HeadingFamily, MarkerStyle>): string {
  const cnParen = styles.get('cn-paren');
  const arabic = styles.get('arabic');
  return src.replace(/(^|\n)(?:（([一二三四五六七八九十]{1,3})）|(\d{1,2})\.(?!\d))/g, (whole, lineStart: string, cn?: string, digits?: string) => {
    if (cn !== undefined && cnParen) return lineStart + escapeText(formatMarker(parseChineseNumeral(cn) ?? 1, cnParen));
    if (digits !== undefined && arabic) return lineStart + escapeText(formatMarker(Number(digits), arabic));
    return whole;
  });
}

function escapeText(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

/** Shifts every four-digit year that is a placeholder's whole default (`${2:2023}`) by `shift`. */
function shiftYears(nodes: SnippetNode[], shift: number): void {
  for (const n of nodes) {
    if (n.kind === 'text' || !n.children) continue;
    if (n.children.length === 1 && n.children[0].kind === 'text' && /^(19|20)\d\d$/.test(n.children[0].value)) {
      n.children[0] = { kind: 'text', value: String(Number(n.children[0].value) + shift) };
    } else shiftYears(n.children, shift);
  }
}
