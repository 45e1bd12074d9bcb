// Prints how many headings the parser gets right across the corpus, per document and in total.
// Usage: npm run score:outline  (needs ../shared/corpus)
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-score-'));
const entry = join(dir, 'entry.ts');
writeFileSync(entry, `export * from ${JSON.stringify(resolve('test/corpus/outline-score.ts'))};\nexport { corpusText } from ${JSON.stringify(resolve('test/helpers/corpus.ts'))};`);
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'score.mjs'), logLevel: 'error', define: { __dirname: JSON.stringify(resolve('test/corpus')) }, loader: { '.code-snippets': 'json' } });
const { loadExpected, scoreOutline, corpusText } = await import(pathToFileURL(join(dir, 'score.mjs')).href);
rmSync(dir, { recursive: true, force: true });

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
