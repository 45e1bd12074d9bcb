/** Bugs found by the property tests (`properties.test.ts`), each kept as a plain example. */
import { describe, expect, it } from 'vitest';
import { analyze, defaultSettings } from '../../server/src/engine';
import { applyEdits, renumberDocument } from '../../server/src/engine/renumber';

function renumbered(text: string): string {
  return applyEdits(text, renumberDocument(analyze(text, defaultSettings()).model));
}

describe('found by the property tests', () => {
  it('a decimal such as PM2.5 is not a hidden `2.`: renumbering twice equals once', () => {
    // Was: `3.` became `4.` (stepping over the `2.` of `PM2.5`), and renumbering again turned it back into `3.`.
    const text = '⒈。1．PM2.5。\n3.\n';
    const once = renumbered(text);
    expect(once).toBe('⒈。2．PM2.5。\n3.\n');
    expect(renumbered(once)).toBe(once);
  });

  it('a number written as a marker between two items still counts as hidden', () => {
    // `2．` after a comma is no heading, but it is written: `3．` is right where it is.
    const text = '一、回顾\n1．产业发展，2．民生保障。\n3．社会治理。\n';
    expect(analyze(text, defaultSettings()).model.headings.map((h) => h.marker?.text)).toEqual(['一、', '1．', '3．']);
    expect(renumbered(text)).toBe(text);
  });

  it('renumbering a point does not turn the line after it into a title: twice equals once', () => {
    // Was: `十二是` → `一是` made the first line 30 characters instead of 31, so `产业发展` stopped reading as
    // its wrapped tail and became a title; `四要` then opened a new list under it and changed again.
    const text = '十二是甲产业发展产业发展𐀀𐀀𐀀我们将坚持甲xx产业发展\n产业发展\n四要xx\n';
    const once = renumbered(text);
    expect(renumbered(once)).toBe(once);
    const titles = (t: string) => analyze(t, defaultSettings()).model.headings.map((h) => h.family);
    expect(titles(once)).toEqual(titles(text));
  });
});
