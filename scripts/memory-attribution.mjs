// What the language server's heap holds for one open document, by owner, and what an analysis
// allocates while it runs (issue 11: peak RSS with a 10 MB document open under idle + 150 MB).
//
// Usage: node --expose-gc scripts/memory-attribution.mjs [--mb 10]
//
// Retained sizes are measured by keeping one thing alone: build the analysis, keep only (say)
// `model.paragraphs`, drop the rest, collect fully, and read `heapUsed` against the same state
// without it. Things that share objects (a heading's paragraph, the text every part points at) are
// counted in each owner that keeps them, so the rows do not add up to the whole analysis; the
// "whole" rows are measured the same way. The text itself is held by the baseline, as the
// document holds it.
import { corpusTexts } from './lib/corpus-texts.mjs';
import { importTs } from './lib/import-ts.mjs';

const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with node --expose-gc');
const argv = process.argv.slice(2);
const mb = Number(argv[argv.indexOf('--mb') + 1] ?? 10) || 10;

const engine = await importTs('engine', ['server/src/engine/index.ts']);
const { TextDocument } = await import('vscode-languageserver-textdocument');
const settings = engine.defaultSettings();

const MiB = 1024 * 1024;
const seed = corpusTexts().texts.join('\n') + '\n';
const text = seed.repeat(Math.max(1, Math.ceil((mb * MiB) / Buffer.byteLength(seed))));
const utf8 = Buffer.byteLength(text);

/** heapUsed after two full collections, in bytes. */
function heap() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
const fmtMB = (bytes) => (bytes / MiB).toFixed(1);

/** The text after one edit in the middle (a new string, as `TextDocument.update` makes). */
function edited(t) {
  const at = Math.floor(t.length / 2);
  const next = t.slice(0, at) + '字' + t.slice(at);
  next.charCodeAt(next.length >> 1); // flattened, as the engine's first indexed read would
  return next;
}

const rows = [];
/** Retained bytes of what `make` returns, against the heap before it was made. */
function retained(label, make, count) {
  const before = heap();
  let held = make();
  const bytes = heap() - before;
  rows.push({ label, bytes, count });
  held = undefined;
  return bytes;
}

const base = heap();
console.log(`text: ${fmtMB(utf8)} MiB UTF-8, ${text.length.toLocaleString('en')} UTF-16 units; heapUsed with it ${fmtMB(base)} MB`);

// The document as the server holds it.
retained('TextDocument (its line offsets, once positions are asked)', () => {
  const doc = TextDocument.create('file:///a.gongwen', 'gongwen', 1, text);
  doc.positionAt(text.length);
  return doc;
});
retained('a second copy of the text (an edited version)', () => edited(text));

// One full analysis, with its findings read.
const full = () => {
  const a = engine.analyze(text, settings);
  void a.findings;
  return a;
};
let probe = full();
const counts = {
  lines: probe.model.lines.lineCount,
  paragraphs: probe.model.paragraphs.length,
  headings: probe.model.headings.length,
  placeholders: probe.model.placeholders.length,
  findings: probe.findings.length,
  fixes: probe.findings.reduce((n, f) => n + (f.fixes?.length ?? 0), 0),
};
probe = undefined;
console.log('counts:', counts);

retained('whole analysis, findings read (+ its memo)', () => full());
retained('whole analysis, model only, placeholders read (+ memo)', () => {
  const a = engine.analyze(text, settings);
  void a.model.placeholders;
  return a;
});
retained('model.lines (line starts)', () => full().model.lines, counts.lines);
retained('model.paragraphs', () => full().model.paragraphs, counts.paragraphs);
retained('model.headings (tree, markers, labels)', () => full().model.headings, counts.headings);
retained('model.placeholders', () => full().model.placeholders, counts.placeholders);
retained('findings (with fixes)', () => full().findings, counts.findings);
retained('memo of the analysis (memoOf(model))', () => engine.memoOf(full().model));
retained('memo after an edit (model only, as documentSymbol leaves it)', () => {
  const first = full();
  const memo = engine.memoOf(first.model);
  const next = engine.analyze(edited(text), settings, memo);
  void next.model.placeholders;
  return engine.memoOf(next.model);
});

