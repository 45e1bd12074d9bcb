/**
 * Recognises a heading marker at a position: `一、` `（一）` `(一)` `1.` `1、` `（1）` `①` `一是`
 * `第一，` `第一部分` `——` `a.`.
 */
import { digitValue, isBlank, isCjk, isDigit, isLatin } from './chars';
import type { BracketWidth, HeadingFamily, Marker } from './model';
import { circledValue, digitFullStopValue, isChineseNumeralChar, parenthesizedDigitValue, parseChineseNumeral } from './numerals';

const OPEN_FULL = 0xff08; // （
const OPEN_HALF = 40; // (
const CLOSE_FULL = 0xff09; // ）
const CLOSE_HALF = 41; // )

/** Punctuation that may follow a number: `、` `.` `．` `，` `,`. */
function isMarkerPunctuation(code: number): boolean {
  return code === 0x3001 || code === 46 || code === 0xff0e || code === 0xff0c || code === 44;
}

/**
 * Where a marker was found: at the start of a paragraph, or inline after a sentence end.
 * Some families only start paragraphs (`——`, `a.`, `第一部分`).
 */
export type MarkerContext = 'paragraph-start' | 'inline';

/**
 * The marker at `pos`, or `undefined`. `limit` is the end of the paragraph.
 *
 * @example matchMarker('（二）建管并重', 0, 7, 'paragraph-start') // { family: 'cn-paren', value: 2, text: '（二）', ... }
 * @example matchMarker('广义货币M2、信贷', 4, 9, 'inline') // undefined: no sentence end before it
 */
export function matchMarker(text: string, pos: number, limit: number, context: MarkerContext): Marker | undefined {
  if (pos >= limit) return undefined;
  const c = text.charCodeAt(pos);
  let marker: Marker | undefined;
  if (c === OPEN_FULL || c === OPEN_HALF) marker = bracketed(text, pos, limit);
  else if (isDigit(c)) marker = arabic(text, pos, limit);
  else if (c === 0x7b2c /* 第 */) marker = ordinal(text, pos, limit, context);
  else if (c === 0x2014 /* — */) marker = context === 'paragraph-start' ? dash(text, pos, limit) : undefined;
  else if (circledValue(c) !== undefined) marker = single(text, pos, 'circled', circledValue(c)!);
  else if (parenthesizedDigitValue(c) !== undefined) marker = single(text, pos, 'arabic-paren', parenthesizedDigitValue(c)!);
  else if (digitFullStopValue(c) !== undefined) marker = single(text, pos, 'arabic', digitFullStopValue(c)!);
  else if (isChineseNumeralChar(text[pos])) marker = chinese(text, pos, limit);
  else if (isLatin(c) && context === 'paragraph-start') marker = latin(text, pos, limit);
  if (!marker) return undefined;
  // A marker must be followed by heading text, not by the end of the paragraph or another number (`一、二、三产业`).
  let after = marker.end;
  while (after < limit && isBlank(text.charCodeAt(after))) after++;
  if (after >= limit) return marker.family === 'dash' ? undefined : marker;
  const next = text.charCodeAt(after);
  if (marker.family === 'cn-dun' && isChineseNumeralChar(text[after]) && isMarkerPunctuation(text.charCodeAt(after + 1))) return undefined;
  if (marker.family === 'arabic' && isDigit(next)) return undefined;
  marker.spaceAfter = text.slice(marker.end, after);
  return marker;
}

function make(family: HeadingFamily, value: number, text: string, start: number, end: number, numeral: string, punctuation: string, extra?: Partial<Marker>): Marker {
  return { family, value, text: text.slice(start, end), numeral, punctuation, spaceAfter: '', start, end, ...extra };
}

/** `（一）` `(一)` `（1）` `(1)`, optionally followed by wrong punctuation (`（一）、`). */
function bracketed(text: string, pos: number, limit: number): Marker | undefined {
  const open = text.charCodeAt(pos);
  let i = pos + 1;
  let family: HeadingFamily;
  let value: number | undefined;
  let fullWidthDigits = false;
  if (i < limit && isDigit(text.charCodeAt(i))) {
    let n = 0;
    const first = i;
    while (i < limit && isDigit(text.charCodeAt(i)) && i - first < 3) {
      fullWidthDigits = text.charCodeAt(i) >= 0xff10;
      n = n * 10 + digitValue(text.charCodeAt(i));
      i++;
    }
    family = 'arabic-paren';
    value = n;
  } else {
    const first = i;
    while (i < limit && isChineseNumeralChar(text[i]) && i - first < 4) i++;
    value = parseChineseNumeral(text.slice(first, i));
    family = 'cn-paren';
  }
  if (!value) return undefined;
  const close = text.charCodeAt(i);
  if (close !== CLOSE_FULL && close !== CLOSE_HALF) return undefined;
  const numeral = text.slice(pos + 1, i);
  i++;
  const brackets: BracketWidth = open === OPEN_FULL && close === CLOSE_FULL ? 'full' : open === OPEN_HALF && close === CLOSE_HALF ? 'half' : 'mixed';
  let punctuation = '';
  if (i < limit && isMarkerPunctuation(text.charCodeAt(i))) punctuation = text[i++];
  return make(family, value, text, pos, i, numeral, punctuation, { brackets, fullWidthDigits: fullWidthDigits || undefined });
}

