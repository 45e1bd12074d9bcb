/**
 * Differential property test of the hand-kept pattern engine (`safe-pattern.ts`) against
 * JavaScript's own RegExp: on short texts both must find the first match at the same place (the
 * leftmost start where any match exists does not depend on leftmost-longest versus leftmost-first).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWidth } from '../../server/src/engine/chars';
import { compileSafePattern, SAFE_PATTERN_LIMITS } from '../../server/src/engine/safe-pattern';
import { propertyRuns, propertySeed } from '../helpers/property';

const TOKENS = ['a', 'b', 'x', 'X', '年', '1', '.', '\\d', '\\w', '\\s', '\\D', '[ab]', '[^a]', '[a-x]', '[^\\n]', '(', ')', '(?:', '|', '?', '*', '+', '{2}', '{1,3}', '{0,2}', '^', '$', '\\.', '\\(', 'ｘ', ' '];
const pattern = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 10 }).map((t) => t.join(''));
const text = fc.array(fc.constantFrom('a', 'b', 'x', 'X', 'ｘ', 'Ｘ', '年', '1', '２', '.', ' ', '　', '\n', '\r', '中'), { maxLength: 10 }).map((t) => t.join(''));
const fold = (s: string) => Array.from(s, (ch) => String.fromCharCode(foldWidth(ch.charCodeAt(0)))).join('');

describe('safe patterns agree with JavaScript regular expressions', () => {
  it('find the first match at the same start, and every match is non-empty, ordered and inside the text', () => {
    let compared = 0;
    fc.assert(
      fc.property(pattern, text, (source, t) => {
        // A literal at the end makes every match non-empty, so empty matches (skipped by the safe engine) do not differ.
        // Only patterns both engines accept on their own (balanced groups), so the wrapping keeps their meaning.
        if (!compileSafePattern(source).ok) return;
        try {
          new RegExp(fold(source), 'm');
        } catch {
          return;
        }
        const anchored = `(?:${source})年`;
        const safe = compileSafePattern(anchored);
        expect(safe.ok, anchored).toBe(true);
        if (!safe.ok) return;
        const js = new RegExp(fold(anchored), 'm');
        const found = safe.find(t);
        for (let i = 0; i < found.length; i++) {
          const m = found[i];
          expect(m.start < m.end && m.end <= t.length && m.end - m.start <= SAFE_PATTERN_LIMITS.maxMatchLength).toBe(true);
          if (i > 0) expect(found[i - 1].end <= m.start).toBe(true);
        }
        const first = js.exec(fold(t));
        expect(found[0]?.start ?? -1, `${anchored} on ${JSON.stringify(t)}`).toBe(first ? first.index : -1);
        compared++;
      }),
      { numRuns: propertyRuns(1000), seed: propertySeed(77) },
    );
    expect(compared).toBeGreaterThan(50);
    if (process.env.GONGWEN_PROPERTY_RUNS) console.log(`compared ${compared} patterns with RegExp`);
  });
});
