// Measures how fast Gongwen is, in one run (issue 11), and prints a markdown summary for the README:
//   1. engine: MB/s of the parse (buildReportModel) and of the full analysis (analyze + reading
//      findings, so every rule runs), beside markdown-it's parse of the same text as Markdown and a
//      one-pass charCodeAt loop (the floor), at 1, 10 and 50 MB of corpus text, "as lines" and "as
//      one line" (line breaks removed, as flattened web text). Contenders alternate within each
//      round (interleaved), so machine noise hits all alike; medians and min–max over the rounds.
//   2. shapes: the full analysis's time per MB on other input shapes (short lines, one line,
//      thousands of headings, long placeholders) against the corpus's (target: at most 2×).
//   3. lsp: a real stdio session with dist/server.js: open → first diagnostics, one-character edit →
//      documentSymbol, edit → its diagnostics, ten edits 30 ms apart → the last one's diagnostics
//      (and whether a stale version's diagnostics were published), server RSS idle / open / closed.
//
// Usage: npm run bench [-- --sizes 1,10,50] [--rounds N] [--lsp-sizes 1,10] [--shape-sizes 0.5,1]
//        [--only engine,shapes,lsp] [--contenders parse,analysis,markdown-it,floor]
//        [--shape lines,one-line] [--shapes 'short lines,headings'] [--clock cpu|wall] [--rules] [--quick]
//        [--server FILE] [--node-args '--flag …']
// `--server` runs another build of the server in the stdio part (a copy of the base commit's
// dist/server.js, to compare before/after in alternating runs); `--node-args` starts it with node flags.
// `--quick` = --sizes 1 --lsp-sizes 1 --shape-sizes 0.25,0.5 --rounds 3. No forced GC between
// samples: after a full collection V8 shrinks its young generation, and the next run (a small text
// most of all) pays for growing it again, which a server that is being typed into never does.
// MB are MiB of UTF-8 text (what a file on disk weighs); MB/s = those MiB per second.
import { corpusTexts } from './lib/corpus-texts.mjs';
import { importTs } from './lib/import-ts.mjs';
import { headingsShape, MiB } from './lib/shapes.mjs';
import MarkdownIt from 'markdown-it';
import { existsSync, readFileSync } from 'node:fs';

import { availableParallelism, cpus, loadavg } from 'node:os';

// --- options -----------------------------------------------------------------------------------

const argv = process.argv.slice(2);
function option(name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : fallback;
}
const quick = argv.includes('--quick');
const listOf = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);
const sizes = listOf(option('sizes', quick ? '1' : '1,10,50')).map(Number);
const lspSizes = listOf(option('lsp-sizes', quick ? '1' : '1,10')).map(Number);
const shapeSizes = listOf(option('shape-sizes', quick ? '0.25,0.5' : '0.5,1')).map(Number);
const roundsOption = option('rounds', quick ? '3' : undefined);
const parts = new Set(listOf(option('only', 'engine,shapes,lsp')));
const contenderNames = new Set(listOf(option('contenders', 'parse,analysis,markdown-it,floor')));
const textShapes = listOf(option('shape', 'lines,one-line'));
/**
 * Which clock the engine's MB/s are read on. CPU time (this process, its GC and compiler threads
 * included) by default: the machine is shared, and other processes there stretch wall-clock time
 * several-fold while leaving CPU time nearly alone. The stdio part is wall-clock, as a user feels it.
 */
const clock = option('clock', 'cpu');
const serverFile = option('server', undefined);
// Read as is: its value starts with `--`, which `option` takes for the next option.
const serverNodeArgs = argv.includes('--node-args') ? (argv[argv.indexOf('--node-args') + 1] ?? '').split(/\s+/).filter(Boolean) : [];
const shapeNames = new Set(listOf(option('shapes', 'one line,short lines,headings,long placeholders')));
/** Rounds at a size: fewer for big texts, so the default run stays within a few minutes. */
const roundsAt = (mb) => Number(roundsOption ?? (mb <= 1 ? 9 : mb <= 10 ? 5 : 3));

