import { it, expect } from 'vitest';
import { SNIPPETS, adaptSnippet, expandSnippet, parseSnippet } from '../../server/src/engine/features/section-snippets';
it('loads', () => {
  expect(SNIPPETS.length).toBeGreaterThan(10);
  const s = SNIPPETS.find((x) => x.name === '工作回顾')!;
  const a = adaptSnippet(s.body, { marker: { value: 2, style: { family: 'cn-paren', punctuation: '', brackets: 'half' } }, reviewYear: 2021, styles: new Map([['cn-paren', { family: 'cn-paren', punctuation: '', brackets: 'half' }]]), compact: true });
  console.log(a);
  console.log(expandSnippet(parseSnippet(a)));
});
