/**
 * The numbers Word's list feature draws in front of paragraphs (`一、` `（一）` `1.` `①`), which are
 * shown on screen and printed but are not in the paragraph's text: read from `word/numbering.xml`
 * and counted the way Word counts them.
 */
import { toChineseNumeral, toCircled, toFullWidthDigits } from '../engine/numerals';
import { child, childElements, parseXml, type XmlElement } from './xml';

/** One level of a list definition (`w:lvl`): `{ start: 1, format: 'chineseCounting', text: '%1、', suffix: 'tab' }` draws `一、`. */
export interface ListLevel {
  /** First value (`w:start`), 1 when absent. */
  start: number;
  /** `w:numFmt`: `chineseCounting`, `decimal`, `decimalEnclosedCircle`, `bullet`, `none`, … */
  format: string;
  /** `w:lvlText`, e.g. `%1、` `（%2）` `%1.%2`. */
  text: string;
  /** `w:suff`: what Word puts between the number and the text: `tab` (default), `space`, `nothing`. */
  suffix: 'tab' | 'space' | 'nothing';
  /** `w:isLgl`: every level number in this label is written in Arabic digits. */
  legal: boolean;
  /** `w:lvlRestart`: the level (1-based) whose use restarts this one; 0 = never. Absent: any higher level. */
  restartAfter?: number;
}

/** A list instance (`w:num`): its abstract definition, and the levels it overrides. */
interface ListInstance {
  abstractId: string;
  /** Per level: a different start value (`w:startOverride`), and/or a whole replacement level. */
  overrides: Map<number, { start?: number; level?: ListLevel }>;
}

/** The parsed `word/numbering.xml`: list definitions (`一、`/`（一）`/`1.` levels) and the list instances using them. */
export interface NumberingDefinitions {
  abstracts: Map<string, ListLevel[]>;
  instances: Map<string, ListInstance>;
}

/**
 * Parses `word/numbering.xml`.
 *
 * @example parseNumbering(xml).instances.get('1')?.abstractId // '0'
 */
export function parseNumbering(xml: string | undefined): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstracts: new Map(), instances: new Map() };
  if (!xml) return defs;
  const root = parseXml(xml);
  const styleLinks = new Map<string, ListLevel[]>();
  const numStyleLinks: [string, string][] = [];
  for (const abs of childElements(root, 'abstractNum')) {
    const levels: ListLevel[] = [];
    for (const lvl of childElements(abs, 'lvl')) levels[Number(lvl.attrs.ilvl ?? 0)] = parseLevel(lvl);
    const id = abs.attrs.abstractNumId ?? '';
    defs.abstracts.set(id, levels);
    const styleLink = child(abs, 'styleLink')?.attrs.val;
    if (styleLink) styleLinks.set(styleLink, levels);
    const numStyleLink = child(abs, 'numStyleLink')?.attrs.val;
    if (numStyleLink && levels.length === 0) numStyleLinks.push([id, numStyleLink]);
  }
  // A list that uses a list style (`w:numStyleLink`) has no levels of its own: they are those of
  // the definition that defines the style (`w:styleLink`), as Word's multilevel list styles write it.
  for (const [id, style] of numStyleLinks) {
    const levels = styleLinks.get(style);
    if (levels) defs.abstracts.set(id, levels);
  }
  for (const num of childElements(root, 'num')) {
    const overrides = new Map<number, { start?: number; level?: ListLevel }>();
    for (const o of childElements(num, 'lvlOverride')) {
      const startOverride = child(o, 'startOverride')?.attrs.val;
      const lvl = child(o, 'lvl');
      overrides.set(Number(o.attrs.ilvl ?? 0), {
        start: startOverride !== undefined ? Number(startOverride) : undefined,
        level: lvl ? parseLevel(lvl) : undefined,
      });
    }
    defs.instances.set(num.attrs.numId ?? '', { abstractId: child(num, 'abstractNumId')?.attrs.val ?? '', overrides });
  }
  return defs;
}

function parseLevel(lvl: XmlElement): ListLevel {
  const suff = child(lvl, 'suff')?.attrs.val;
  const restart = child(lvl, 'lvlRestart')?.attrs.val;
  const legal = child(lvl, 'isLgl');
  return {
    start: Number(child(lvl, 'start')?.attrs.val ?? 1),
    format: child(lvl, 'numFmt')?.attrs.val ?? 'decimal',
    text: child(lvl, 'lvlText')?.attrs.val ?? '',
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    legal: !!legal && legal.attrs.val !== '0' && legal.attrs.val !== 'false',
    restartAfter: restart !== undefined ? Number(restart) : undefined,
  };
}