// --- the engine, bundled from source (kept in node_modules/.cache so profiles can name its files) ---

const engine = await importTs('engine', ['server/src/engine/index.ts']);
const settings = engine.defaultSettings();

// --- texts -------------------------------------------------------------------------------------

const { fromCorpus, texts: seedTexts } = corpusTexts();
const seed = seedTexts.join('\n');

/** `unit` repeated until the text weighs at least `mb` MiB of UTF-8. */
function repeatTo(unit, mb) {
  const count = Math.max(1, Math.ceil((mb * MiB) / Buffer.byteLength(unit)));
  return unit.repeat(count);
}
const asLines = (mb) => repeatTo(seed + '\n', mb);
const flatSeed = seed.replace(/\r\n|\r|\n/g, '');
const asOneLine = (mb) => repeatTo(flatSeed, mb);
const megabytesOf = (text) => Buffer.byteLength(text) / MiB;

/** Input shapes of the linearity table, each built to `mb` MiB. */
const SHAPES = {
  corpus: (mb) => asLines(mb),
  'one line': (mb) => asOneLine(mb),
  'short lines': (mb) => {
    const lines = [];
    let bytes = 0;
    for (let i = 0; bytes < mb * MiB; i++) {
      const line = `数据行${i} 甲 乙 丙\n`;
      lines.push(line);
      bytes += Buffer.byteLength(line);
    }
    return lines.join('');
  },
  // A numbered tree, three levels deep, one short sentence under each point: thousands of headings.
  headings: (mb) => headingsShape(mb),
  'long placeholders': (mb) => {
    const x = 'X'.repeat(200);
    const line = `全年实现生产总值${x}亿元，完成固定资产投资${'_'.repeat(200)}万元，【此处填写${'单位名称'.repeat(40)}】，新增就业${'×'.repeat(100)}人……\n`;
    return repeatTo(line, mb);
  },
};

// --- markdown-it and the floor -----------------------------------------------------------------

const markdownIt = new MarkdownIt();
/** The report as Markdown: `一、` lines as `#`, `（一）` as `##`, `1.` as `###`; everything else as is. */
function toMarkdown(text) {
  return text
    .split('\n')
    .map((line) => {
      const body = line.replace(/^[\s\u3000]+/, '');
      if (/^[一二三四五六七八九十百]+、/.test(body)) return '# ' + body;
      if (/^[（(][一二三四五六七八九十百]+[）)]/.test(body)) return '## ' + body;
      if (/^\d+[.．]/.test(body)) return '### ' + body;
      return line;
    })
    .join('\n');
}

let sink = 0;
/** One pass over the text, reading each code unit: what any parser must at least do. */
function floor(text) {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
  sink ^= h;
}

// --- statistics and formatting -----------------------------------------------------------------

function quantile(samples, q) {
  const s = [...samples].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const median = (xs) => quantile(xs, 0.5);
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
/** `median (min–max)` of samples mapped through `f`. */
function spread(samples, f = (x) => x, digits = 1) {
  const mapped = samples.map(f);
  return `${fmt(median(mapped), digits)} (${fmt(Math.min(...mapped), digits)}–${fmt(Math.max(...mapped), digits)})`;
}
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  return [line(header), '| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |', ...rows.map(line)].join('\n');
}
/** Wall-clock and CPU time (this process, GC helper threads included) of one call, in ms. */
function time(fn) {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(c);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}
const MAX_SAMPLE_MS = 20000;
/** Runs each contender once per round (fewer rounds for one whose sample took over 20 s), rotating the order each round; returns ms samples by name. */
function interleaved(contenders, rounds) {
  const samples = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const cpu = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const tooSlow = new Set();
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(k + r) % contenders.length];
      if (tooSlow.has(c.name)) continue;
      const { wall, cpu: used } = time(c.run);
      samples[c.name].push(wall);
      cpu[c.name].push(used);
      // A contender this slow has made its point; more rounds would only stretch the run.
      if (wall > MAX_SAMPLE_MS) tooSlow.add(c.name);
    }
  }
  Object.defineProperty(samples, 'cpu', { value: cpu, enumerable: false });
  return samples;
}

