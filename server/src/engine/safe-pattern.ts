/**
 * Safe patterns: the regular-expression subset users may write in `gongwen.placeholders.extraPatterns`.
 *
 * Settings can come from an untrusted workspace, so a pattern must never be able to hang the server
 * (catastrophic backtracking, `(a+)+$`). Patterns are compiled to a Thompson NFA and matched by
 * simulating all its states at once (a Pike VM): time is linear in text length × pattern size, and
 * work is further capped by a {@link PatternBudget} that every pattern of one analysis shares, so a
 * hundred patterns cost no more than one. There is no backtracking, hence no backreferences and no
 * lookarounds.
 *
 * The subset:
 *
 * | syntax | meaning |
 * |---|---|
 * | `待定` `xx` `年` | literal characters, CJK included |
 * | `.` | any character except a line break |
 * | `[abc]` `[a-z]` `[^0-9]` `[一-龥]` | character classes with ranges and negation |
 * | `\d` `\D` `\s` `\S` `\w` `\W` | digits `0-9`, whitespace, word characters `[A-Za-z0-9_]`, and their complements |
 * | `\.` `\(` `\[` `\*` `\\` … | an escaped punctuation character is a literal; also `\t` `\n` `\r` `\xHH` `\uHHHH` |
 * | `( … )` `(?: … )` | groups (nothing is captured) |
 * | `a\|b` | alternation |
 * | `?` `*` `+` `{m}` `{m,}` `{m,n}` | repetition, m and n at most 50 |
 * | `^` `$` | start and end of a line |
 *
 * Not supported, rejected with a message: backreferences (`\1`), lookarounds (`(?=` `(?!` `(?<=`
 * `(?<!`), named groups, inline flags, lazy quantifiers (`*?`), word boundaries (`\b`), Unicode
 * property escapes (`\p{…}`).
 *
 * Matching works on text folded like NFKC for full-width ASCII (`ＸＸ` → `XX`, `（` → `(`, U+3000 →
 * space), one UTF-16 unit for one, so offsets are offsets into the original text; literals in the
 * pattern are folded the same way. Matching is case-sensitive. Matches are leftmost-longest and do
 * not overlap; empty matches are skipped; a match is at most {@link SAFE_PATTERN_LIMITS.maxMatchLength}
 * units long; at most {@link SAFE_PATTERN_LIMITS.maxMatches} matches are returned.
 *
 * @example
 * const p = compileSafePattern('[xX]{2,4}年');
 * if (p.ok) p.find('xxxx年'); // [{ start: 0, end: 5 }]
 * compileSafePattern('(a)\\1'); // { ok: false, error: 'backreferences (\\1) are not supported（不支持反向引用） at 3' }
 */
import { foldWidth } from './chars';
import { runToEnd } from './steps';

/** The limits of the subset. */
export const SAFE_PATTERN_LIMITS = {
  /** Longest pattern source, in UTF-16 units. */
  maxPatternLength: 200,
  /** Largest repetition bound in `{m,n}`. */
  maxRepeat: 50,
  /** Largest compiled program (instructions), after expanding `{m,n}`. */
  maxProgramSize: 2000,
  /** Most matches returned by one `find`. */
  maxMatches: 10000,
  /** Longest match, in UTF-16 units. */
  maxMatchLength: 500,
  /**
   * Work budget shared by all patterns of one analysis ({@link patternBudget}): NFA state visits
   * allowed per unit of text, plus a constant. About 10 ns a visit: 25 ms on a 72 KB report, 0.6 s on 20 MB.
   */
  budgetPerUnit: 8,
  budgetBase: 2_000_000,
} as const;

/**
 * Work left for pattern matching on one text, shared by every pattern that runs on it. When it runs
 * out, matching stops and `exhausted` is set; the matches found until then are kept.
 *
 * @example
 * const budget = patternBudget(text.length);
 * for (const p of patterns) p.find(text, budget);
 * if (budget.exhausted) warn('extra patterns exceeded their time budget on this document');
 */
export interface PatternBudget {
  steps: number;
  exhausted: boolean;
}

/** A fresh budget for matching patterns on a text of `length` UTF-16 units. */
export function patternBudget(length: number): PatternBudget {
  return { steps: SAFE_PATTERN_LIMITS.budgetBase + SAFE_PATTERN_LIMITS.budgetPerUnit * length, exhausted: false };
}

/** A half-open range of UTF-16 offsets. */
export interface PatternMatch {
  start: number;
  end: number;
}

