// Summarises a timeline written by scripts/memory-timeline-preload.cjs: the sample at peak RSS
// (what the RSS was made of then), and the garbage collections by kind.
// Usage: node scripts/memory-timeline.mjs FILE.json
import { readFileSync } from 'node:fs';

const { samples, gcs } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const peak = samples.reduce((a, b) => (b.rss > a.rss ? b : a));
const first = samples[0];
console.log('first sample:', JSON.stringify(first));
console.log('peak RSS sample:', JSON.stringify(peak));
const maxOf = (key) => Math.max(...samples.map((s) => s[key]));
console.log(`max heapTotal ${maxOf('heapTotal')} MB, max heapUsed ${maxOf('heapUsed')} MB, max external ${maxOf('external')} MB, max arrayBuffers ${maxOf('arrayBuffers')} MB`);
const spaceNames = Object.keys(first.spaces);
console.log('max per space:', spaceNames.map((n) => `${n} ${Math.max(...samples.map((s) => s.spaces[n]))}`).join(', '));
// 1 scavenge, 2 minor mark-sweep, 4 mark-sweep-compact, 8 incremental, 16 weak callbacks (NODE_PERFORMANCE_GC_*)
const byKind = new Map();
for (const g of gcs) {
  const k = byKind.get(g.kind) ?? { count: 0, ms: 0 };
  k.count++;
  k.ms += g.ms;
  byKind.set(g.kind, k);
}
console.log('GCs by kind (1 scavenge, 4 major, 8 incremental, 16 weak):', JSON.stringify([...byKind].map(([kind, v]) => ({ kind, count: v.count, ms: Math.round(v.ms) }))));
// A coarse timeline: one line per 500 ms.
let next = 0;
for (const s of samples) {
  if (s.t < next) continue;
  next = s.t + 500;
  console.log(`${String(s.t).padStart(6)} ms  rss ${s.rss}  heapTotal ${s.heapTotal}  used ${s.heapUsed}  ext ${s.external}  new ${s.spaces.new_space}  old ${s.spaces.old_space}  lo ${s.spaces.large_object_space}`);
}