// --- the machine -------------------------------------------------------------------------------

const cpuModel = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? cpus()[0]?.model ?? 'unknown';
const machine = `${availableParallelism()} cores (nproc), ${cpuModel}, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at start`;
console.log(`machine: ${machine}`);
console.log(
  `text: ${fromCorpus ? 'the corpus (../shared/corpus)' : 'the examples (examples/*.txt; corpus absent)'}, ${megabytesOf(seed).toFixed(2)} MB, repeated to size; ` +
    `${engine.RULES.length} rules; engine MB/s by ${clock === 'cpu' ? 'CPU' : 'wall-clock'} time; ratios per round`,
);

const summary = { engine: [], ratios: [], lsp: [], shapes: [] };

// --- 1. engine vs markdown-it vs floor -------------------------------------------------------

function contendersFor(text) {
  // Once, outside the timing (and only when markdown-it runs, so profiles of the engine stay clean).
  const markdown = contenderNames.has('markdown-it') ? toMarkdown(text) : '';
  const all = [
    { name: 'parse', run: () => engine.buildReportModel(text) },
    { name: 'analysis', run: () => (sink ^= engine.analyze(text, settings).findings.length) },
    { name: 'markdown-it', run: () => (sink ^= markdownIt.parse(markdown, {}).length) },
    { name: 'floor', run: () => floor(text) },
  ];
  return all.filter((c) => contenderNames.has(c.name));
}

if (parts.has('engine') || parts.has('shapes')) {
  // Let the JIT settle on a small text first, as in a server that has been running a while.
  const warm = contendersFor(asLines(0.5));
  interleaved(warm, 3);
  interleaved(contendersFor(asOneLine(0.25)), 2);
}

if (parts.has('engine')) {
  console.log(`\n## Engine, markdown-it and the floor (MB/s by ${clock === 'cpu' ? 'CPU' : 'wall-clock'} time: median (min–max) over interleaved rounds)\n`);
  const rows = [];
  for (const shape of textShapes) {
    for (const mb of sizes) {
      const text = shape === 'lines' ? asLines(mb) : asOneLine(mb);
      const size = megabytesOf(text);
      const contenders = contendersFor(text);
      const rounds = roundsAt(mb);
      const s = interleaved(contenders, rounds);
      const rate = (ms) => size / (ms / 1000);
      const on = clock === 'cpu' ? s.cpu : s;
      const cell = (name) => (on[name] ? spread(on[name], rate) : '–');
      // Per-round ratios: the two ran back to back in the same round, so they share its noise.
      const perRound = (a, b) => (s[a] && s[b] ? s[a].map((t, i) => s[b][i] / t) : []);
      const vsMd = perRound('analysis', 'markdown-it');
      const vsMdCpu = s.analysis && s['markdown-it'] ? s.cpu.analysis.map((t, i) => s.cpu['markdown-it'][i] / t) : [];
      const vsFloor = on.analysis && on.floor ? on.analysis.map((t, i) => t / on.floor[i]) : [];
      const label = shape === 'lines' ? 'as lines' : 'as one line';
      rows.push([label, `${mb} MB`, rounds, cell('parse'), cell('analysis'), cell('markdown-it'), cell('floor'), vsMdCpu.length ? spread(vsMdCpu, undefined, 2) + '×' : '–', vsMd.length ? spread(vsMd, undefined, 2) + '×' : '–', vsFloor.length ? fmt(median(vsFloor), 0) + '×' : '–']);
      summary.engine.push({ shape, mb, s: on, size, vsMd, vsMdCpu, vsFloor });
      console.log(`  done: ${label}, ${mb} MB (${text.length} UTF-16 units)`);
    }
  }
  console.log(
    '\n' +
      table(['text', 'size', 'rounds', 'parse MB/s', 'analysis MB/s', 'markdown-it MB/s', 'floor MB/s', 'analysis speed ÷ markdown-it (CPU time)', '(wall clock)', 'analysis time ÷ floor'], rows),
  );
  console.log('\n(analysis speed vs markdown-it > 1 means the analysis is faster; targets: ≥ 1.5× as lines, ≥ 1× as one line)');

  if (argv.includes('--rules')) {
    // Each rule on a fresh model (built outside the timing), so per-model caches count where first used.
    for (const mb of sizes) {
      const text = asLines(mb);
      const perRule = engine.RULES.map((rule) => {
        const xs = [];
        let found = 0;
        for (let r = 0; r < roundsAt(mb); r++) {
          const model = engine.buildReportModel(text);
          xs.push(time(() => (found = rule.check(model, settings).length)).cpu);
        }
        return `${rule.id} ${fmt(median(xs))} ms / ${found} findings`;
      });
      console.log(`  ${mb} MB as lines, per rule (CPU ms, median; findings): ${perRule.join(', ')}`);
    }
  }
}

