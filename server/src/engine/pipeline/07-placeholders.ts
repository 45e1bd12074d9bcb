/**
 * Finds unfilled blanks left from a template (report-anatomy §4): `xx`, `20xx年`, `x.x亿元`, `××`,
 * `○○`, `某某`, `某镇`, `**乡`, `20__年`, `〔…〕`, `【单位名称】`, `（此处填写…）`, `==`, a space where a
 * number was (`参合基金 万元`), a number simply missing (`同比增长%`, `投资5亿元，增长；`,
 * ` 年政府工作回顾`), and a
 * paragraph cut off with `……`.
 *
 * Matching works on the text folded like NFKC for the characters that matter (full-width ASCII
 * U+FF01–U+FF5E → ASCII, U+3000 and U+00A0 → space, `﹪` → `%`), one UTF-16 unit for one UTF-16
 * unit, so every offset is an offset into the original text. `×` `○` `〇` `〔〕` `【】` are kept as
 * they are. The scan is one linear pass over the text plus local look-arounds of a few characters;
 * there are no regular expressions.
 *
 * A code whose number the template masked with its other digits (`PMx.x`) is a blank too.
 *
 * Legitimate look-alikes stay silent: `PM2.5`, `M2`, `5G`, `C919`, `GDP`, `X光`, `X射线`, `3+X`,
 * `1+X证书`, `4A级`, `Ⅲ类`, `3×3`, `3x3`, `二〇二四年`, `〔2024〕`, `某些`, `某种`, `某市场`, `9.8‰`,
 * anything inside a Latin word (`Xbox`, `taxi`), URLs and e-mail addresses, county-road codes
 * (`X195`), and divider lines (`* * *`, `*****`, `_____`, `=====`).
 */
import { foldWidth } from '../chars';
import { IgnoreWordCover } from '../ignore-words';
import type { Memo } from '../incremental';
import type { Placeholder, PlaceholderForm } from '../model';
import { runToEnd } from '../steps';

/**
 * Per-document options of {@link findPlaceholders}: words that are not blanks, and extra matchers.
 *
 * @example findPlaceholders('坚持X建引领，完成xx项', { ignoreWords: ['X建'] }) // only `xx`, not the `X` of `X建`
 */
export interface PlaceholderOptions {
  /**
   * Words that are not blanks in this document. A placeholder is dropped when its text equals an
   * ignore word, or when an occurrence of an ignore word in the text covers it
   * (`ignoreWords: ['X建']` silences the `X` of `X建引领`).
   */
  ignoreWords?: readonly string[];
  /**
   * Extra matchers; each range they return becomes a placeholder of form `custom`. A matcher may
   * return its ranges at once or as a generator that pauses (`yield`) while it works.
   */
  extraMatchers?: readonly ExtraMatcher[];
}

/** Ranges of an extra pattern in a text, at once or in steps (see `PlaceholderOptions.extraMatchers`). */
export type ExtraMatcher = (text: string) => MatchRange[] | Generator<void, MatchRange[], void>;

/** A half-open range of UTF-16 offsets. */
type MatchRange = { start: number; end: number };

// ---------------------------------------------------------------------------------------------
// Character classes (on folded code units unless said otherwise)

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isAlnum(c: number): boolean {
  return isDigit(c) || isLetter(c);
}
function isX(c: number): boolean {
  return c === 0x78 || c === 0x58;
}
/** A CJK ideograph (any block, surrogate halves included, `〇` included). */
function isIdeo(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    c === 0x3007
  );
}
function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}
function isBreak(c: number): boolean {
  return c === LF || c === CR || c === 0x2028 || c === 0x2029;
}

/** Chinese-number characters that make `〇〇` part of a numeral (`二〇〇八年`). */
const CN_NUMERALS = new Set(Array.from('〇零一二三四五六七八九十百千万两', (s) => s.charCodeAt(0)));

// ---------------------------------------------------------------------------------------------
// Word tables

/** Suffixes after which `某` names a blank (`某镇`, `某单位`, `某同志`), traditional forms included. */
const MOU_SUFFIXES: readonly string[] = [
  '单位', '部门', '同志', '公司', '企业', '集团', '合作社', '街道', '社区', '小区', '学校', '医院',
  '项目', '镇', '乡', '村', '县', '区', '市', '省', '局', '厂', '书记', '镇长', '乡长', '县长', '主任',
  '單位', '部門', '企業', '集團', '社區', '學校', '醫院', '項目', '鎮', '鄉', '縣', '區', '廠', '書記',
  '鎮長', '鄉長', '縣長',
];
/** Words starting like a suffix that make `某…` ordinary language (`某市场`, `某区域`, `某村民`). */
const MOU_EXCEPTIONS: readonly string[] = ['市场', '市場', '市民', '区域', '區域', '局部', '局面', '局势', '局勢', '村民'];

