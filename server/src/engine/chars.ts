/**
 * Character classes for Chinese report text. Half-width and full-width forms are both normal input.
 */

/** Whitespace a report may hold: ASCII spaces and tabs, the full-width space `　`, NBSP, a BOM, zero-width space. */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 0x200b || code === 11 || code === 12;
}

/** A line break character (`\n` or `\r`). */
export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** A CJK ideograph (`中`), including extension A and the compatibility block; surrogate halves of extensions B+ count too. */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xd840 && code <= 0xd87f) // high surrogates of the supplementary ideographic plane
  );
}

/** An ASCII or full-width digit (`3`, `３`). */
export function isDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

/** The value of an ASCII or full-width digit. */
export function digitValue(code: number): number {
  return code >= 0xff10 ? code - 0xff10 : code - 48;
}

/**
 * Folds one UTF-16 unit the way NFKC does for full-width ASCII and wide spaces, keeping length 1 so
 * offsets into folded text are offsets into the original: U+FF01–U+FF5E → ASCII, U+3000 and U+00A0
 * → space, `﹪` → `%`; every other unit as it is.
 *
 * @example foldWidth(0xff38) // 0x58 (`Ｘ` → `X`)
 */
export function foldWidth(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000 || code === 0x00a0) return 0x20;
  if (code === 0xfe6a) return 0x25; // ﹪
  return code;
}

/** An ASCII or full-width Latin letter (`M`, `Ｍ`). */
export function isLatin(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

/**
 * Ends a sentence or clause after which a new heading may start inline: `。` `：` `；` `！` `？`
 * and their half-width forms.
 *
 * @example `…以下四个方面：（一）激发产业活力` — the `：` lets `（一）` start a heading.
 */
export function isSentenceEnd(code: number): boolean {
  return SENTENCE_END[code] === 1;
}

/** A lookup table: the hot loops test every character of the report. */
const SENTENCE_END = new Uint8Array(65536);
for (const c of '。：；！？:;!?') SENTENCE_END[c.charCodeAt(0)] = 1;

/**
 * Ends the text of a run-in or inline heading: `。` `！` `？` `；` `：` (and half-width `;` `:` `!` `?`).
 *
 * @example `（一）持续壮产业，在转型升级中点燃发展引擎。着力推动…` — the heading ends at `。`.
 */
export function endsHeadingText(code: number): boolean {
  return isSentenceEnd(code);
}

/**
 * Cuts `s` to about `max` characters at the last `，` `、` `；` boundary, adding `…`; never splits a
 * surrogate pair.
 *
 * @example shorten('坚持稳中求进工作总基调，着力创新和完善宏观调控，经济保持中高速增长', 20) // '坚持稳中求进工作总基调…'
 */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = -1;
  for (let i = max; i >= Math.floor(max / 3); i--) {
    const c = s.charCodeAt(i);
    if (c === 0xff0c || c === 44 || c === 0x3001 || c === 0xff1b) {
      cut = i;
      break;
    }
  }
  let end = cut > 0 ? cut : max;
  // Never split a surrogate pair.
  if (end > 0 && s.charCodeAt(end - 1) >= 0xd800 && s.charCodeAt(end - 1) <= 0xdbff) end--;
  return s.slice(0, end) + '…';
}

/** Traditional characters of the cue words, to their simplified forms (`工作總結` → `工作总结`), in pairs; `畫` maps to `划` for `計畫`. */
const PAIRS = '總总結结顧顾問问題题況况開开將将們们計计劃划畫划點点標标難难戰战認认識识實实達达現现還还進进過过這这經经濟济層层關关幹干當当舉举節节務务後后與与來来請请審审議议鎮镇會会報报貫贯徹彻導导應应對对頓顿職职預预體体績绩設设潔洁領领辦办驗验習习發发區区屆届機机構构業业產产農农決决處处';
const TRADITIONAL = new Map<number, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) TRADITIONAL.set(PAIRS.charCodeAt(i), PAIRS[i + 1]);
const IS_TRADITIONAL = new Uint8Array(0x10000);
for (const c of TRADITIONAL.keys()) IS_TRADITIONAL[c] = 1;

/**
 * Maps the traditional characters of report vocabulary to simplified ones, one unit for one, so
 * cue words match templates in traditional script.
 *
 * @example simplify('2024年鄉鎮工作總結和工作計畫') // '2024年鄉镇工作总结和工作计划'
 */
export function simplify(s: string): string {
  let i = 0;
  while (i < s.length && IS_TRADITIONAL[s.charCodeAt(i)] === 0) i++;
  if (i === s.length) return s;
  // Runs between traditional characters are copied whole: a string grown one unit at a time was a
  // rope of millions of pieces on a 10 MB paragraph (flattened text), and half the analysis was GC.
  const parts: string[] = [];
  let from = 0;
  for (; i < s.length; i++) {
    if (IS_TRADITIONAL[s.charCodeAt(i)] === 0) continue;
    parts.push(s.slice(from, i), TRADITIONAL.get(s.charCodeAt(i))!);
    from = i + 1;
  }
  parts.push(s.slice(from));
  return parts.join('');
}

/**
 * Whether {@link simplify} changes this code unit, for a caller that reads the units anyway and
 * can skip a second pass over a text that has none.
 *
 * @example isTraditional('總'.charCodeAt(0)) // true; isTraditional('总'.charCodeAt(0)) // false
 */
export function isTraditional(code: number): boolean {
  return IS_TRADITIONAL[code] === 1;
}
