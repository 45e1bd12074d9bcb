/**
 * How a document writes its heading numbers, and how to write a number in that style.
 * Shared by the numbering rules, renumbering, and next-number completion.
 */
import type { BracketWidth, HeadingFamily, Marker } from './model';
import { toChineseNumeral, toCircled, toFullWidthDigits } from './numerals';

/**
 * The written form of a marker family in one document.
 *
 * @example `（一）` → `{ family: 'cn-paren', brackets: 'full', punctuation: '' }`; `1、` → `{ family: 'arabic', punctuation: '、' }`
 */
export interface MarkerStyle {
  family: HeadingFamily;
  /** Punctuation after the number: `、` for `一、`, `.` or `．` for `1.`, `` for `（一）`. */
  punctuation: string;
  brackets?: BracketWidth;
  fullWidthDigits?: boolean;
  /** For `一是`/`一要` points: the verb (`是`, `要`). */
  pointVerb?: string;
  /** For `第一，` points: the comma used. */
}

/** The style a marker is written in. */
export function styleOf(marker: Marker): MarkerStyle {
  return {
    family: marker.family,
    punctuation: marker.punctuation,
    brackets: marker.brackets,
    fullWidthDigits: marker.fullWidthDigits,
    pointVerb: marker.family === 'cn-point' ? marker.numeral.slice(-1) : undefined,
  };
}

/**
 * The standard style of a family per GB/T 9704 and GB/T 15834 B.3: `一、` `（一）` `1.` `（1）` `①` `第一，`.
 */
export function standardStyle(family: HeadingFamily): MarkerStyle {
  switch (family) {
    case 'cn-dun':
      return { family, punctuation: '、' };
    case 'cn-paren':
    case 'arabic-paren':
      return { family, punctuation: '', brackets: 'full' };
    case 'arabic':
    case 'latin':
      return { family, punctuation: '.' };
    case 'cn-ordinal':
      return { family, punctuation: '，' };
    case 'cn-point':
      return { family, punctuation: '', pointVerb: '是' };
    default:
      return { family, punctuation: '' };
  }
}

/**
 * Writes number `value` in `style`.
 *
 * @example formatMarker(3, { family: 'cn-paren', punctuation: '', brackets: 'full' }) // '（三）'
 * @example formatMarker(12, { family: 'arabic', punctuation: '、' }) // '12、'
 * @example formatMarker(2, { family: 'cn-point', punctuation: '', pointVerb: '要' }) // '二要'
 */
export function formatMarker(value: number, style: MarkerStyle): string {
  const [open, close] = style.brackets === 'half' ? ['(', ')'] : style.brackets === 'mixed' ? ['（', '）'] : ['（', '）'];
  const digits = style.fullWidthDigits ? toFullWidthDigits(value) : String(value);
  switch (style.family) {
    case 'part':
      return `第${toChineseNumeral(value)}部分${style.punctuation}`;
    case 'cn-dun':
      return `${toChineseNumeral(value)}${style.punctuation || '、'}`;
    case 'cn-paren':
      return `${open}${toChineseNumeral(value)}${close}${style.punctuation}`;
    case 'arabic':
      return `${digits}${style.punctuation || '.'}`;
    case 'arabic-paren':
      return `${open}${digits}${close}${style.punctuation}`;
    case 'circled':
      return `${toCircled(value)}${style.punctuation}`;
    case 'latin':
      return `${String.fromCharCode(96 + Math.min(Math.max(value, 1), 26))}${style.punctuation || '.'}`;
    case 'cn-point':
      return `${toChineseNumeral(value)}${style.pointVerb ?? '是'}`;
    case 'cn-ordinal':
      return `第${toChineseNumeral(value)}${style.punctuation || '，'}`;
    case 'dash':
      return '——';
    default:
      return '';
  }
}

/** Families whose markers carry a number that can be renumbered. */
export function isNumbered(family: HeadingFamily): boolean {
  return family !== 'dash' && family !== 'title' && family !== 'lead';
}

/**
 * Where the number sits inside a marker, in document offsets: `（三）` → the `三`, `三是` → the `三`,
 * `第三，` → the `三`, `12、` → the `12`. Renumbering replaces this span only, so brackets,
 * punctuation and the point verb stay exactly as written.
 */
export function numeralSpan(marker: Marker): { start: number; end: number } {
  switch (marker.family) {
    case 'cn-paren':
    case 'arabic-paren': {
      // `⑴` is one code point carrying brackets and number.
      if (marker.numeral.length === 1 && marker.text.length <= 2 && marker.text[0] === marker.numeral) return { start: marker.start, end: marker.start + 1 };
      return { start: marker.start + 1, end: marker.start + 1 + marker.numeral.length };
    }
    case 'part':
    case 'cn-ordinal':
      return { start: marker.start + 1, end: marker.start + 1 + marker.numeral.length };
    case 'cn-point':
      return { start: marker.start, end: marker.start + marker.numeral.length - 1 };
    case 'dash':
    case 'title':
    case 'lead':
      return { start: marker.start, end: marker.start };
    default:
      return { start: marker.start, end: marker.start + marker.numeral.length };
  }
}

/**
 * Writes `value` the way `marker` writes its number: Chinese (`十二`), Arabic keeping full-width
 * digits (`１２`), circled (`⑫`), `⑴`/`⒈` forms, or a Latin letter keeping its case.
 *
 * @example writeNumeral(markerOf('（二）'), 3) // '三'
 * @example writeNumeral(markerOf('２．'), 3) // '３'
 */
export function writeNumeral(marker: Marker, value: number): string {
  const single = marker.numeral.length === 1 ? marker.numeral.charCodeAt(0) : 0;
  switch (marker.family) {
    case 'part':
    case 'cn-dun':
    case 'cn-paren':
    case 'cn-ordinal':
    case 'cn-point':
      return toChineseNumeral(value);
    case 'arabic':
    case 'arabic-paren':
      if (single >= 0x2474 && single <= 0x2487) return value >= 1 && value <= 20 ? String.fromCharCode(0x2474 + value - 1) : `(${value})`;
      if (single >= 0x2488 && single <= 0x249b) return value >= 1 && value <= 20 ? String.fromCharCode(0x2488 + value - 1) : `${value}.`;
      return marker.fullWidthDigits ? toFullWidthDigits(value) : String(value);
    case 'circled':
      return toCircled(value);
    case 'latin': {
      const letter = String.fromCharCode(96 + Math.min(Math.max(value, 1), 26));
      return /[A-Z\uff21-\uff3a]/.test(marker.numeral) ? letter.toUpperCase() : letter;
    }
    default:
      return '';
  }
}

/**
 * The marker's text with its number changed to `value` and nothing else.
 *
 * @example markerWithValue(markerOf('(二)、'), 3) // '(三)、'
 * @example markerWithValue(markerOf('二要'), 3) // '三要'
 */
export function markerWithValue(marker: Marker, value: number): string {
  if (!isNumbered(marker.family)) return marker.text;
  const span = numeralSpan(marker);
  return marker.text.slice(0, span.start - marker.start) + writeNumeral(marker, value) + marker.text.slice(span.end - marker.start);
}