/**
 * Counts list paragraphs in document order and gives each its label as Word draws it.
 * Word keeps one set of counters per abstract definition, so two list instances of the same
 * definition continue each other, unless an instance restarts a level with `w:startOverride`.
 *
 * @example
 * const counter = new ListCounter(parseNumbering(xml));
 * counter.next('1', 0) // '一、'
 * counter.next('1', 1) // '（一）'
 * counter.next('1', 0) // '二、'
 */
export class ListCounter {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /**
   * The label of the next paragraph of list `numId` at level `ilvl`, and what Word puts after it;
   * `undefined` when the paragraph is not numbered (no such list, `numId` 0, a bullet).
   */
  next(numId: string, ilvl: number): { label: string; suffix: ListLevel['suffix'] } | undefined {
    const instance = this.defs.instances.get(numId);
    if (!instance || numId === '0') return undefined;
    const levels = this.levelsOf(instance);
    const level = levels[ilvl];
    if (!level) return undefined;
    const key = instance.overrides.size > 0 ? `num:${numId}` : `abs:${instance.abstractId}`;
    let counts = this.counters.get(key) as number[] | undefined;
    if (!counts) this.counters.set(key, (counts = []));
    counts[ilvl] = counts[ilvl] === undefined ? this.startOf(instance, levels, ilvl) : counts[ilvl] + 1;
    for (let deeper = ilvl + 1; deeper < Math.max(counts.length, levels.length); deeper++) {
      const restart = levels[deeper]?.restartAfter;
      if (restart === undefined || (restart > 0 && restart <= ilvl + 1)) counts[deeper] = undefined as unknown as number;
    }
    if (level.format === 'bullet' || level.format === 'none') return undefined;
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const source = levels[k];
      if (!source) return '';
      const value = counts![k] ?? this.startOf(instance, levels, k);
      return formatNumber(value, level.legal && k < ilvl ? 'decimal' : source.format);
    });
    return { label, suffix: level.suffix };
  }

  /** A level's first value: the instance's `w:startOverride`, else the level's `w:start`. */
  private startOf(instance: ListInstance, levels: ListLevel[], ilvl: number): number {
    return instance.overrides.get(ilvl)?.start ?? levels[ilvl]?.start ?? 1;
  }

  private levelsOf(instance: ListInstance): ListLevel[] {
    const base = this.defs.abstracts.get(instance.abstractId) ?? [];
    if (![...instance.overrides.values()].some((o) => o.level)) return base;
    const levels = base.slice();
    for (const [ilvl, o] of instance.overrides) if (o.level) levels[ilvl] = o.level;
    return levels;
  }
}

/**
 * What a reader of the text sees between a list number and the paragraph: Word's tab after `一、`
 * or `1.` before Chinese text reads as no gap (`1.推进…`, as typed reports write it); between
 * Latin characters (`1. Plan`) it reads as a space.
 *
 * @example listSeparator('1.', 'tab', 'Plan') // ' '
 * @example listSeparator('1.', 'tab', '推进农产品加工') // ''
 */
export function listSeparator(label: string, suffix: ListLevel['suffix'], text: string): string {
  if (suffix === 'nothing' || label === '') return '';
  if (suffix === 'space') return ' ';
  return /[\u0021-\u007e]$/.test(label) && /^[A-Za-z0-9]/.test(text) ? ' ' : '';
}

const LEGAL = '零壹贰叁肆伍陆柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/**
 * Writes a list number in one of Word's number formats (`w:numFmt`).
 *
 * @example formatNumber(3, 'chineseCounting') // '三'
 * @example formatNumber(12, 'chineseCountingThousand') // '十二'
 * @example formatNumber(2, 'decimalEnclosedCircle') // '②'
 * @example formatNumber(1, 'ideographTraditional') // '甲'
 */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return n === 0 ? '〇' : toChineseNumeral(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/[0-9]/g, (d) => '〇一二三四五六七八九'[Number(d)]);
    case 'chineseLegalSimplified':
      return n >= 1 && n <= 9 ? LEGAL[n] : n === 10 ? '拾' : toChineseNumeral(n);
    case 'ideographTraditional':
      return STEMS[(n - 1 + STEMS.length * 100) % STEMS.length];
    case 'ideographZodiac':
      return BRANCHES[(n - 1 + BRANCHES.length * 100) % BRANCHES.length];
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? toCircled(n) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return toFullWidthDigits(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/** Word's letter numbering repeats the letter: 27 → `aa`. */
function letters(n: number): string {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(0x61 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [value, symbol] of table) while (n >= value) (out += symbol), (n -= value);
  return out;
}
