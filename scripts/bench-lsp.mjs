// Measures what a user typing into a large report feels, over a real stdio LSP session with
// dist/server.js: the time to answer documentSymbol and foldingRange after an edit, and when
// diagnostics for the latest version arrive. Usage: npm run build && node scripts/bench-lsp.mjs [MB]
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-bench-lsp-'));
await build({ entryPoints: [resolve('test/server/lsp-client.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'client.mjs'), logLevel: 'error', define: { __dirname: JSON.stringify(resolve('test/server')) } });
const { LspClient } = await import(pathToFileURL(join(dir, 'client.mjs')).href);
rmSync(dir, { recursive: true, force: true });

const megabytes = Number(process.argv[2] ?? 10);
const corpus = resolve('../shared/corpus');
const seed = existsSync(corpus)
  ? ['local', 'national'].flatMap((d) => readdirSync(join(corpus, d)).map((f) => readFileSync(join(corpus, d, f), 'utf8'))).join('\n')
  : readFileSync('examples/town-work-report.txt', 'utf8');
let text = '';
while (Buffer.byteLength(text) < megabytes * 1024 * 1024) text += seed + '\n';

const client = new LspClient();
await client.initialize();
const uri = 'file:///tmp/bench-compilation.gongwen';
let t = performance.now();
client.open(uri, text, 1);
await client.request('textDocument/foldingRange', { textDocument: { uri } }, 60000);
console.log(`${megabytes} MB (${text.length} UTF-16 units): first folding ranges after open in ${(performance.now() - t).toFixed(0)} ms`);

const times = { symbols: [], folding: [], diagnostics: [] };
for (let version = 2; version <= 11; version++) {
  // One keystroke: a character typed in the middle of the document.
  const at = Math.floor(text.length / 2);
  text = text.slice(0, at) + '字' + text.slice(at);
  t = performance.now();
  client.change(uri, version, text);
  await client.request('textDocument/foldingRange', { textDocument: { uri } }, 60000);
  times.folding.push(performance.now() - t);
  t = performance.now();
  await client.request('textDocument/documentSymbol', { textDocument: { uri } }, 60000);
  times.symbols.push(performance.now() - t);
}
t = performance.now();
await client.waitForDiagnostics(uri, 11, 60000);
times.diagnostics.push(performance.now() - t);
const stale = [...client.diagnostics.get(uri)].filter((d) => d.version !== undefined && d.version < 11).map((d) => d.version);
await client.shutdown();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(0);
console.log(`after each edit (median of 10, full text sent each time): folding ranges ${median(times.folding)} ms, then document symbols ${median(times.symbols)} ms (same version: cached model)`);
console.log(`diagnostics for the last version arrived ${median(times.diagnostics)} ms after the last request; versions published before it: ${stale.length ? stale.join(', ') : 'none'}`);