/** Units for missing numbers and blanks. `pct` needs nothing after it; others need a terminator. */
type UnitKind = 'pct' | 'big-money' | 'money' | 'measure' | 'count';
interface Unit {
  text: string;
  kind: UnitKind;
}
const UNITS: readonly Unit[] = [
  ...['%', '‰', '个百分点', '百分点', '個百分點', '百分點'].map((text) => ({ text, kind: 'pct' as const })),
  ...['亿元', '万元', '千万元', '百万元', '千元', '亿美元', '万美元', '億元', '萬元', '千萬元', '億美元', '萬美元'].map((text) => ({
    text,
    kind: 'big-money' as const,
  })),
  ...['元', '美元'].map((text) => ({ text, kind: 'money' as const })),
  ...['万亩', '亩', '公里', '千米', '平方公里', '平方米', '万平方米', '万吨', '吨', '萬畝', '畝', '萬噸', '噸', '平方公裏', '公裏'].map(
    (text) => ({ text, kind: 'measure' as const }),
  ),
  ...['个', '家', '人', '人次', '万人', '万人次', '户', '名', '件', '次', '项', '座', '条', '台', '辆', '所', '场', '起', '宗',
    '個', '戶', '項', '條', '臺', '輛', '場', '萬人'].map((text) => ({ text, kind: 'count' as const })),
];

/** Verbs after which any unit with no number before it means a missing number (`完成个`, `增长%`). */
const COUNT_VERBS: readonly string[] = ['实现', '完成', '新增', '增加', '减少', '共', '共计', '累计', '合计', '总计', '达到', '到达',
  '實現', '新增', '增加', '減少', '共計', '累計', '合計', '總計', '達到'];
/** Words after which a money, measure or percentage unit means a missing number (`生产总值亿元`). */
const AMOUNT_WORDS: readonly string[] = [
  ...COUNT_VERBS, '达', '增长', '下降', '提高', '降低', '约', '总额', '投资', '投入', '收入', '总值', '产值', '增加值', '总量',
  '人均', '到位', '外资', '增幅', '增速', '占比', '比重', '稳定在', '保持在', '控制在', '折合',
  '達', '增長', '提高', '降低', '約', '總額', '投資', '收入', '總值', '產值', '增加值', '總量', '人均', '到位',
];
/** Words after which a space followed by a unit is read as a missing number rather than a blank. */
const SPACED_VERBS: readonly string[] = ['达到', '实现', '完成', '增长', '下降', '提高', '共', '累计', '总额', '投资', '收入',
  '達到', '實現', '增長', '累計', '總額', '投資'];

/** Content of `【…】` or `〔…〕` that asks to be filled in. */
const FILL_PREFIXES: readonly string[] = ['此处', '在此', '请填', '请输入', '填写', '填入', '输入', '此處', '請填', '填寫'];
const FILL_SUFFIXES: readonly string[] = ['名称', '姓名', '名字', '日期', '时间', '数字', '数据', '金额', '数量', '名稱', '時間', '數字',
  '數據', '金額', '數量'];
const FILL_WORDS: readonly string[] = ['单位', '地名', '镇名', '乡名', '村名', '人名', '单位名称', '姓名', '名称', '日期', '时间', '金额',
  '數字', '数字', '單位'];

/** Indexes words by their last code unit, for suffix look-ups at one position. */
function byLastUnit(words: readonly string[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of words) {
    const k = w.charCodeAt(w.length - 1);
    const list = map.get(k) ?? [];
    if (!list.includes(w)) list.push(w);
    map.set(k, list);
  }
  return map;
}
function byFirstUnit<T extends { text: string }>(items: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const it of items) {
    const k = it.text.charCodeAt(0);
    const list = map.get(k) ?? [];
    list.push(it);
    map.set(k, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.text.length - a.text.length);
  return map;
}

const UNITS_BY_FIRST = byFirstUnit(UNITS);

/** Last characters of an amount (`5亿元`, `12%`, `300亩`) after which `，增长；` has lost its rate. */
const AMOUNT_ENDS = new Set(Array.from('元%‰亩畝吨噸个個家人户戶项項', (c) => c.charCodeAt(0)));

/** Non-ASCII code units the scanner stops at: blank characters and the first units of units. */
const STOP = new Uint8Array(0x10000);
for (const c of [0x2026, 0x22ef, 0xd7, 0x25cb, 0x3007, 0x67d0, 0x3014, 0x3010, 0x5e74, 0x589e, 0x4e0b]) STOP[c] = 1;
for (const c of UNITS_BY_FIRST.keys()) STOP[c] = 1;
const COUNT_VERBS_BY_LAST = byLastUnit(COUNT_VERBS);
const AMOUNT_WORDS_BY_LAST = byLastUnit(AMOUNT_WORDS);
const SPACED_VERBS_BY_LAST = byLastUnit(SPACED_VERBS);
/** 1 at the last unit of every verb and amount word before a missing number (`增长` → `长`). */
const ENDS_A_WORD = new Uint8Array(0x10000);
for (const c of [...COUNT_VERBS_BY_LAST.keys(), ...AMOUNT_WORDS_BY_LAST.keys()]) ENDS_A_WORD[c] = 1;

// ---------------------------------------------------------------------------------------------
// The scanner

