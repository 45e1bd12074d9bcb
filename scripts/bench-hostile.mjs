// Measures the engine on the hostile inputs of issue 9: ignore words, a long data appendix, a long
// table, greedy extra patterns, and a 20 MB report. Each case runs in a child process with a 2 GB
// heap, so one that runs away is reported ("out of memory" / "over 120 s") instead of ending the run.
// Usage: node scripts/bench-hostile.mjs [case-name…]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const example = readFileSync(resolve('examples/town-work-report.txt'), 'utf8');
/** A report of about `bytes` UTF-8 bytes made of copies of the bundled example. */
function reportOf(bytes) {
  const copies = Math.ceil(bytes / Buffer.byteLength(example + '\n'));
  return Array(copies).fill(example).join('\n');
}
const appendix = (rows) => Array.from({ length: rows }, (_, i) => `数据行${i} 甲 乙 丙`).join('\n');
const table = (rows) => Array.from({ length: rows }, (_, i) => `${i}\t青石镇\t${(i * 7) % 1000}\t${(i * 13) % 100}%\t合计`).join('\n');
const greedy = '[^\\n]{1,50}[^\\n]{1,50}[^\\n]{1,50}一Q';

const CASES = {
  'ignore-words-a': () => ({ text: 'a'.repeat(1_000_000), settings: { placeholders: { ignoreWords: Array(100).fill('a') } } }),
  'ignore-words-de-20mb': () => ({ text: reportOf(20 * 1024 * 1024), settings: { placeholders: { ignoreWords: Array(100).fill('的') } } }),
  'appendix-64000-lines': () => ({ text: example + '\n附件：统计数据\n' + appendix(64000), settings: {} }),
  'table-40000-rows-1.8mb': () => ({ text: example + '\n' + table(40000) + '\n' + reportOf(300 * 1024), settings: {} }),
  '100-greedy-patterns-72kb': () => ({ text: reportOf(72 * 1024), settings: { placeholders: { extraPatterns: Array.from({ length: 100 }, (_, i) => greedy + i) } } }),
  'one-greedy-pattern-20mb': () => ({ text: reportOf(20 * 1024 * 1024), settings: { placeholders: { extraPatterns: [greedy] } } }),
  'plain-20mb': () => ({ text: reportOf(20 * 1024 * 1024), settings: {} }),
  '10000-headings-one-line': () => ({ text: example + '\n' + Array.from({ length: 10000 }, (_, i) => `（${'一二三四五六七八九'[i % 9]}）标题${i}。`).join(''), settings: {} }),
};

if (process.argv[2] === '--child') {
  const engine = await import(pathToFileURL(process.argv[3]).href);
  const { text, settings } = CASES[process.argv[4]]();
  const { settings: normalized, problems } = engine.normalizeSettings(settings);
  const t = performance.now();
  const analysis = engine.analyze(text, normalized);
  const findings = analysis.findings.length;
  const ms = performance.now() - t;
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(JSON.stringify({ ms, rss, findings, headings: analysis.model.headings.length, problems: problems.length + analysis.settingsProblems.length }));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-hostile-'));
  const bundle = join(dir, 'engine.mjs');
  await build({ entryPoints: [resolve('server/src/engine/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error', loader: { '.code-snippets': 'json' } });
  const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(CASES);
  for (const name of names) {
    try {
      const out = execFileSync(process.execPath, ['--max-old-space-size=2048', new URL(import.meta.url).pathname, '--child', bundle, name], { timeout: 120_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const r = JSON.parse(out.trim().split('\n').pop());
      console.log(`${name}: ${r.ms.toFixed(0)} ms, RSS ${r.rss.toFixed(0)} MB, ${r.headings} headings, ${r.findings} findings, ${r.problems} settings problems`);
    } catch (error) {
      const reason = error.signal === 'SIGTERM' ? 'over 120 s' : /heap out of memory|Invalid array length|Invalid string length/.test(String(error.stderr)) ? 'out of memory' : `failed (${String(error.stderr).split('\n').find((l) => /Error/.test(l)) ?? error.status})`;
      console.log(`${name}: ${reason}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