// --- 2. linear in every input shape ----------------------------------------------------------

if (parts.has('shapes')) {
  const [small, large] = [Math.min(...shapeSizes), Math.max(...shapeSizes)];
  console.log(`\n## Linear in every input shape (full analysis, CPU ms per MB: median (min–max) at ${small} and ${large} MB)\n`);
  const rounds = Number(roundsOption ?? 3);
  const rows = [];
  const perMbAt = {};
  for (const mb of [small, large]) {
    const texts = Object.entries(SHAPES)
      .filter(([name]) => name === 'corpus' || shapeNames.has(name))
      .map(([name, make]) => ({ name, text: make(mb) }));
    const s = interleaved(
      texts.map(({ name, text }) => ({ name, run: () => (sink ^= engine.analyze(text, settings).findings.length) })),
      rounds,
    );
    // CPU time: these ratios compare shapes, and other processes on the machine should not tilt them.
    perMbAt[mb] = Object.fromEntries(texts.map(({ name, text }) => [name, { text, samples: s.cpu[name].map((ms) => ms / megabytesOf(text)) }]));
    console.log(`  done: ${mb} MB of each shape`);
  }
  const corpusPerMb = median(perMbAt[large].corpus.samples);
  for (const name of Object.keys(perMbAt[large])) {
    const { text, samples } = perMbAt[large][name];
    const model = engine.buildReportModel(text);
    const growth = median(samples) / median(perMbAt[small][name].samples);
    const ratio = median(samples) / corpusPerMb;
    summary.shapes.push({ name, ratio, growth });
    rows.push([
      name,
      model.lines.lineCount,
      model.headings.length,
      model.placeholders.length,
      spread(perMbAt[small][name].samples, undefined, 0),
      spread(samples, undefined, 0),
      fmt(growth, 2) + '×',
      fmt(ratio, 2) + '×',
    ]);
  }
  console.log(
    '\n' +
      table(['shape', `lines (${large} MB)`, 'headings', 'placeholders', `ms/MB at ${small} MB`, `ms/MB at ${large} MB`, `per-MB growth ${small}→${large} MB`, 'vs corpus per MB'], rows),
  );
  console.log(`\n(target: no shape above 2× the corpus per MB; a per-MB growth near ${fmt(large / small, 0)}× instead of 1× means quadratic time)`);
}

// --- 3. over stdio to dist/server.js -----------------------------------------------------------