/** A compiled pattern. */
export interface SafePattern {
  ok: true;
  source: string;
  /**
   * Leftmost-longest, non-overlapping, non-empty matches, until `budget` runs out (by default a
   * budget of its own, {@link patternBudget}).
   */
  find(text: string, budget?: PatternBudget): PatternMatch[];
  /** {@link find} with a pause (a `yield`) every few million steps of work. */
  findInSteps(text: string, budget?: PatternBudget): Generator<void, PatternMatch[], void>;
}

/** A pattern that was rejected, with a message in English and Chinese. */
export interface SafePatternError {
  ok: false;
  error: string;
}

/**
 * Compiles a pattern of the safe subset.
 *
 * @example compileSafePattern('待(定|填)').ok // true
 */
export function compileSafePattern(source: string): SafePattern | SafePatternError {
  if (typeof source !== 'string' || source.length === 0) return { ok: false, error: 'empty pattern（模式为空）' };
  if (source.length > SAFE_PATTERN_LIMITS.maxPatternLength) {
    return { ok: false, error: `pattern longer than ${SAFE_PATTERN_LIMITS.maxPatternLength} characters（模式过长）` };
  }
  let program: Program;
  try {
    const ast = new Parser(source).parse();
    program = new Emitter().emit(ast);
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, error: error.message };
    throw error;
  }
  return {
    ok: true,
    source,
    find: (text: string, budget?: PatternBudget) => run(program, text, budget ?? patternBudget(text.length)),
    findInSteps: (text: string, budget?: PatternBudget) => runInSteps(program, text, budget ?? patternBudget(text.length)),
  };
}

// ---------------------------------------------------------------------------------------------
// Characters

/** A set of UTF-16 units as sorted, non-overlapping inclusive ranges `[lo0, hi0, lo1, hi1, …]`. */
type Ranges = number[];

const DIGIT: Ranges = [0x30, 0x39];
const WORD: Ranges = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
const SPACE: Ranges = [0x09, 0x0d, 0x20, 0x20, 0x2028, 0x2029, 0xfeff, 0xfeff];
const LINE_BREAK: Ranges = [0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029];

function normalize(ranges: Ranges): Ranges {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i], ranges[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [lo, hi] of pairs) {
    if (out.length > 0 && lo <= out[out.length - 1] + 1) out[out.length - 1] = Math.max(out[out.length - 1], hi);
    else out.push(lo, hi);
  }
  return out;
}

function complement(ranges: Ranges): Ranges {
  const r = normalize(ranges);
  const out: Ranges = [];
  let next = 0;
  for (let i = 0; i < r.length; i += 2) {
    if (r[i] > next) out.push(next, r[i] - 1);
    next = r[i + 1] + 1;
  }
  if (next <= 0xffff) out.push(next, 0xffff);
  return out;
}

/** Folds the ranges of a class: the full-width ASCII part of a range becomes its ASCII twin. */
function foldRanges(ranges: Ranges): Ranges {
  const out: Ranges = [];
  for (let i = 0; i < ranges.length; i += 2) {
    const lo = ranges[i];
    const hi = ranges[i + 1];
    out.push(lo, hi);
    const a = Math.max(lo, 0xff01);
    const b = Math.min(hi, 0xff5e);
    if (a <= b) out.push(a - 0xfee0, b - 0xfee0);
    if (lo <= 0x3000 && hi >= 0x3000) out.push(0x20, 0x20);
    if (lo <= 0xa0 && hi >= 0xa0) out.push(0x20, 0x20);
    if (lo <= 0xfe6a && hi >= 0xfe6a) out.push(0x25, 0x25); // ﹪ folds to %, as the text does
  }
  return normalize(out);
}

// ---------------------------------------------------------------------------------------------
// Parsing

class PatternError extends Error {}

type Node =
  | { type: 'set'; ranges: Ranges }
  | { type: 'cat'; items: Node[] }
  | { type: 'alt'; items: Node[] }
  | { type: 'repeat'; item: Node; min: number; max: number } // max = Infinity for unbounded
  | { type: 'bol' }
  | { type: 'eol' }
  | { type: 'empty' };

