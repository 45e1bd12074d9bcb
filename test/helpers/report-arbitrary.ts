/**
 * fast-check generators of random reports (issue 9): every heading form and width, placeholders,
 * CRLF/CR/LF, a BOM, tabs, full-width spaces, characters outside the BMP and junk. Shared by the
 * property tests (`test/engine/properties.test.ts`, `test/engine/incremental.test.ts`).
 */
import fc from 'fast-check';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '二十'];
const DIGITS = ['1', '2', '3', '4', '9', '10', '12', '１', '２', '３', '１０'];
const numeral = fc.constantFrom(...CN);
const digits = fc.constantFrom(...DIGITS);

/** Every heading marker form, in half and full width. */
const marker = fc.oneof(
  numeral.map((n) => `${n}、`),
  numeral.map((n) => `${n}.`),
  numeral.map((n) => `（${n}）`),
  numeral.map((n) => `(${n})`),
  numeral.map((n) => `(${n}）`),
  digits.map((d) => `${d}.`),
  digits.map((d) => `${d}、`),
  digits.map((d) => `${d}．`),
  digits.map((d) => `（${d}）`),
  digits.map((d) => `(${d})`),
  fc.constantFrom('①', '②', '③', '⑩', '⑴', '⒈'),
  numeral.map((n) => `${n}是`),
  numeral.map((n) => `${n}要`),
  numeral.map((n) => `第${n}，`),
  numeral.map((n) => `第${n}部分`),
  fc.constant('——'),
  fc.constantFrom('a.', 'B、'),
);

const placeholder = fc.constantFrom('xx', 'XX', 'ＸＸ', 'xxxx年', 'x.x亿元', '××', '○○', '某某', '某镇', '**', '__', '==', '【单位名称】', '〔 〕', '（此处填写）', '同比增长%', '完成个', ' 万元', '……');
const exotic = fc.constantFrom('𠀀', '😀', '𪚥', '\t', '　', '\u00a0', '\u200b', '“', '”', '：', '；', '！', '？', '，', '。', 'PM2.5', 'https://x.cn/a', '2023年', '二〇二四年');
const word = fc.constantFrom('产业发展', '民生保障', '工作回顾', '工作安排', '加强政府自身建设', '结束语', '全面推进', '我们将坚持', '一年来，我们', '各位代表：', '乡村振兴', '完成投资', '新增就业');
/** Anything at all, now and then: any code point, lone surrogates, NUL, U+2028. */
const junk = fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('\uD800', '\uDFFF', '\u0000', '\u2028', '\uFFFF', '\uFEFF'));
export const phrase = fc
  .array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 2, arbitrary: placeholder }, { weight: 2, arbitrary: exotic }, { weight: 1, arbitrary: junk }), { minLength: 0, maxLength: 6 })
  .map((a) => a.join(''));
const indent = fc.constantFrom('', '', '', '　　', '\t', '  ', '\u3000');

/** One line: a heading (its marker, title and maybe a run-in body), a body paragraph, a short title, or nothing. */
export const line = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(indent, marker, phrase, fc.constantFrom('', '。', '：', '；'), phrase).map((p) => p.join('')) },
  { weight: 3, arbitrary: fc.tuple(indent, phrase, fc.constantFrom('。', '，', '', '；')).map((p) => p.join('')) },
  { weight: 1, arbitrary: word },
  { weight: 1, arbitrary: fc.constant('') },
  // Several headings on one line, as flattened text has them.
  { weight: 1, arbitrary: fc.array(fc.tuple(marker, phrase, fc.constant('。')).map((p) => p.join('')), { maxLength: 4 }).map((a) => a.join('')) },
);
export const breakChar = fc.constantFrom('\n', '\r\n', '\r');

/** A random report: maybe a BOM and a title, then lines with mixed line breaks. */
export const report = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom('', '示例镇2024年政府工作报告', '青石镇2023年工作总结', '某局2025年工作要点', '述职报告'),
    fc.array(fc.tuple(line, breakChar), { maxLength: 30 }),
  )
  .map(([bom, title, lines]) => (bom ? '\uFEFF' : '') + title + (title ? '\n' : '') + lines.map(([l, b]) => l + b).join(''));