interface Candidate {
  start: number;
  end: number;
  form: PlaceholderForm;
  confidence: 'high' | 'medium';
}

/**
 * `foldWidth` of every code unit, looked up as the scanner reads: folding a copy of the whole text
 * first was a pass and two bytes per unit more (`Ｘ` → `X`, `　` → space).
 */
const FOLD = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) FOLD[c] = foldWidth(c);

/**
 * 1 at the units the scanner passes over without a look: not ASCII once folded and not a
 * {@link STOP} unit, or ASCII (folded) that starts nothing (`，` `：` `）` line breaks); what `run`
 * looks at is letters, digits, `* _ = % ( .` and blanks.
 */
const SKIP = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const f = FOLD[c];
  SKIP[c] = f >= 0x80 ? (STOP[f] === 0 ? 1 : 0) : isAlnum(f) || f === 0x2a || f === 0x5f || f === 0x3d || f === SPACE || f === TAB || f === 0x25 || f === 0x28 || f === 0x2e ? 0 : 1;
}

/** The folded units of a whole text, for the ignore-word automaton. */
function foldAll(text: string): Uint16Array {
  const f = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) f[i] = FOLD[text.charCodeAt(i)];
  return f;
}

class Scanner {
  readonly n: number;
  readonly out: Candidate[] = [];
  /** Cache of the last URL-character span examined: [start, end) and whether it is a URL. */
  private urlStart = -1;
  private urlEnd = -1;
  private urlIs = false;

  constructor(readonly text: string) {
    this.n = text.length;
  }

  /** Folded unit at `i`, or -1 outside the text. */
  at(i: number): number {
    return i >= 0 && i < this.n ? FOLD[this.text.charCodeAt(i)] : -1;
  }

  /** Whether the original unit at `i` is Chinese context: CJK, digit, `%`, or non-ASCII punctuation. */
  ctx(i: number): boolean {
    if (i < 0 || i >= this.n) return false;
    const c = FOLD[this.text.charCodeAt(i)];
    if (isDigit(c) || c === 0x25) return true;
    if (c < 0x80) return false;
    const o = this.text.charCodeAt(i);
    return o >= 0x2000 && o !== 0xfeff && !isBreak(o) && c !== SPACE;
  }

  /** Whether the folded text at `i` starts with `word`. */
  startsWith(i: number, word: string): boolean {
    if (i < 0 || i + word.length > this.n) return false;
    for (let k = 0; k < word.length; k++) if (FOLD[this.text.charCodeAt(i + k)] !== word.charCodeAt(k)) return false;
    return true;
  }

  /** Whether the folded text just before `end` ends with one of the indexed words. */
  endsWithAny(end: number, index: Map<number, string[]>): boolean {
    const list = index.get(this.at(end - 1));
    if (!list) return false;
    for (const w of list) if (this.startsWith(end - w.length, w)) return true;
    return false;
  }

  push(start: number, end: number, form: PlaceholderForm, confidence: 'high' | 'medium' = 'high'): void {
    this.out.push({ start, end, form, confidence });
  }

  /** Whether line `[ls, le)` holds nothing but `ch` and spaces. */
  private lineOnly(i: number, ch: number): { only: boolean; count: number; spaced: boolean } {
    let ls = i;
    while (ls > 0 && !isBreak(FOLD[this.text.charCodeAt(ls - 1)])) ls--;
    let le = i;
    while (le < this.n && !isBreak(FOLD[this.text.charCodeAt(le)])) le++;
    let count = 0;
    let spaced = false;
    let seen = false;
    let gap = false;
    for (let k = ls; k < le; k++) {
      const c = FOLD[this.text.charCodeAt(k)];
      if (c === ch) {
        if (seen && gap) spaced = true;
        seen = true;
        gap = false;
        count++;
      } else if (isBlank(c) || c === 0xfeff) {
        gap = true;
      } else {
        return { only: false, count, spaced };
      }
    }
    return { only: true, count, spaced };
  }

  run(): void {
    const t = this.text;
    const n = this.n;
    let i = 0;
    while (i < n) {
      // Most units of Chinese text start nothing: skipped with one lookup each.
      while (i < n && SKIP[t.charCodeAt(i)] === 1) i++;
      if (i >= n) break;
      const c = FOLD[t.charCodeAt(i)];
      if (c < 0x80) {
        if (isAlnum(c)) {
          i = this.alnum(i);
          continue;
        }
        if (c === 0x2a /* * */ || c === 0x5f /* _ */ || c === 0x3d /* = */) {
          i = this.symbolRun(i, c);
          continue;
        }
        if (c === SPACE || c === TAB) {
          i = this.spaces(i);
          continue;
        }
        if (c === 0x25 /* % */) {
          this.unitAt(i);
        } else if (c === 0x28 /* ( */) {
          this.paren(i);
        } else if (c === 0x2e /* . */ && FOLD[t.charCodeAt(i + 1)] === 0x2e && FOLD[t.charCodeAt(i + 2)] === 0x2e) {
          i = this.ellipsis(i, 0x2e);
          continue;
        }
        i++;
        continue;
      }
      if (STOP[c] === 0) {
        i++;
        continue;
      }
      switch (c) {
        case 0x2026: // …
        case 0x22ef: // ⋯
          i = this.ellipsis(i, c);
          continue;
        case 0xd7: // ×
        case 0x25cb: // ○
          i = this.crossOrCircle(i, c);
          continue;
        case 0x3007: // 〇
          i = this.zeroRun(i);
          continue;
        case 0x67d0: // 某
          i = this.mou(i);
          continue;
        case 0x3014: // 〔
          this.bracket(i, 0x3015);
          break;
        case 0x3010: // 【
          this.bracket(i, 0x3011);
          break;
        case 0x5e74: // 年
          this.emptyDate(i);
          break;
        case 0x589e: // 增
        case 0x4e0b: // 下
          this.bareChange(i);
          break;
        default:
          this.unitAt(i);
      }
      i++;
    }
  }