function fail(message: string, at: number): never {
  throw new PatternError(`${message} at ${at}`);
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.pos < this.src.length) {
      // Only a stray `)` can stop the top-level alternation early.
      fail('unmatched ")"（多余的右括号）', this.pos);
    }
    return node;
  }

  private peek(offset = 0): string {
    return this.src.charAt(this.pos + offset);
  }

  private alternation(): Node {
    const items = [this.concatenation()];
    while (this.peek() === '|') {
      this.pos++;
      items.push(this.concatenation());
    }
    return items.length === 1 ? items[0] : { type: 'alt', items };
  }

  private concatenation(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.repetition());
    }
    if (items.length === 0) return { type: 'empty' };
    return items.length === 1 ? items[0] : { type: 'cat', items };
  }

  private repetition(): Node {
    const at = this.pos;
    const atom = this.atom();
    const quantified = this.quantifier();
    if (!quantified) return atom;
    if (atom.type === 'bol' || atom.type === 'eol') fail('an anchor (^ $) cannot be repeated（锚点不能重复）', at);
    if (this.isQuantifierStart()) {
      if (this.peek() === '?') fail('lazy quantifiers (*? +? ?? {m,n}?) are not supported; matches are always the longest（不支持非贪婪量词）', this.pos);
      fail('nothing to repeat: a quantifier cannot follow another（量词不能连用）', this.pos);
    }
    return { type: 'repeat', item: atom, min: quantified.min, max: quantified.max };
  }

  private isQuantifierStart(): boolean {
    const c = this.peek();
    return c === '?' || c === '*' || c === '+' || (c === '{' && /^\{\d+(,\d*)?\}/.test(this.src.slice(this.pos)));
  }

  private quantifier(): { min: number; max: number } | undefined {
    const c = this.peek();
    if (c === '?') return this.pos++, { min: 0, max: 1 };
    if (c === '*') return this.pos++, { min: 0, max: Infinity };
    if (c === '+') return this.pos++, { min: 1, max: Infinity };
    if (c !== '{') return undefined;
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
    if (!m) fail('a literal "{" must be escaped as \\{（花括号须转义）', this.pos);
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    const limit = SAFE_PATTERN_LIMITS.maxRepeat;
    if (min > limit || (max !== Infinity && max > limit)) fail(`repetition bounds must be at most ${limit}（重复次数不能超过 ${limit}）`, this.pos);
    if (max < min) fail('repetition {m,n} needs m ≤ n（重复次数范围无效）', this.pos);
    this.pos += m[0].length;
    return { min, max };
  }

  private atom(): Node {
    const at = this.pos;
    const c = this.peek();
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '.':
        this.pos++;
        return { type: 'set', ranges: complement(LINE_BREAK) };
      case '^':
        this.pos++;
        return { type: 'bol' };
      case '$':
        this.pos++;
        return { type: 'eol' };
      case '\\':
        return { type: 'set', ranges: this.escape(false) };
      case '*':
      case '+':
      case '?':
        return fail(`nothing to repeat before "${c}"（量词前没有可重复的内容）`, at);
      case '{':
        if (this.isQuantifierStart()) fail(`nothing to repeat before "{"（量词前没有可重复的内容）`, at);
        return fail('a literal "{" must be escaped as \\{（花括号须转义）', at);
      default:
        return this.literal();
    }
  }

  private literal(): Node {
    const code = this.src.charCodeAt(this.pos);
    if (code >= 0xd800 && code <= 0xdbff && this.pos + 1 < this.src.length) {
      const low = this.src.charCodeAt(this.pos + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        this.pos += 2;
        return { type: 'cat', items: [single(code), single(low)] };
      }
    }
    this.pos++;
    return single(foldWidth(code));
  }

  private group(): Node {
    const at = this.pos;
    this.pos++; // (
    if (this.peek() === '?') {
      const next = this.src.slice(this.pos, this.pos + 3);
      if (next.startsWith('?:')) this.pos += 2;
      else if (next.startsWith('?=') || next.startsWith('?!')) fail('lookaheads (?= (?! are not supported（不支持前瞻断言）', at);
      else if (next === '?<=' || next === '?<!') fail('lookbehinds (?<= (?<! are not supported（不支持后顾断言）', at);
      else if (next.startsWith('?<')) fail('named groups (?<name>…) are not supported; use (…)（不支持命名分组）', at);
      else fail('inline flags and other (?…) groups are not supported（不支持此类分组）', at);
    }
    const inner = this.alternation();
    if (this.peek() !== ')') fail('unclosed "("（缺少右括号）', at);
    this.pos++;
    return inner;
  }

  private charClass(): Node {
    const at = this.pos;
    this.pos++; // [
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    if (this.peek() === ']') fail('empty character class []（字符类为空）', at);
    const ranges: Ranges = [];
    while (true) {
      if (this.pos >= this.src.length) fail('unclosed "["（缺少右方括号）', at);
      if (this.peek() === ']') {
        this.pos++;
        break;
      }
      const lo = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.pos + 1 < this.src.length) {
        const dashAt = this.pos;
        this.pos++;
        const hi = this.classAtom();
        if (lo.length !== 2 || lo[0] !== lo[1] || hi.length !== 2 || hi[0] !== hi[1]) fail('a range needs single characters at both ends（范围两端须为单个字符）', dashAt);
        if (hi[0] < lo[0]) fail('range out of order（范围顺序颠倒）', dashAt);
        ranges.push(lo[0], hi[0]);
      } else {
        ranges.push(...lo);
      }
    }
    const folded = foldRanges(normalize(ranges));
    return { type: 'set', ranges: negated ? complement(folded) : folded };
  }

  /** One item inside `[...]`: a character or an escape; returns its ranges (unfolded). */
  private classAtom(): Ranges {
    if (this.peek() === '\\') return this.escape(true);
    const code = this.src.charCodeAt(this.pos);
    if (code >= 0xd800 && code <= 0xdfff) fail('characters outside the Basic Multilingual Plane are not supported inside [...]（方括号内不支持扩展区字符）', this.pos);
    this.pos++;
    return [code, code];
  }

  /** An escape at `\`; returns ranges (folded when outside a class: a class folds itself). */
  private escape(inClass: boolean): Ranges {
    const at = this.pos;
    this.pos++; // backslash
    if (this.pos >= this.src.length) fail('pattern ends with "\\"（模式以反斜杠结尾）', at);
    const c = this.peek();
    this.pos++;
    const lit = (code: number): Ranges => {
      const f = inClass ? code : foldWidth(code);
      return [f, f];
    };
    switch (c) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 't':
        return [9, 9];
      case 'n':
        return [10, 10];
      case 'r':
        return [13, 13];
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.pos));
        if (!m) fail('\\x needs two hex digits（\\x 后须跟两位十六进制数）', at);
        this.pos += 2;
        return lit(parseInt(m[0], 16));
      }
      case 'u': {
        const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.pos));
        if (!m) fail('\\u needs four hex digits（\\u 后须跟四位十六进制数）', at);
        this.pos += 4;
        return lit(parseInt(m[0], 16));
      }
      case 'b':
      case 'B':
        return fail('word boundaries (\\b \\B) are not supported（不支持单词边界）', at);
      case 'p':
      case 'P':
        return fail('Unicode property escapes (\\p{…}) are not supported; use a range such as [一-龥]（不支持 \\p 属性类）', at);
      case 'k':
        return fail('backreferences (\\k<name>) are not supported（不支持反向引用）', at);
      default:
        break;
    }
    if (c >= '0' && c <= '9') return fail(`backreferences (\\${c}) are not supported（不支持反向引用）`, at);
    const code = c.charCodeAt(0);
    const asciiPunctuation = code >= 0x21 && code <= 0x7e && !/[0-9A-Za-z]/.test(c);
    if (asciiPunctuation || code === 0x20) return lit(code);
    if (code > 0x7f) {
      if (code >= 0xd800 && code <= 0xdfff) fail('characters outside the Basic Multilingual Plane cannot be escaped（扩展区字符不能转义）', at);
      return lit(code);
    }
    return fail(`unknown escape "\\${c}"（未知的转义）`, at);
  }
}

