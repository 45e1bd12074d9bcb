// Generated report texts shared by the benchmark scripts (`bench.mjs`, `rule-times.mjs`).

/** Bytes in a MiB, the unit the scripts size texts in. */
export const MiB = 1024 * 1024;

const CN_DIGITS = '零一二三四五六七八九';

/**
 * A number as Chinese numerals, as report headings write it.
 *
 * @example chineseNumeral(305) // '三百零五' (1 → 一, 12 → 十二; up to 9999)
 */
export function chineseNumeral(n) {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  let out = '';
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += CN_DIGITS[d] + units[i];
  });
  return out;
}

/**
 * The bench's "headings" shape: a numbered tree three levels deep, one short sentence under each
 * point, until the text weighs `mb` MiB of UTF-8 (some 28,000 headings per MiB).
 *
 * @example headingsShape(0.01) // '某镇2024年工作总结\n一、第1方面工作\n（一）第1项任务\n1.推进第1项措施。按期完成。\n…'
 */
export function headingsShape(mb) {
  const parts = ['某镇2024年工作总结\n'];
  let bytes = 0;
  for (let a = 1; bytes < mb * MiB; a++) {
    let block = `${chineseNumeral(((a - 1) % 9999) + 1)}、第${a}方面工作\n`;
    for (let b = 1; b <= 9; b++) {
      block += `（${chineseNumeral(b)}）第${b}项任务\n`;
      for (let c = 1; c <= 5; c++) block += `${c}.推进第${c}项措施。按期完成。\n`;
    }
    parts.push(block);
    bytes += Buffer.byteLength(block);
  }
  return parts.join('');
}

/**
 * The value of `--name value` in the script's arguments, or `fallback`.
 *
 * @example option(['--mb', '10'], 'mb', '1') // '10'
 */
export function option(argv, name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}
