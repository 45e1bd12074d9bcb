// Open → first diagnostics over stdio, alone: a fresh server per sample (its JIT cold, as when an
// editor starts it for the document), samples of two server builds alternating, so both meet the
// same load on a shared machine. Wall-clock and the server's main-thread CPU ms, medians.
// Usage: node scripts/open-latency.mjs [--mb 10] [--rounds 6] [--base /tmp/base/dist/server.js]
import { corpusTexts } from './lib/corpus-texts.mjs';
import { importTs } from './lib/import-ts.mjs';
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const mb = Number(opt('mb', 10));
const rounds = Number(opt('rounds', 6));
const base = opt('base', undefined);
const { LspClient } = await importTs('lsp-client', ['test/server/lsp-client.ts'], { dirname: 'test/server' });
const seed = corpusTexts().texts.join('\n') + '\n';
const text = seed.repeat(Math.max(1, Math.ceil((mb * 1048576) / Buffer.byteLength(seed))));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const cpuOf = (pid) => Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;

async function sample(serverFile) {
  // Another server file rides in front of dist/server.js, which it then sees as an argument it ignores.
  const client = new LspClient(['--stdio'], serverFile ? [serverFile] : []);
  await client.initialize();
  await sleep(500);
  const uri = `file:///tmp/open-${mb}mb.gongwen`;
  const c = cpuOf(client.pid);
  const t = performance.now();
  client.open(uri, text, 1);
  await client.waitForDiagnostics(uri, 1, 120000);
  const result = { wall: performance.now() - t, cpu: cpuOf(client.pid) - c };
  await client.shutdown();
  return result;
}

const builds = { ...(base ? { base } : {}), current: undefined };
const samples = Object.fromEntries(Object.keys(builds).map((k) => [k, []]));
for (let i = 0; i < rounds; i++) for (const [name, file] of Object.entries(builds)) samples[name].push(await sample(file));
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor((a.length - 1) / 2)];
for (const [name, list] of Object.entries(samples)) {
  console.log(`${name}: open → first diagnostics at ${mb} MB: median ${median(list.map((s) => s.wall)).toFixed(0)} ms wall (${list.map((s) => s.wall.toFixed(0)).join(', ')}), main-thread CPU ${median(list.map((s) => s.cpu)).toFixed(0)} ms`);
}