function single(code: number): Node {
  return { type: 'set', ranges: [code, code] };
}

// ---------------------------------------------------------------------------------------------
// Compiling to a program (a Thompson NFA as instructions)

const OP_SET = 0; // consume one unit in set[arg1]; go to pc + 1
const OP_SPLIT = 1; // go to arg1 and arg2
const OP_JMP = 2; // go to arg1
const OP_MATCH = 3;
const OP_BOL = 4; // continue to pc + 1 at a line start
const OP_EOL = 5; // continue to pc + 1 at a line end

interface Program {
  op: Uint8Array;
  a: Int32Array;
  b: Int32Array;
  sets: Ranges[];
  /** Units that can start a match, or undefined when anything might (an empty-matching start). */
  first?: Uint8Array;
}

class Emitter {
  private op: number[] = [];
  private a: number[] = [];
  private b: number[] = [];
  private sets: Ranges[] = [];
  private setIds = new Map<string, number>();

  emit(node: Node): Program {
    this.node(node);
    this.push(OP_MATCH, 0, 0);
    const program: Program = { op: Uint8Array.from(this.op), a: Int32Array.from(this.a), b: Int32Array.from(this.b), sets: this.sets };
    program.first = firstUnits(program);
    return program;
  }

  private push(op: number, a: number, b: number): number {
    if (this.op.length >= SAFE_PATTERN_LIMITS.maxProgramSize) {
      throw new PatternError('pattern too large after expanding repetitions; use smaller {m,n}（模式展开后过大，请减小重复次数）');
    }
    this.op.push(op);
    this.a.push(a);
    this.b.push(b);
    return this.op.length - 1;
  }

