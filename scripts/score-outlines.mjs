// Prints how many headings the parser gets right across the corpus, per document and in total.
// Usage: npm run score:outline  (needs ../shared/corpus)
import { importTs } from './lib/import-ts.mjs';

const { loadExpected, scoreOutline, corpusText } = await importTs('score-outlines', ['test/corpus/outline-score.ts', 'test/helpers/corpus.ts'], { dirname: 'test/corpus' });

const verbose = process.argv.includes('--verbose');
let right = 0;
let expected = 0;
let found = 0;
console.log('document'.padEnd(44), 'right/expected  found  missed  depth  extra');
for (const e of loadExpected()) {
  const s = scoreOutline(e, corpusText(e.document));
  right += s.right;
  expected += s.expected;
  found += s.found;
  console.log(e.document.padEnd(44), `${s.right}/${s.expected}`.padStart(14), String(s.found).padStart(6), String(s.missed.length).padStart(7), String(s.wrongDepth.length).padStart(6), String(s.extra.length).padStart(6));
  if (verbose) for (const [label, list] of [['missed', s.missed], ['depth', s.wrongDepth], ['extra', s.extra]]) for (const item of list) console.log(`    ${label}: ${item}`);
}
console.log(`total: ${right} of ${expected} expected headings right (found ${found} headings in all)`);