  // --- x, X and masked numbers ----------------------------------------------------------------

  /** Is the alphanumeric run around `[s, e)` part of a URL or an e-mail address? */
  private inUrl(s: number, e: number): boolean {
    if (s >= this.urlStart && e <= this.urlEnd) return this.urlIs;
    const t = this.text;
    const urlChar = (c: number) =>
      isAlnum(c) || c === 0x2e || c === 0x5f || c === 0x2d || c === 0x40 || c === 0x2f || c === 0x3a || c === 0x3f ||
      c === 0x3d || c === 0x26 || c === 0x23 || c === 0x7e || c === 0x25 || c === 0x2b;
    let a = s;
    while (a > 0 && urlChar(FOLD[t.charCodeAt(a - 1)])) a--;
    let b = e;
    while (b < this.n && urlChar(FOLD[t.charCodeAt(b)])) b++;
    let is = false;
    for (let k = a; k < b && !is; k++) {
      const c = FOLD[t.charCodeAt(k)];
      if (c === 0x40) is = true;
      else if (c === 0x3a && FOLD[t.charCodeAt(k + 1)] === 0x2f && FOLD[t.charCodeAt(k + 2)] === 0x2f) is = true;
      else if ((c === 0x77 || c === 0x57) && k + 3 < b && (FOLD[t.charCodeAt(k + 1)] | 0x20) === 0x77 && (FOLD[t.charCodeAt(k + 2)] | 0x20) === 0x77 && FOLD[t.charCodeAt(k + 3)] === 0x2e &&
        (k === a || !isAlnum(FOLD[t.charCodeAt(k - 1)]))) is = true;
    }
    this.urlStart = a;
    this.urlEnd = b;
    this.urlIs = is;
    return is;
  }

  /** Scans an alphanumeric run (a dot between two alphanumerics stays inside) and classifies it. */
  private alnum(s: number): number {
    const t = this.text;
    let e = s;
    let xs = 0;
    let letters = 0;
    let digits = 0;
    let dot = false;
    for (;;) {
      const c = this.at(e);
      if (isAlnum(c)) {
        if (isX(c)) xs++;
        else if (isDigit(c)) digits++;
        else letters++;
        e++;
      } else if (c === 0x2e && e > s && isAlnum(this.at(e + 1))) {
        dot = true;
        e++;
      } else break;
    }
    if (xs === 0) return e;
    if (this.inUrl(s, e)) return e;
    const next = this.at(e);
    if (letters > 0) {
      // `PMx.x`: a code whose number was masked with the rest of the template's digits.
      const masked = this.maskedAfterCode(s, e);
      if (masked >= 0) {
        this.push(masked, e, 'masked-number');
        return e;
      }
      // A Latin word or a code (`Xbox`, `taxi`, `XP`), except the masked `xA级` and `xG`.
      if (digits === 0 && !dot && xs <= 2 && e - s === xs + 1 && !isLetter(next)) {
        const last = FOLD[t.charCodeAt(e - 1)];
        if ((last === 0x41 && next === 0x7ea7 /* 级 */) || (last === 0x47 && (isIdeo(next) || next < 0x80))) {
          if (isX(FOLD[t.charCodeAt(s)])) this.push(s, e, 'masked-number');
        }
      }
      return e;
    }
    if (digits === 0 && !dot) {
      if (xs >= 2) this.push(s, e, 'x-run');
      else if (this.singleXCounts(s, e)) this.push(s, e, 'single-x');
      return e;
    }
    if (!dot) {
      // Years: 20xx, 202x, 19xx.
      const len = e - s;
      let trailingX = true;
      let seenX = false;
      for (let k = s; k < e; k++) {
        if (isX(FOLD[t.charCodeAt(k)])) seenX = true;
        else if (seenX) trailingX = false;
      }
      if ((len === 4 && trailingX && (FOLD[t.charCodeAt(s)] === 0x31 || FOLD[t.charCodeAt(s)] === 0x32)) || (trailingX && next === 0x5e74 /* 年 */ && len <= 4)) {
        this.push(s, e, 'x-run');
        return e;
      }
      if (xs === 1) {
        // County-road code `X195`; dimension `3x3`, `1920x1080`.
        if (FOLD[t.charCodeAt(s)] === 0x58 && digits >= 2 && !isDigit(this.at(s - 1)) && !this.followedByAmount(e)) return e;
        let k = s;
        while (!isX(FOLD[t.charCodeAt(k)])) k++;
        if (k > s && k < e - 1) return e;
      }
    }
    this.push(s, e, 'masked-number');
    return e;
  }