  private setId(ranges: Ranges): number {
    const key = ranges.join(',');
    let id = this.setIds.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.sets.push(ranges);
      this.setIds.set(key, id);
    }
    return id;
  }

  private node(n: Node): void {
    switch (n.type) {
      case 'set':
        this.push(OP_SET, this.setId(n.ranges), 0);
        return;
      case 'bol':
        this.push(OP_BOL, 0, 0);
        return;
      case 'eol':
        this.push(OP_EOL, 0, 0);
        return;
      case 'empty':
        return;
      case 'cat':
        for (const item of n.items) this.node(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        for (let i = 0; i < n.items.length; i++) {
          if (i < n.items.length - 1) {
            const split = this.push(OP_SPLIT, 0, 0);
            this.a[split] = split + 1;
            this.node(n.items[i]);
            jumps.push(this.push(OP_JMP, 0, 0));
            this.b[split] = this.op.length;
          } else {
            this.node(n.items[i]);
          }
        }
        for (const j of jumps) this.a[j] = this.op.length;
        return;
      }
      case 'repeat': {
        for (let i = 0; i < n.min; i++) this.node(n.item);
        if (n.max === Infinity) {
          // L: split L+1, out; item; jmp L
          const split = this.push(OP_SPLIT, 0, 0);
          this.a[split] = split + 1;
          this.node(n.item);
          this.push(OP_JMP, split, 0);
          this.b[split] = this.op.length;
        } else {
          const splits: number[] = [];
          for (let i = n.min; i < n.max; i++) {
            const split = this.push(OP_SPLIT, 0, 0);
            this.a[split] = split + 1;
            splits.push(split);
            this.node(n.item);
          }
          for (const s of splits) this.b[s] = this.op.length;
        }
        return;
      }
    }
  }
}

/** The units a match can start with, following ε-moves (anchors pass); undefined when the start can match empty. */
function firstUnits(p: Program): Uint8Array | undefined {
  const seen = new Uint8Array(p.op.length);
  const stack = [0];
  const sets: number[] = [];
  while (stack.length > 0) {
    const pc = stack.pop()!;
    if (seen[pc]) continue;
    seen[pc] = 1;
    switch (p.op[pc]) {
      case OP_SET:
        sets.push(p.a[pc]);
        break;
      case OP_SPLIT:
        stack.push(p.a[pc], p.b[pc]);
        break;
      case OP_JMP:
        stack.push(p.a[pc]);
        break;
      case OP_MATCH:
        return undefined;
      default:
        stack.push(pc + 1);
    }
  }
  const first = new Uint8Array(0x10000);
  for (const id of new Set(sets)) {
    const r = p.sets[id];
    for (let i = 0; i < r.length; i += 2) first.fill(1, r[i], r[i + 1] + 1);
  }
  return first;
}

