// Measures the engine: a full analysis (parse + every rule) of 1 MB and 10 MB reports, and each
// feature on the shared model. Usage: npm run bench
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-bench-'));
await build({ entryPoints: [resolve('server/src/engine/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'engine.mjs'), logLevel: 'error', loader: { '.code-snippets': 'json' } });
const engine = await import(pathToFileURL(join(dir, 'engine.mjs')).href);
rmSync(dir, { recursive: true, force: true });

// Real reports when the corpus is there, else the bundled example.
const corpus = resolve('../shared/corpus');
const sources = existsSync(corpus)
  ? ['local', 'national', 'excerpts'].flatMap((d) => readdirSync(join(corpus, d)).map((f) => readFileSync(join(corpus, d, f), 'utf8')))
  : [readFileSync('examples/town-work-report.txt', 'utf8')];
const seed = sources.join('\n');

function textOf(bytes) {
  let text = '';
  while (Buffer.byteLength(text) < bytes) text += seed + '\n';
  return text;
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn, runs, setup = () => undefined) {
  for (let i = 0; i < 20; i++) fn(setup()); // let the JIT settle, as in a server that has been running
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const input = setup();
    const t = performance.now();
    fn(input);
    samples.push(performance.now() - t);
  }
  return median(samples);
}

const settings = engine.defaultSettings();
console.log(`source: ${existsSync(corpus) ? 'the corpus' : 'the bundled example'}; ${engine.RULES.length} rules`);
for (const mb of [1, 10]) {
  const text = textOf(mb * 1024 * 1024);
  const runs = mb === 1 ? 15 : 5;
  const parse = time(() => engine.buildReportModel(text), runs);
  const full = time(() => engine.analyze(text, settings).findings, runs); // reading findings runs the rules
  const model = engine.buildReportModel(text);
  const outline = time(() => engine.outlineOf(model), runs);
  const folding = time(() => engine.foldingRangesOf(model), runs);
  console.log(
    `${mb} MB (${text.length} UTF-16 units, ${model.headings.length} headings, ${model.placeholders.length} placeholders): ` +
      `parse ${parse.toFixed(1)} ms, parse + all rules ${full.toFixed(1)} ms, outline ${outline.toFixed(1)} ms, folding ${folding.toFixed(1)} ms (median of ${runs})`,
  );
  if (process.argv.includes('--rules')) {
    // Each rule on a fresh model (built outside the timing), so per-model caches count where first used.
    const perRule = engine.RULES.map((rule) => `${rule.id} ${time((m) => rule.check(m, settings), runs, () => engine.buildReportModel(text)).toFixed(2)}`);
    console.log(`  per rule (ms): ${perRule.join(', ')}`);
  }
}