/** `1.` `1、` `1．` `１．` — never `3.5` (a decimal) and never a bare year. */
function arabic(text: string, pos: number, limit: number): Marker | undefined {
  let i = pos;
  let n = 0;
  let fullWidthDigits = false;
  while (i < limit && isDigit(text.charCodeAt(i))) {
    if (i - pos >= 2) return undefined;
    fullWidthDigits = text.charCodeAt(i) >= 0xff10;
    n = n * 10 + digitValue(text.charCodeAt(i));
    i++;
  }
  if (n === 0 || i >= limit) return undefined;
  const p = text.charCodeAt(i);
  if (p !== 46 && p !== 0x3001 && p !== 0xff0e) return undefined;
  return make('arabic', n, text, pos, i + 1, text.slice(pos, i), text[i], { fullWidthDigits: fullWidthDigits || undefined });
}

/** `一、` `十二、` `一.` (wrong but seen), and the points `一是` `二要`. */
function chinese(text: string, pos: number, limit: number): Marker | undefined {
  let i = pos;
  while (i < limit && isChineseNumeralChar(text[i]) && i - pos < 4) i++;
  const numeral = text.slice(pos, i);
  const value = parseChineseNumeral(numeral);
  if (!value || i >= limit) return undefined;
  const p = text.charCodeAt(i);
  if (p === 0x3001 /* 、 */ || p === 46 || p === 0xff0e || p === 0xff0c /* ， */) {
    if (p === 0xff0c && numeral.length > 1) return undefined;
    return make('cn-dun', value, text, pos, i + 1, numeral, text[i]);
  }
  if (p === 0x662f /* 是 */ || p === 0x8981 /* 要 */) {
    // `一是` needs words after it; `一要求` is a word, not a point.
    const next = text.charCodeAt(i + 1);
    if (i + 1 >= limit || next === 0x6c42 /* 求 */ || next === 0x7d20 /* 素 */ || next === 0x70b9 /* 点 */) return undefined;
    return make('cn-point', value, text, pos, i + 1, numeral, '', { numeral: numeral + text[i] });
  }
  return undefined;
}

/** `第一，` (a point), `第一部分` `第一章` `第一篇` (parts). `第一` inside a sentence is not a marker. */
function ordinal(text: string, pos: number, limit: number, context: MarkerContext): Marker | undefined {
  let i = pos + 1;
  while (i < limit && isChineseNumeralChar(text[i]) && i - pos < 5) i++;
  const numeral = text.slice(pos + 1, i);
  const value = parseChineseNumeral(numeral);
  if (!value || i >= limit) return undefined;
  const p = text.charCodeAt(i);
  if (p === 0xff0c /* ， */ || p === 44 || p === 0x3001 /* 、 */ || p === 0xff1a /* ： */) {
    return make('cn-ordinal', value, text, pos, i + 1, numeral, text[i]);
  }
  if (context === 'paragraph-start') {
    for (const word of ['部分', '章', '篇']) {
      if (text.startsWith(word, i)) {
        let end = i + word.length;
        let punctuation = '';
        if (end < limit && isMarkerPunctuation(text.charCodeAt(end))) punctuation = text[end++];
        return make('part', value, text, pos, end, numeral, punctuation);
      }
    }
  }
  return undefined;
}

/** `——` opening a paragraph (a highlighted point). */
function dash(text: string, pos: number, limit: number): Marker | undefined {
  let i = pos;
  while (i < limit && text.charCodeAt(i) === 0x2014) i++;
  if (i - pos < 2) return undefined;
  // A dash line that is a date line (`——2023年3月5日在…会议上`) is front matter, not a point.
  if (isDigit(text.charCodeAt(i))) return undefined;
  return make('dash', 0, text, pos, i, '', '');
}

/** `①`, `⑴`, `⒈`: one code point carries the number. */
function single(text: string, pos: number, family: HeadingFamily, value: number): Marker {
  let end = pos + 1;
  let punctuation = '';
  if (isMarkerPunctuation(text.charCodeAt(end))) punctuation = text[end++];
  return make(family, value, text, pos, end, text[pos], punctuation);
}

/** `a.` `B、` at the start of a paragraph, followed by Chinese text. */
function latin(text: string, pos: number, limit: number): Marker | undefined {
  if (pos + 2 >= limit) return undefined;
  const p = text.charCodeAt(pos + 1);
  if (p !== 46 && p !== 0x3001 && p !== 0xff0e) return undefined;
  let after = pos + 2;
  while (after < limit && isBlank(text.charCodeAt(after))) after++;
  if (!isCjk(text.charCodeAt(after))) return undefined;
  const letter = text[pos].toLowerCase();
  const value = letter.charCodeAt(0) - 96;
  if (value < 1 || value > 26) return undefined;
  return make('latin', value, text, pos, pos + 2, text[pos], text[pos + 1]);
}
