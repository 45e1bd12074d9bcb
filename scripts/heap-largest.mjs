// The largest objects in a V8 heap snapshot and what holds each of them (a few retainer steps up),
// to find what keeps a closed document's text alive.
// Usage: node scripts/heap-largest.mjs FILE.heapsnapshot [--top 15] [--depth 6]
// A server writes one on `kill -USR2 <pid>` when started with `node --heapsnapshot-signal=SIGUSR2`
// (`node scripts/bench.mjs --only lsp --node-args '--heapsnapshot-signal=SIGUSR2'`, or by hand).
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const num = (name, fallback) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : fallback);
const top = num('top', 15);
const depth = num('depth', 6);
const snap = JSON.parse(readFileSync(argv[0], 'utf8'));
const { node_fields: nf, edge_fields: ef, node_types: [nodeTypes], edge_types: [edgeTypes] } = snap.snapshot.meta;
const N = nf.length;
const E = ef.length;
const { nodes, edges, strings } = snap;
const count = nodes.length / N;
const iType = nf.indexOf('type');
const iName = nf.indexOf('name');
const iSize = nf.indexOf('self_size');
const iEdges = nf.indexOf('edge_count');
const eType = ef.indexOf('type');
const eName = ef.indexOf('name_or_index');
const eTo = ef.indexOf('to_node');

// Retainers: for every node, the edges that point at it.
const firstEdge = new Uint32Array(count + 1);
for (let i = 0, e = 0; i < count; i++) {
  firstEdge[i] = e;
  e += nodes[i * N + iEdges] * E;
}
firstEdge[count] = edges.length;
const retainedBy = new Map();
for (let i = 0; i < count; i++) {
  for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += E) {
    const to = edges[e + eTo] / N;
    const kind = edgeTypes[edges[e + eType]];
    if (kind === 'weak') continue;
    const name = kind === 'element' || kind === 'hidden' ? `[${edges[e + eName]}]` : strings[edges[e + eName]];
    let list = retainedBy.get(to);
    if (!list) retainedBy.set(to, (list = []));
    if (list.length < 4) list.push({ from: i, edge: `${kind}:${name}` });
  }
}
const describe = (i) => {
  const type = nodeTypes[nodes[i * N + iType]];
  let name = strings[nodes[i * N + iName]] ?? '';
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = JSON.stringify(name.slice(0, 30));
  return `${type} ${name.slice(0, 60)} (${(nodes[i * N + iSize] / 1048576).toFixed(2)} MB)`;
};
const order = [...Array(count).keys()].sort((a, b) => nodes[b * N + iSize] - nodes[a * N + iSize]).slice(0, top);
let total = 0;
for (let i = 0; i < count; i++) total += nodes[i * N + iSize];
console.log(`${count} objects, ${(total / 1048576).toFixed(1)} MB in all`);
for (const i of order) {
  console.log(describe(i));
  // One chain of retainers, preferring strong named edges.
  let at = i;
  const seen = new Set([at]);
  for (let d = 0; d < depth; d++) {
    const list = retainedBy.get(at) ?? [];
    const next = list.find((r) => !seen.has(r.from));
    if (!next) break;
    console.log(`${'  '.repeat(d + 1)}← ${next.edge} of ${describe(next.from)}`);
    seen.add(next.from);
    at = next.from;
  }
}

// Self size by kind of object (constructor name for objects, type otherwise), largest first.
const groups = new Map();
for (let i = 0; i < count; i++) {
  const type = nodeTypes[nodes[i * N + iType]];
  const key = type === 'object' || type === 'closure' ? `${type} ${strings[nodes[i * N + iName]]}` : type;
  const g = groups.get(key) ?? { n: 0, bytes: 0 };
  g.n++;
  g.bytes += nodes[i * N + iSize];
  groups.set(key, g);
}
console.log('\n| kind of object | count | MB (self) |\n| --- | --- | --- |');
for (const [key, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) console.log(`| ${key.slice(0, 70)} | ${g.n.toLocaleString('en')} | ${(g.bytes / 1048576).toFixed(1)} |`);
