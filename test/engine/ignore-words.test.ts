import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IgnoreWordCover } from '../../server/src/engine/ignore-words';
import { findPlaceholders } from '../../server/src/engine/pipeline/07-placeholders';
import { propertyRuns } from '../helpers/property';

const units = (text: string) => Uint16Array.from(text, (ch) => ch.charCodeAt(0));

/** The obvious definition: some occurrence of some word starts at or before `start` and ends at or after `end`. */
function coveredNaively(text: string, words: string[], start: number, end: number): boolean {
  return words.some((w) => {
    if (!w) return false;
    for (let k = text.indexOf(w); k !== -1 && k <= start; k = text.indexOf(w, k + 1)) if (k + w.length >= end) return true;
    return false;
  });
}

describe('IgnoreWordCover', () => {
  it('says which spans an ignore word covers', () => {
    const text = '坚持X建引领，完成xx项';
    const cover = new IgnoreWordCover(units(text), ['X建']);
    expect(cover.covers(2, 3)).toBe(true);
    expect(cover.covers(9, 11)).toBe(false);
  });

  it('agrees with the obvious definition on random texts, words and spans', () => {
    const alphabet = fc.constantFrom('a', 'b', 'x', '建', '的');
    const text = fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(''));
    const word = fc.array(alphabet, { minLength: 0, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.array(word, { maxLength: 6 }), fc.array(fc.tuple(fc.nat(40), fc.nat(6)), { maxLength: 20 }), (t, words, spans) => {
        const sorted = spans.map(([s, l]) => [Math.min(s, t.length), Math.min(s, t.length) + l] as const).sort((a, b) => a[0] - b[0]);
        const cover = new IgnoreWordCover(units(t), words);
        for (const [s, e] of sorted) expect(cover.covers(s, e)).toBe(coveredNaively(t, words, s, e));
      }),
      { numRuns: propertyRuns(300), seed: 9 },
    );
  });

  it('keeps memory and time flat for 100 copies of one word over a million matching characters (issue 9: grew past 4 GB)', () => {
    const text = 'a'.repeat(1_000_000) + 'xx';
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const found = findPlaceholders(text, { ignoreWords: Array(100).fill('a') });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
    // `xx` sits inside the Latin word, so nothing is a blank, and nothing threw.
    expect(found).toEqual([]);
  });

  it('drops the covered blanks of a long report and keeps the others', () => {
    const text = '加强X建引领，完成xx项。\n'.repeat(20000);
    const found = findPlaceholders(text, { ignoreWords: [...Array(100).fill('X建'), '的'] });
    expect(found.map((p) => p.text)).toEqual(Array(20000).fill('xx'));
  });
});