  /**
   * Where the masked number of `PMx.x` starts: the run `[s, e)` is one to four capital letters (not
   * `X`) then only x's around a dot. -1 otherwise (`Max.x` is not a code; `PM2.5` has no x).
   */
  private maskedAfterCode(s: number, e: number): number {
    const t = this.text;
    let k = s;
    while (k < e && FOLD[t.charCodeAt(k)] >= 0x41 && FOLD[t.charCodeAt(k)] <= 0x5a && FOLD[t.charCodeAt(k)] !== 0x58) k++;
    if (k === s || k - s > 4 || !isX(FOLD[t.charCodeAt(k)]) || !isX(FOLD[t.charCodeAt(e - 1)])) return -1;
    let dot = false;
    for (let j = k; j < e; j++) {
      if (FOLD[t.charCodeAt(j)] === 0x2e) dot = true;
      else if (!isX(FOLD[t.charCodeAt(j)])) return -1;
    }
    return dot ? k : -1;
  }

  /** Whether a number ending at `e` is followed by `%` or an amount character (万 亿 元 千 百). */
  private followedByAmount(e: number): boolean {
    const c = this.at(e);
    return c === 0x25 || c === 0x4e07 || c === 0x4ebf || c === 0x5143 || c === 0x5343 || c === 0x767e || c === 0x842c || c === 0x5104;
  }

  /** Whether a lone `x`/`X` at `[s, e)` stands for a number or a name. */
  private singleXCounts(s: number, e: number): boolean {
    const prev = this.at(s - 1);
    const next = this.at(e);
    // 3+X, 1+X证书, X+1: a formula, unless the other operand is itself a blank (x+x+x).
    if (prev === 0x2b || next === 0x2b) {
      const left = prev === 0x2b ? this.at(s - 2) : -1;
      const right = next === 0x2b ? this.at(e + 1) : -1;
      if (isX(left) || isX(right)) return true;
      if (isAlnum(left) || isAlnum(right)) return false;
    }
    // X光, X射线, X轴.
    if (next === 0x5149 /* 光 */ || next === 0x8f74 /* 轴 */ || (next === 0x5c04 /* 射 */ && this.at(e + 1) === 0x7ebf /* 线 */)) {
      return false;
    }
    // A Latin phrase: `Windows X`, `X Window`.
    if ((isBlank(prev) && isLetter(this.at(s - 2))) || (isBlank(next) && isLetter(this.at(e + 1)))) return false;
    if (this.ctx(s - 1) || this.ctx(e)) return true;
    // `新项目 x 个`: one space between the x and the Chinese text.
    return (isBlank(prev) && isIdeo(this.at(s - 2))) || (isBlank(next) && isIdeo(this.at(e + 1)));
  }

  // --- * _ = ----------------------------------------------------------------------------------

  private symbolRun(s: number, ch: number): number {
    let e = s;
    while (this.at(e) === ch) e++;
    const len = e - s;
    const prev = this.at(s - 1);
    const next = this.at(e);
    if (ch === 0x3d /* = */) {
      if (len >= 2 && (this.ctx(s - 1) || this.ctx(e))) this.push(s, e, 'equals');
      return e;
    }
    const form: PlaceholderForm = ch === 0x2a ? 'asterisk' : 'underscore';
    if (ch === 0x5f && isAlnum(prev) && isAlnum(next)) return e; // snake_case identifier
    if (this.ctx(s - 1) || this.ctx(e)) {
      this.push(s, e, form);
      return e;
    }
    // Alone on its line: `***` as the speaker is a blank; `* * *` and `*****` are dividers.
    const line = this.lineOnly(s, ch);
    if (line.only) {
      if (!line.spaced && line.count <= 4) this.push(s, e, form);
      return this.skipLine(e);
    }
    // `姓名： ____`: one space between the blank and the Chinese text.
    if ((isBlank(prev) && this.ctx(s - 2)) || (isBlank(next) && this.ctx(e + 1))) this.push(s, e, form);
    return e;
  }

  private skipLine(i: number): number {
    while (i < this.n && !isBreak(FOLD[this.text.charCodeAt(i)])) i++;
    return i;
  }

  // --- spaces where a number was ---------------------------------------------------------------

  private spaces(s: number): number {
    let e = s;
    while (isBlank(this.at(e))) e++;
    if (s > 0 && isIdeo(FOLD[this.text.charCodeAt(s - 1)]) && e < this.n) {
      const unit = this.matchUnit(e);
      if (unit && this.unitEndOk(unit, e + unit.text.length)) {
        if (this.endsWithAny(s, SPACED_VERBS_BY_LAST)) this.push(s, e, 'missing-number', 'medium');
        else this.push(s, e, 'blank-before-unit', unit.kind === 'count' ? 'medium' : 'high');
      }
    }
    return e;
  }