function inSet(r: Ranges, c: number): boolean {
  for (let i = 0; i < r.length; i += 2) {
    if (c < r[i]) return false;
    if (c <= r[i + 1]) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Matching: a Pike VM keeping, for each state, the thread with the leftmost start

function isBreakUnit(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function run(p: Program, text: string, shared: PatternBudget): PatternMatch[] {
  return runToEnd(runInSteps(p, text, shared));
}

/** Steps of work between two pauses of {@link runInSteps}: some 30 ms here. */
const STEPS_PER_PAUSE = 4_000_000;

/**
 * {@link run}, pausing (a `yield`) after every {@link STEPS_PER_PAUSE} steps of work, so that a
 * caller can answer other requests while a pattern spends its budget on a 20 MB report.
 */
function* runInSteps(p: Program, text: string, shared: PatternBudget): Generator<void, PatternMatch[], void> {
  const n = text.length;
  const size = p.op.length;
  const { maxMatches, maxMatchLength } = SAFE_PATTERN_LIMITS;
  if (shared.steps <= 0) {
    shared.exhausted = true;
    return [];
  }
  // Counted in a local for speed, written back on every return.
  let budget = shared.steps;
  const out: PatternMatch[] = [];

  // Two thread lists of pcs (only OP_SET and OP_MATCH are stored), with their starts.
  let cpc = new Int32Array(size);
  let cstart = new Int32Array(size);
  let ccount = 0;
  let npc = new Int32Array(size);
  let nstart = new Int32Array(size);
  let ncount = 0;
  const mark = new Int32Array(size).fill(-1); // generation that last added each pc
  const stack = new Int32Array(size * 2 + 2);
  let generation = 0;

  let matchStart = -1;
  let matchEnd = -1;

  /** Adds the ε-closure of `pc0` at position `pos` to the next list, thread start `start`. */
  const add = (pc0: number, start: number, pos: number): void => {
    let sp = 0;
    stack[sp++] = pc0;
    while (sp > 0) {
      const pc = stack[--sp];
      if (mark[pc] === generation) continue;
      mark[pc] = generation;
      budget--;
      switch (p.op[pc]) {
        case OP_SET:
          npc[ncount] = pc;
          nstart[ncount++] = start;
          break;
        case OP_MATCH:
          if (pos > start && (matchStart === -1 || start < matchStart || (start === matchStart && pos > matchEnd))) {
            matchStart = start;
            matchEnd = pos;
          }
          break;
        case OP_SPLIT:
          stack[sp++] = p.b[pc];
          stack[sp++] = p.a[pc];
          break;
        case OP_JMP:
          stack[sp++] = p.a[pc];
          break;
        case OP_BOL:
          if (pos === 0 || isBreakUnit(text.charCodeAt(pos - 1))) stack[sp++] = pc + 1;
          break;
        case OP_EOL:
          if (pos === n || isBreakUnit(text.charCodeAt(pos))) stack[sp++] = pc + 1;
          break;
      }
    }
  };

  let pos = 0;
  let seeded = -1; // last position a thread was seeded at
  let pauseAt = budget - STEPS_PER_PAUSE;
  while (out.length < maxMatches && budget > 0) {
    if (budget < pauseAt) {
      shared.steps = budget;
      yield;
      // Another pattern may have spent from the shared budget meanwhile.
      budget = Math.min(budget, shared.steps);
      pauseAt = budget - STEPS_PER_PAUSE;
    }
    // Seed a thread at `pos` while no match has been found (the current threads start earlier).
    if (matchStart === -1 && pos > seeded && pos <= n && (ccount > 0 || p.first === undefined || (pos < n && p.first[foldWidth(text.charCodeAt(pos))] === 1))) {
      seeded = pos;
      // The current list (threads at `pos`) is extended in place with the seed's closure.
      const tpc = npc;
      const tstart = nstart;
      npc = cpc;
      nstart = cstart;
      ncount = ccount;
      generation++;
      for (let i = 0; i < ncount; i++) mark[npc[i]] = generation;
      add(0, pos, pos);
      cpc = npc;
      cstart = nstart;
      ccount = ncount;
      npc = tpc;
      nstart = tstart;
    }
    if (ccount === 0 || pos >= n) {
      ccount = 0;
      if (matchStart !== -1) {
        out.push({ start: matchStart, end: matchEnd });
        pos = matchEnd;
        seeded = pos - 1;
        matchStart = -1;
        matchEnd = -1;
        continue;
      }
      if (pos >= n) break;
      pos++;
      continue;
    }
    const c = foldWidth(text.charCodeAt(pos));
    generation++;
    ncount = 0;
    const next = pos + 1;
    for (let i = 0; i < ccount; i++) {
      const start = cstart[i];
      if (matchStart !== -1 && start > matchStart) continue;
      if (next - start > maxMatchLength) continue;
      const pc = cpc[i];
      budget--;
      if (inSet(p.sets[p.a[pc]], c)) add(pc + 1, start, next);
    }
    const tpc = cpc;
    const tstart = cstart;
    cpc = npc;
    cstart = nstart;
    ccount = ncount;
    npc = tpc;
    nstart = tstart;
    pos = next;
  }
  if (matchStart !== -1 && out.length < maxMatches && budget > 0) out.push({ start: matchStart, end: matchEnd });
  shared.steps = budget;
  if (budget <= 0) shared.exhausted = true;
  return out;
}