// The memo's entries one by one (its private map, read here to measure it), and the findings by rule.
{
  const keys = [...engine.memoOf(full().model).own.keys()];
  for (const key of keys) {
    retained(`memo entry "${key}"`, () => engine.memoOf(full().model).own.get(key).value);
  }
  const byRule = new Map();
  for (const f of full().findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  for (const [rule, n] of byRule) retained(`findings of ${rule}`, () => full().findings.filter((f) => f.ruleId === rule), n);
}

console.log('\n| held alone | MB | count | bytes each |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.label} | ${fmtMB(r.bytes)} | ${r.count?.toLocaleString('en') ?? ''} | ${r.count ? Math.round(r.bytes / r.count) : ''} |`);

// What an analysis allocates while it runs: the heap's growth between collections.
const { getHeapStatistics } = await import('node:v8');
function inFlight(label, run) {
  gc();
  const start = process.memoryUsage();
  let peakUsed = 0;
  let peakTotal = 0;
  const steps = run();
  for (;;) {
    const s = steps.next();
    const h = getHeapStatistics();
    peakUsed = Math.max(peakUsed, h.used_heap_size);
    peakTotal = Math.max(peakTotal, h.total_heap_size);
    if (s.done) break;
  }
  const end = process.memoryUsage();
  console.log(`${label}: heapUsed ${fmtMB(start.heapUsed)} → peak ${fmtMB(peakUsed)} (heapTotal peak ${fmtMB(peakTotal)}), at end ${fmtMB(end.heapUsed)} MB, retained after GC ${fmtMB(heap() - start.heapUsed)} MB`);
}
console.log('\nIn flight (steps of analyzeInSteps, then the rules one by one):');
inFlight('first analysis, no memo', function* () {
  const a = yield* engine.analyzeInSteps(text, settings);
  yield* a.rateInSteps();
  globalThis.kept = a;
});
const memo = engine.memoOf(globalThis.kept.model);
inFlight('analysis of an edit, with the memo, the old analysis still held', function* () {
  const a = yield* engine.analyzeInSteps(edited(text), settings, memo);
  yield* a.rateInSteps();
  globalThis.kept2 = a;
});

// Typing in several places, one analysis per version with its findings, each from the last one's
// memo (as the server does): does the live heap stay flat, or does each place edited keep a text?
console.log('\nLive heap while editing in different places (each version analysed from the previous memo, findings read):');
globalThis.kept = globalThis.kept2 = undefined;
{
  let current = text;
  let analysis = engine.analyze(current, settings);
  void analysis.findings;
  const start = heap();
  const places = 8;
  const line = [];
  for (let k = 1; k <= places; k++) {
    // Each edit lands in another part of the text: a character typed at the start of a paragraph.
    let at = current.indexOf('\n', Math.floor((current.length * k) / (places + 1))) + 1;
    current = current.slice(0, at) + '字' + current.slice(at);
    current.charCodeAt(0);
    const memoNow = engine.memoOf(analysis.model);
    analysis = undefined;
    analysis = engine.analyze(current, settings, memoNow);
    void analysis.findings;
    line.push(`${k}: +${fmtMB(heap() - start)}`);
  }
  console.log(`heapUsed above the first version's, after each edit (MB): ${line.join(', ')}`);
  globalThis.kept = analysis;
}
if (argv.includes('--snapshot')) {
  // For `node scripts/heap-largest.mjs FILE`: which objects keep the earlier texts.
  const { writeHeapSnapshot } = await import('node:v8');
  console.log(`heap snapshot: ${writeHeapSnapshot(argv[argv.indexOf('--snapshot') + 1])}`);
}