  private matchUnit(i: number): Unit | undefined {
    const list = UNITS_BY_FIRST.get(FOLD[this.text.charCodeAt(i)]);
    if (!list) return undefined;
    for (const u of list) if (this.startsWith(i, u.text)) return u;
    return undefined;
  }

  /** What may follow a unit whose number is missing: punctuation, a space, the end, or 以上/左右. */
  private unitEndOk(unit: Unit, e: number): boolean {
    if (unit.kind === 'pct') return true;
    if (e >= this.n) return true;
    const c = FOLD[this.text.charCodeAt(e)];
    if (c < 0x80) return !isAlnum(c);
    if ((c >= 0x3000 && c <= 0x303f) || (c >= 0x2010 && c <= 0x2027) || (c >= 0xfe10 && c <= 0xfe6f) || isBreak(c)) return true;
    if (this.startsWith(e, '左右')) return true;
    if (unit.kind !== 'big-money' && (this.startsWith(e, '以上') || this.startsWith(e, '以下'))) return true;
    return false;
  }

  // --- a number simply missing ------------------------------------------------------------------

  /** At a possible unit start: is the number before it missing (`生产总值亿元`, `增长%`)? */
  private unitAt(i: number): void {
    if (i === 0) return;
    const prev = FOLD[this.text.charCodeAt(i - 1)];
    if (!isIdeo(prev)) return;
    // Units (`人`, `家`, `元`) are common characters: unless a verb or amount word may end just
    // before, only `%` `‰` can be a missing number here, so the unit tables are not even read.
    const c = FOLD[this.text.charCodeAt(i)];
    if (ENDS_A_WORD[prev] === 0 && c !== 0x25 && c !== 0x2030) return;
    const unit = this.matchUnit(i);
    if (!unit) return;
    const e = i + unit.text.length;
    if (!this.unitEndOk(unit, e)) return;
    if (unit.kind === 'pct' && unit.text.length === 1) {
      // `%` straight after a Chinese character never has its number.
      this.push(i, e, 'missing-number', 'medium');
      return;
    }
    const index = unit.kind === 'count' ? COUNT_VERBS_BY_LAST : AMOUNT_WORDS_BY_LAST;
    if (this.endsWithAny(i, index)) this.push(i, e, 'missing-number', 'medium');
  }

  /** `年月日` with nothing before it (`（年月日）`, ` 年月日在…会议上`): a date left empty. */
  private emptyDate(s: number): void {
    if (this.at(s + 1) !== 0x6708 /* 月 */ || this.at(s + 2) !== 0x65e5 /* 日 */) {
      this.emptyYear(s);
      return;
    }
    const prev = this.at(s - 1);
    if (prev !== -1 && (isIdeo(prev) || isAlnum(prev) || prev === 0x2a || prev === 0x5f || prev === 0x2026)) return;
    this.push(s, s + 3, 'missing-number', 'medium');
  }

  /**
   * `年` opening a sentence with its year deleted: ` 年政府工作回顾`, ` 年，是我镇…`. Only at a line
   * start or after a space (never right after text, `今年是`, nor after a year, `2025 年工作`), and only
   * before `，` `是` or `工作`: no sentence opens with a bare `年` followed by them.
   */
  private emptyYear(s: number): void {
    let b = s - 1;
    while (b >= 0 && (isBlank(FOLD[this.text.charCodeAt(b)]) || isBreak(FOLD[this.text.charCodeAt(b)]))) b--;
    if (b === s - 1) return; // right after text or punctuation: `今年`, `2023年`
    // Past the spaces or the line break, the year itself must not stand (`2025 年`, a line wrapped in `2025\n年`).
    const prev = b >= 0 ? FOLD[this.text.charCodeAt(b)] : -1;
    if (isAlnum(prev) || CN_NUMERALS.has(prev) || prev === 0x2a || prev === 0x5f || prev === 0xd7 || prev === 0x25cb) return;
    const next = this.at(s + 1);
    if (next === 0x2c /* , */ || next === 0x662f /* 是 */ || this.startsWith(s + 1, '工作') || this.startsWith(s + 1, '政府工作')) {
      this.push(s, s + 1, 'missing-number', 'medium');
    }
  }


  /**
   * `投资5亿元，增长；`: a clause of only `增长` or `下降` after an amount has lost its rate. The blank is
   * the punctuation after it (the number goes in front of it, as in `同比增长%`).
   */
  private bareChange(s: number): void {
    if (!this.startsWith(s, '增长') && !this.startsWith(s, '下降')) return;
    const next = this.at(s + 2);
    if (next !== 0x2c && next !== 0x3b && next !== 0x3002) return; // , ; 。 (folded)
    if (this.at(s - 1) !== 0x2c) return;
    if (!AMOUNT_ENDS.has(this.at(s - 2))) return;
    this.push(s + 2, s + 3, 'missing-number', 'medium');
  }

  // --- …… at the end of a paragraph ----------------------------------------------------------

