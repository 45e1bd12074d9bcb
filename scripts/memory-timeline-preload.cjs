// Preloaded (`node --require`) into the language server to see what its memory is made of over a
// session: every 25 ms (when the event loop is free) process.memoryUsage() and V8's heap spaces,
// and every garbage collection; written as JSON to $GONGWEN_MEMORY_TIMELINE when the process exits.
// Read by scripts/memory-timeline.mjs.
//   node scripts/bench.mjs --only lsp --lsp-sizes 10 --node-args '--require ./scripts/memory-timeline-preload.cjs'
const { writeFileSync } = require('node:fs');
const { getHeapSpaceStatistics } = require('node:v8');
const { PerformanceObserver, performance } = require('node:perf_hooks');

const file = process.env.GONGWEN_MEMORY_TIMELINE;
if (file) {
  const samples = [];
  const gcs = [];
  const MB = 1 / (1024 * 1024);
  const sample = () => {
    const m = process.memoryUsage();
    const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, +(s.space_size * MB).toFixed(1)]));
    samples.push({ t: Math.round(performance.now()), rss: +(m.rss * MB).toFixed(1), heapTotal: +(m.heapTotal * MB).toFixed(1), heapUsed: +(m.heapUsed * MB).toFixed(1), external: +(m.external * MB).toFixed(1), arrayBuffers: +(m.arrayBuffers * MB).toFixed(1), spaces });
  };
  setInterval(sample, 25).unref();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ t: Math.round(e.startTime), ms: +e.duration.toFixed(1), kind: e.detail?.kind ?? e.kind });
  }).observe({ entryTypes: ['gc'] });
  process.on('exit', () => {
    sample();
    writeFileSync(file, JSON.stringify({ samples, gcs }));
  });
}