async function loadClient() {
  return (await importTs('lsp-client', ['test/server/lsp-client.ts'], { dirname: 'test/server' })).LspClient;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** VmRSS and VmHWM (peak) of a process, in MB. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number((status.match(new RegExp(`^${key}:\\s*(\\d+)`, 'm')) ?? [])[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/**
 * On-CPU time of a process's main thread (the JavaScript thread), in ms, from /proc/<pid>/schedstat:
 * beside the wall clock, it tells the server's own work from the time it spent waiting for a core
 * that other processes held.
 */
function mainThreadCpuOf(pid) {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}

/** Where to type: the middle of the text, as an offset and as an LSP position. */
function middleOf(text) {
  const offset = Math.floor(text.length / 2);
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset, position: { line, character: offset - lineStart } };
}

async function lspSession(LspClient, mb) {
  let text = asLines(mb);
  const size = megabytesOf(text);
  // Another server file rides in front of dist/server.js, which it then sees as an argument it ignores.
  const client = new LspClient(['--stdio'], [...serverNodeArgs, ...(serverFile ? [serverFile] : [])]);
  const pid = client.child.pid;
  const init = await client.initialize();
  const sync = init.capabilities.textDocumentSync;
  const syncKind = typeof sync === 'number' ? sync : sync?.change ?? 1;
  const incremental = syncKind === 2;
  const uri = `file:///tmp/bench-${mb}mb.gongwen`;

  // Arrival time of every publishDiagnostics, and what the client had sent by then. Waiters are
  // woken by the arrival itself: polling would take CPU from the server on a 2-core machine.
  let sentVersion = 0;
  const arrivals = []; // { version, at, stale }
  const waiters = new Map(); // version → resolve
  client.on('textDocument/publishDiagnostics', (p) => {
    if (p.uri !== uri) return;
    const arrival = { version: p.version, at: performance.now(), count: p.diagnostics.length, stale: p.version !== undefined && p.version < sentVersion };
    arrivals.push(arrival);
    waiters.get(p.version)?.(arrival);
  });
  const diagnosticsOf = (version, timeoutMs = 120000) => {
    const hit = arrivals.find((a) => a.version === version);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolveArrival, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for v${version}`)), timeoutMs);
      waiters.set(version, (arrival) => {
        clearTimeout(timer);
        waiters.delete(version);
        resolveArrival(arrival);
      });
    });
  };

  await sleep(500);
  const idle = memoryOf(pid);

  let t = performance.now();
  let c = mainThreadCpuOf(pid);
  sentVersion = 1;
  client.open(uri, text, 1);
  const opened = (await diagnosticsOf(1)).at - t;
  const openedCpu = mainThreadCpuOf(pid) - c;
  const afterOpen = memoryOf(pid);

  const where = middleOf(text);
  let version = 1;
  /** One keystroke: `字` typed in the middle, sent as the server's sync kind asks. */
  const type = () => {
    version++;
    text = text.slice(0, where.offset) + '字' + text.slice(where.offset);
    sentVersion = version;
    if (incremental) {
      client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: where.position, end: where.position }, text: '字' }],
      });
    } else {
      client.change(uri, version, text);
    }
    return version;
  };

  const edits = Number(roundsOption ?? 5);
  const symbols = [];
  const fresh = [];
  const symbolsCpu = [];
  const freshCpu = [];
  const burstsCpu = [];
  for (let i = 0; i < edits; i++) {
    t = performance.now();
    c = mainThreadCpuOf(pid);
    const v = type();
    await client.request('textDocument/documentSymbol', { textDocument: { uri } }, 120000);
    symbols.push(performance.now() - t);
    symbolsCpu.push(mainThreadCpuOf(pid) - c);
    fresh.push((await diagnosticsOf(v)).at - t);
    freshCpu.push(mainThreadCpuOf(pid) - c);
  }

  const bursts = [];
  for (let b = 0; b < Math.max(1, Math.ceil(edits / 2)); b++) {
    let last = 0;
    c = mainThreadCpuOf(pid);
    for (let k = 0; k < 10; k++) {
      last = type();
      t = performance.now();
      if (k < 9) await sleep(30);
    }
    bursts.push((await diagnosticsOf(last)).at - t);
    burstsCpu.push(mainThreadCpuOf(pid) - c);
  }
  await sleep(200);
  const open = memoryOf(pid);
  // Held while idle with the document open: after the last edit's garbage has had time to go.
  await sleep(2800);
  const held = memoryOf(pid);

  client.close(uri);
  await sleep(3000);
  const closed = memoryOf(pid);
  const stale = arrivals.filter((a) => a.stale).map((a) => a.version);
  const published = arrivals.filter((a) => a.version !== undefined).length;
  await client.shutdown();
  return { mb, size, incremental, opened, openedCpu, symbols, symbolsCpu, fresh, freshCpu, bursts, burstsCpu, idle, afterOpen, open, held, closed, stale, published, sent: version };
}

if (parts.has('lsp')) {
  console.log("\n## Over stdio to dist/server.js (wall-clock ms: median (min–max); CPU = the server's main-thread CPU ms in the same span, median)\n");
  if (!existsSync('dist/server.js')) throw new Error('dist/server.js is missing: run npm run build first (npm run bench does)');
  const LspClient = await loadClient();
  const rows = [];
  for (const mb of lspSizes) {
    const r = await lspSession(LspClient, mb);
    summary.lsp.push(r);
    rows.push([
      `${mb} MB`,
      r.incremental ? 'incremental' : 'full',
      `${fmt(r.opened, 0)} (CPU ${fmt(r.openedCpu, 0)})`,
      `${spread(r.symbols, undefined, 0)}; CPU ${fmt(median(r.symbolsCpu), 0)}`,
      `${spread(r.fresh, undefined, 0)}; CPU ${fmt(median(r.freshCpu), 0)}`,
      `${spread(r.bursts, undefined, 0)}; CPU ${fmt(median(r.burstsCpu), 0)}`,
      `${r.stale.length} of ${r.published}`,
      fmt(r.idle.rss, 0),
      `${fmt(r.open.rss, 0)} (peak ${fmt(r.open.peak, 0)}, +${fmt(r.open.peak - r.idle.rss, 0)}; after open ${fmt(r.afterOpen.rss, 0)}, peak ${fmt(r.afterOpen.peak, 0)}; idle 3 s ${fmt(r.held.rss, 0)})`,
      fmt(r.closed.rss, 0),
    ]);
  }
  console.log(
    table(
      ['document', 'sync', 'open → diagnostics', 'edit → documentSymbol', 'edit → its diagnostics', '10 edits 30 ms apart → last diagnostics', 'stale publishes', 'RSS idle MB', 'RSS open MB', 'RSS 3 s after close MB'],
      rows,
    ),
  );
  console.log('\n(targets: 10 MB: documentSymbol < 30 ms, diagnostics < 200 ms, open < 600 ms, peak RSS < idle + 150 MB; 1 MB: < 10 ms and < 100 ms)');
}

// --- summary -----------------------------------------------------------------------------------

const mark = (ok) => (ok ? '✓' : '✗');
const out = [];
out.push(`Machine: ${machine}. Text: ${fromCorpus ? 'the corpus' : 'examples/'} repeated to size. Medians over interleaved rounds; engine MB/s by ${clock === 'cpu' ? 'CPU' : 'wall-clock'} time; LSP times wall-clock (targets checked on them), with the server's main-thread CPU time in the same span.`);
out.push('');
const columns = [...new Set([...summary.engine.map((e) => e.mb), ...summary.lsp.map((l) => l.mb)])];
if (columns.length) out.push('| measure | ' + [...new Set([...summary.engine.map((e) => `${e.mb} MB`), ...summary.lsp.map((l) => `${l.mb} MB`)])].join(' | ') + ' | target |');
if (columns.length) out.push('| --- | ' + columns.map(() => '---').join(' | ') + ' | --- |');
function engineRow(label, shape, cellOf, target) {
  const cells = columns.map((mb) => {
    const e = summary.engine.find((x) => x.mb === mb && x.shape === shape);
    return e ? cellOf(e) : '–';
  });
  if (cells.every((c) => c === '–')) return;
  out.push(`| ${label} | ${cells.join(' | ')} | ${target} |`);
}
const rateOf = (e, name) => (e.s[name] ? fmt(median(e.s[name].map((ms) => e.size / (ms / 1000)))) : '–');
for (const shape of ['lines', 'one-line']) {
  const as = shape === 'lines' ? 'as lines' : 'as one line';
  const goal = shape === 'lines' ? 1.5 : 1;
  engineRow(`parse MB/s, ${as}`, shape, (e) => rateOf(e, 'parse'), '');
  engineRow(`full analysis MB/s, ${as}`, shape, (e) => rateOf(e, 'analysis'), '');
  engineRow(`markdown-it MB/s, ${as}`, shape, (e) => rateOf(e, 'markdown-it'), '');
  engineRow(`analysis speed ÷ markdown-it, ${as} (CPU time; wall clock)`, shape, (e) => (e.vsMd.length ? `${fmt(median(e.vsMdCpu), 2)}× ${mark(median(e.vsMdCpu) >= goal)}; ${fmt(median(e.vsMd), 2)}×` : '–'), `≥ ${goal}×`);
  engineRow(`floor (charCodeAt loop) MB/s, ${as}`, shape, (e) => rateOf(e, 'floor'), '');
}
function lspRow(label, cellOf, targetOf, targetText) {
  const cells = columns.map((mb) => {
    const l = summary.lsp.find((x) => x.mb === mb);
    if (!l) return '–';
    const { value, text } = cellOf(l);
    const target = targetOf(mb);
    return target === undefined ? text : `${text} ${mark(value < target)}`;
  });
  if (cells.every((c) => c === '–')) return;
  out.push(`| ${label} | ${cells.join(' | ')} | ${targetText} |`);
}
const ms = (x, cpu) => ({ value: x, text: `${fmt(x, 0)} ms (CPU ${fmt(cpu, 0)})` });
lspRow('LSP open → first diagnostics', (l) => ms(l.opened, l.openedCpu), (mb) => (mb === 10 ? 600 : undefined), '< 600 ms at 10 MB');
lspRow('LSP edit → documentSymbol', (l) => ms(median(l.symbols), median(l.symbolsCpu)), (mb) => (mb === 10 ? 30 : mb === 1 ? 10 : undefined), '< 10 ms (1 MB), < 30 ms (10 MB)');
lspRow('LSP edit → its diagnostics', (l) => ms(median(l.fresh), median(l.freshCpu)), (mb) => (mb === 10 ? 200 : mb === 1 ? 100 : undefined), '< 100 ms (1 MB), < 200 ms (10 MB)');
lspRow('LSP 10 edits 30 ms apart → last diagnostics', (l) => ms(median(l.bursts), median(l.burstsCpu)), () => undefined, '');
lspRow('LSP stale versions published', (l) => ({ value: l.stale.length, text: String(l.stale.length) }), () => 1, '0');
lspRow('server RSS idle', (l) => ({ value: 0, text: `${fmt(l.idle.rss, 0)} MB` }), () => undefined, '');
lspRow('server peak RSS above idle, document open', (l) => ({ value: l.open.peak - l.idle.rss, text: `+${fmt(l.open.peak - l.idle.rss, 0)} MB` }), (mb) => (mb === 10 ? 150 : undefined), '< 150 MB at 10 MB');
lspRow('server RSS above idle, document open, 3 s after the last edit', (l) => ({ value: l.held.rss - l.idle.rss, text: `+${fmt(l.held.rss - l.idle.rss, 0)} MB` }), () => undefined, '');
lspRow('server RSS 3 s after close, above idle', (l) => ({ value: l.closed.rss - l.idle.rss, text: `+${fmt(l.closed.rss - l.idle.rss, 0)} MB` }), () => undefined, 'near idle');
if (summary.shapes.length) {
  out.push('');
  out.push(`| input shape (${Math.max(...shapeSizes)} MB) | analysis time per MB ÷ corpus (target ≤ 2×) | per-MB growth ${Math.min(...shapeSizes)}→${Math.max(...shapeSizes)} MB (linear: 1×) |`);
  out.push('| --- | --- | --- |');
  for (const r of summary.shapes) out.push(`| ${r.name} | ${fmt(r.ratio, 2)}× ${mark(r.ratio <= 2)} | ${fmt(r.growth, 2)}× |`);
}
console.log('\n## Summary (markdown, for the README)\n');
console.log(out.join('\n'));
if (sink === 0.5) console.log(''); // keeps the results alive