  private ellipsis(s: number, ch: number): number {
    let e = s;
    while (this.at(e) === ch) e++;
    let k = e;
    while (k < this.n && (isBlank(FOLD[this.text.charCodeAt(k)]) || FOLD[this.text.charCodeAt(k)] === 0xfeff)) k++;
    if (k >= this.n || isBreak(FOLD[this.text.charCodeAt(k)])) {
      // Not a line made only of dots (a divider).
      let b = s - 1;
      while (b >= 0 && isBlank(FOLD[this.text.charCodeAt(b)])) b--;
      if (b >= 0 && !isBreak(FOLD[this.text.charCodeAt(b)])) this.push(s, e, 'ellipsis-cut', 'medium');
    }
    return e;
  }

  // --- ×× ○○ 〇〇 ------------------------------------------------------------------------------

  private crossOrCircle(s: number, ch: number): number {
    let e = s;
    while (this.at(e) === ch) e++;
    const form: PlaceholderForm = ch === 0xd7 ? 'cross' : 'circle';
    if (e - s >= 2) {
      this.push(s, e, form);
      return e;
    }
    const prev = this.at(s - 1);
    const next = this.at(e);
    if (ch === 0xd7) {
      // `×镇` yes, `3×3` no.
      if (!isAlnum(prev) && !isAlnum(next) && !isBlank(prev) && !isBlank(next) && (isIdeo(prev) || isIdeo(next))) this.push(s, e, form);
    } else if (isIdeo(prev) && isIdeo(next)) {
      // A lone ○ between two characters; at a line start it is a bullet.
      this.push(s, e, form);
    }
    return e;
  }

  /** `〇〇镇` is a blank; `二〇〇八年` is a year. */
  private zeroRun(s: number): number {
    let e = s;
    while (this.at(e) === 0x3007) e++;
    if (e - s >= 2 && !CN_NUMERALS.has(this.at(s - 1)) && !CN_NUMERALS.has(this.at(e)) && !isDigit(this.at(e)) &&
      this.at(e) !== 0x5e74 /* 年 */) {
      this.push(s, e, 'circle');
    }
    return e;
  }

  // --- 某 -----------------------------------------------------------------------------------------

  private mou(s: number): number {
    let e = s;
    while (this.at(e) === 0x67d0) e++;
    if (e - s >= 2) {
      this.push(s, e, 'mou');
      return e;
    }
    for (const ex of MOU_EXCEPTIONS) if (this.startsWith(e, ex)) return e;
    for (const suffix of MOU_SUFFIXES) {
      if (this.startsWith(e, suffix)) {
        this.push(s, e, 'mou');
        return e;
      }
    }
    // 某年某月某日
    const next = this.at(e);
    if ((next === 0x5e74 || next === 0x6708 || next === 0x65e5) && (this.at(e + 1) === 0x67d0 || this.at(s - 2) === 0x67d0)) {
      this.push(s, e, 'mou');
    }
    return e;
  }

  // --- brackets -----------------------------------------------------------------------------------

  /** `〔…〕`, `〔 〕`, `【】`, `【单位名称】`; not `〔2024〕` nor `【打印本页】`. */
  private bracket(s: number, close: number): void {
    const limit = Math.min(this.n, s + 32);
    let k = s + 1;
    while (k < limit && FOLD[this.text.charCodeAt(k)] !== close && !isBreak(FOLD[this.text.charCodeAt(k)])) k++;
    if (k >= limit || FOLD[this.text.charCodeAt(k)] !== close) return;
    if (this.isFillContent(s + 1, k, true)) this.push(s, k + 1, 'bracket');
  }

  /** `（此处填写…）`, `（ ）`, `（单位名称）`. */
  private paren(s: number): void {
    const limit = Math.min(this.n, s + 40);
    let k = s + 1;
    while (k < limit && FOLD[this.text.charCodeAt(k)] !== 0x29 && !isBreak(FOLD[this.text.charCodeAt(k)])) k++;
    if (k >= limit || FOLD[this.text.charCodeAt(k)] !== 0x29) return;
    if (this.isFillContent(s + 1, k, false)) this.push(s, k + 1, 'bracket');
  }

  private isFillContent(a: number, b: number, lenient: boolean): boolean {
    // Trim spaces.
    let x = a;
    let y = b;
    while (x < y && isBlank(FOLD[this.text.charCodeAt(x)])) x++;
    while (y > x && isBlank(FOLD[this.text.charCodeAt(y - 1)])) y--;
    if (x === y) return true; // empty or spaces only
    let blankChars = true;
    for (let k = x; k < y && blankChars; k++) {
      const c = FOLD[this.text.charCodeAt(k)];
      blankChars = c === 0x2026 || c === 0x22ef || c === 0x2e || c === 0xb7 || c === 0x3002 || c === 0x2a || c === 0x5f ||
        c === 0xd7 || c === 0x25cb || c === 0x67d0 || c === 0x2d || c === 0x2014 || (lenient && isX(c));
    }
    if (blankChars) return true;
    for (const p of FILL_PREFIXES) if (this.startsWith(x, p)) return true;
    const len = y - x;
    for (const w of FILL_WORDS) if (w.length === len && this.startsWith(x, w)) return true;
    if (lenient && len <= 12) {
      for (const sfx of FILL_SUFFIXES) if (this.startsWith(y - sfx.length, sfx) && y - sfx.length >= x) return true;
    }
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldWidth(s.charCodeAt(i)));
  return out;
}

