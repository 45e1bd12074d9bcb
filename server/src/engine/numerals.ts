/**
 * Chinese, Arabic and circled numerals as used in heading markers.
 */

const CN_DIGITS = '〇一二三四五六七八九';

/** Whether `ch` can be part of a Chinese numeral in a marker (`一` … `十`, `〇`, `零`, `两`). */
export function isChineseNumeralChar(ch: string): boolean {
  return CN_DIGITS.includes(ch) || ch === '十' || ch === '零' || ch === '百';
}

/**
 * The value of a Chinese numeral up to 999, or `undefined` when it is not one.
 *
 * @example parseChineseNumeral('十二') // 12
 * @example parseChineseNumeral('二十') // 20
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0 || s.length > 5) return undefined;
  let total = 0;
  let current = -1;
  for (const ch of s) {
    const d = ch === '零' ? 0 : CN_DIGITS.indexOf(ch);
    if (d >= 0) {
      if (current >= 0 && s.length > 1 && !s.includes('十') && !s.includes('百')) {
        current = current * 10 + d; // 一〇 style
      } else current = d;
    } else if (ch === '十') {
      total += (current < 0 ? 1 : current) * 10;
      current = -1;
    } else if (ch === '百') {
      if (current <= 0) return undefined;
      total += current * 100;
      current = -1;
    } else return undefined;
  }
  if (current > 0) total += current;
  return total > 0 ? total : undefined;
}

/**
 * Writes `n` (1–999) as a Chinese numeral.
 *
 * @example toChineseNumeral(12) // '十二'
 * @example toChineseNumeral(21) // '二十一'
 */
export function toChineseNumeral(n: number): string {
  if (n <= 0 || n >= 1000 || !Number.isInteger(n)) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds) out += CN_DIGITS[hundreds] + '百';
  if (tens) out += (tens === 1 && !hundreds ? '' : CN_DIGITS[tens]) + '十';
  else if (hundreds && ones) out += '零';
  if (ones) out += CN_DIGITS[ones];
  return out;
}

/** The value of a circled number `①`–`⑳`, or `undefined`. */
export function circledValue(code: number): number | undefined {
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  return undefined;
}

/**
 * Writes `n` as a circled number (`3` → `③`); above 20 falls back to `(n)`.
 */
export function toCircled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `(${n})`;
}

/** The value of a parenthesised digit `⑴`–`⒇`, or `undefined`. */
export function parenthesizedDigitValue(code: number): number | undefined {
  if (code >= 0x2474 && code <= 0x2487) return code - 0x2474 + 1;
  return undefined;
}

/** The value of a digit with full stop `⒈`–`⒛`, or `undefined`. */
export function digitFullStopValue(code: number): number | undefined {
  if (code >= 0x2488 && code <= 0x249b) return code - 0x2488 + 1;
  return undefined;
}

/** Writes `n` with full-width digits (`12` → `１２`). */
export function toFullWidthDigits(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}