/**
 * Every unfilled blank in `text`, in document order and without overlaps. Offsets are UTF-16
 * offsets into `text` itself (a BOM, CRLF line ends and characters outside the BMP included).
 *
 * @example findPlaceholders('实现生产总值xx亿元，同比增长%') // x-run `xx` at 6–8, missing-number `%` at 15–16
 */
export function findPlaceholders(text: string, options: PlaceholderOptions = {}, memo?: Memo): Placeholder[] {
  return runToEnd(findPlaceholdersInSteps(text, options, memo));
}

/**
 * {@link findPlaceholders} with pauses (`yield`): after the scan, and while the user's extra
 * patterns work, so a caller can answer other requests meanwhile.
 */
export function* findPlaceholdersInSteps(text: string, options: PlaceholderOptions = {}, memo?: Memo): Generator<void, Placeholder[], void> {
  const extra = options.extraMatchers ?? [];
  const words = options.ignoreWords ?? [];
  let candidates: Candidate[];
  let cover: IgnoreWordCover | undefined;
  if (extra.length === 0 && words.length === 0) {
    // The usual settings: the scanner's candidates are all there is, and they are kept per line.
    const earlier = memo?.earlier<Candidate[]>(MEMO_KEY);
    candidates = (earlier && memo && rescanChanged(text, earlier.text, earlier.value, memo)) ?? scanAll(text);
    memo?.keep(MEMO_KEY, candidates);
  } else {
    const scanner = new Scanner(text);
    scanner.run();
    candidates = scanner.out;
    for (const matcher of extra) {
      yield;
      const found = matcher(text);
      for (const r of Array.isArray(found) ? found : yield* found) {
        const start = Math.max(0, Math.min(text.length, r.start));
        const end = Math.max(start, Math.min(text.length, r.end));
        if (end > start) candidates.push({ start, end, form: 'custom', confidence: 'high' });
      }
    }
    candidates.sort(byPosition);
    // Ignore words are checked only against candidates, in one pass (see `ignore-words.ts`).
    cover = new IgnoreWordCover(foldAll(text), words.map(foldString));
  }

  const result: Placeholder[] = [];
  let lastEnd = 0;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    if (cover && !cover.empty && cover.covers(c.start, c.end)) continue;
    result.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), form: c.form, confidence: c.confidence });
    lastEnd = c.end;
  }
  return result;
}

/** Where the memo keeps the scanner's candidates (see `incremental.ts`). */
const MEMO_KEY = 'placeholders';
/** Units of context the scanner reads around a changed range: its look-arounds reach a few units. */
const CONTEXT = 64;

const byPosition = (a: Candidate, b: Candidate) => a.start - b.start || b.end - a.end;

function scanAll(text: string): Candidate[] {
  const scanner = new Scanner(text);
  scanner.run();
  return inOrder(scanner.out);
}

/** Candidates by position: the scanner finds them almost always in order already, so sorted only when not. */
function inOrder(candidates: Candidate[]): Candidate[] {
  for (let k = 1; k < candidates.length; k++) if (byPosition(candidates[k - 1], candidates[k]) > 0) return candidates.sort(byPosition);
  return candidates;
}

/**
 * The candidates of `text` from those of an earlier version: kept before and after the lines that
 * changed (shifted after them), the changed lines scanned with some context around them. A candidate
 * never crosses a line break, and the scanner reads a few units around one; `undefined` (scan it
 * all) when a candidate would reach across the edge of the changed lines all the same.
 */
function rescanChanged(text: string, oldText: string, old: readonly Candidate[], memo: Memo): Candidate[] | undefined {
  if (oldText === text) return old.slice();
  const range = memo.changedSince(oldText, 16, 1);
  if (!range) return undefined;
  const out: Candidate[] = [];
  let k = 0;
  for (; k < old.length && old[k].start < range.start; k++) {
    if (old[k].end > range.start) return undefined;
    out.push(old[k]);
  }
  const from = Math.max(0, range.start - CONTEXT);
  const scanner = new Scanner(text.slice(from, Math.min(text.length, range.end + CONTEXT)));
  scanner.run();
  for (const c of inOrder(scanner.out)) {
    const start = c.start + from;
    if (start < range.start || start >= range.end) continue;
    if (c.end + from > range.end) return undefined;
    out.push({ start, end: c.end + from, form: c.form, confidence: c.confidence });
  }
  while (k < old.length && old[k].start < range.oldEnd) k++;
  for (; k < old.length; k++) {
    const c = old[k];
    out.push(range.delta === 0 ? c : { start: c.start + range.delta, end: c.end + range.delta, form: c.form, confidence: c.confidence });
  }
  return out;
}
