// Summarises a V8 CPU profile (`node --cpu-prof`) of the engine or the server: where the time goes
// by parse stage and by rule, the top functions by self time (named by their source file), and the
// garbage collector's share. Bundles made by esbuild (dist/server.js, the bench's engine.mjs) keep a
// `// server/src/engine/pipeline/04-headings.ts` comment before each module; that is how bundle lines are
// mapped back to source files.
//
// Usage: node scripts/profile-summary.mjs PROFILE.cpuprofile [--top 25]
//   `npm run profile` (scripts/profile.mjs) makes the profiles that docs/performance.md cites.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [file, ...rest] = process.argv.slice(2);
if (!file) throw new Error('usage: node scripts/profile-summary.mjs PROFILE.cpuprofile [--top N]');
const topN = Number(rest[rest.indexOf('--top') + 1] || 25);
console.log(summarise(JSON.parse(readFileSync(file, 'utf8')), topN));

/** The summary text of one profile. */
export function summarise(profile, topN = 25) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // --- bundle line → source file
  const modulesOf = new Map(); // url → sorted [{ line, source }]
  const sourceOf = (callFrame) => {
    const url = callFrame.url;
    if (!url) return callFrame.functionName.startsWith('(') ? callFrame.functionName : '(native)';
    if (!url.startsWith('file:') && !url.startsWith('/')) return url;
    if (!modulesOf.has(url)) {
      const path = url.startsWith('file:') ? fileURLToPath(url) : url;
      const marks = [];
      if (existsSync(path)) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            const m = /^\/\/ ((?:server|client|node_modules)\/\S+)$/.exec(line);
            if (m) marks.push({ line: i, source: m[1].replace(/^node_modules\//, '') });
          });
      }
      modulesOf.set(url, marks);
    }
    const marks = modulesOf.get(url);
    let found;
    for (const m of marks) {
      if (m.line <= callFrame.lineNumber) found = m.source;
      else break;
    }
    return found ?? url.split('/').slice(-2).join('/');
  };
  const label = (n) => `${n.callFrame.functionName || '(anonymous)'} (${sourceOf(n.callFrame).replace(/^server\/src\//, '')})`;

  // --- time per node from samples
  const selfTime = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    selfTime.set(id, (selfTime.get(id) ?? 0) + dt);
    total += dt;
  });
  const stackOf = (id) => {
    const out = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) out.push(nodes.get(cur));
    return out; // innermost first
  };

  const bySelf = new Map();
  const byFile = new Map();
  const inclusive = new Map();
  const stages = new Map();
  let idle = 0;
  let gc = 0;
  for (const [id, t] of selfTime) {
    const n = nodes.get(id);
    const name = n.callFrame.functionName;
    if (name === '(idle)') idle += t;
    if (name === '(garbage collector)') gc += t;
    bySelf.set(label(n), (bySelf.get(label(n)) ?? 0) + t);
    const src = sourceOf(n.callFrame);
    byFile.set(src, (byFile.get(src) ?? 0) + t);
    const stack = stackOf(id);
    for (const key of new Set(stack.map(label))) inclusive.set(key, (inclusive.get(key) ?? 0) + t);
    const stage = stageOf(stack, sourceOf);
    if (stage) stages.set(stage, (stages.get(stage) ?? 0) + t);
  }
  const busy = total - idle;
  const analysis = [...stages].filter(([k]) => !k.startsWith('outside analysis')).reduce((sum, [, t]) => sum + t, 0);
  const ms = (t) => `${(t / 1000).toFixed(0)} ms`;
  const share = (t, of) => `${((100 * t) / of).toFixed(1)}%`;
  const rows = (map, n, of = busy) =>
    [...map]
      .filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(root)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, t]) => `| ${k} | ${ms(t)} | ${share(t, of)} |`);
  const out = [];
  out.push(
    `busy ${ms(busy)} (idle ${ms(idle)} not counted); analysis (under analyze/buildReportModel/runRules) ${ms(analysis)}; ` +
      `garbage collector ${ms(gc)} = ${share(gc, busy)} of busy time, ${share(gc, analysis + gc)} of analysis + GC`,
  );
  // Work outside the analysis is listed only where it weighs something (the bench's module loading does not).
  const withGc = new Map([...stages, ['(garbage collector, whole process)', gc]].filter(([k, t]) => !k.startsWith('outside analysis') || t >= 0.01 * (analysis + gc)));
  out.push('', '### Time by stage (the step of buildReportModel or runRules a sample is under; share of analysis + GC)', '', '| stage | time | share |', '| --- | --- | --- |', ...rows(withGc, 40, analysis + gc));
  out.push('', `### Top ${topN} functions by self time (share of busy time)`, '', '| function (source file) | self | share |', '| --- | --- | --- |', ...rows(bySelf, topN));
  out.push('', '### Self time by source file', '', '| file | self | share |', '| --- | --- | --- |', ...rows(byFile, 20));
  out.push('', `### Top ${topN} functions by inclusive time`, '', '| function (source file) | inclusive | share |', '| --- | --- | --- |', ...rows(inclusive, topN));
  return out.join('\n');
}

/**
 * The stage a sample belongs to: the frame called by `buildReportModel` (its parse steps: the line
 * index, paragraphs, title, headings, placeholders, …) or by `runRules` (a rule's `check`, named by
 * its file), or `analyze` / server work outside both. GC samples have no stage.
 */
function stageOf(stack, sourceOf) {
  // When V8 inlined runRules into analyze's `rate`, the rules hang under `rate` instead.
  const driver = stack.some((n) => n.callFrame.functionName === 'runRules') ? 'runRules' : 'rate';
  for (let i = stack.length - 1; i > 0; i--) {
    const frame = stack[i].callFrame;
    const callee = stack[i - 1].callFrame;
    if (frame.functionName === 'buildReportModel') return `parse: ${callee.functionName || '(anonymous)'}`;
    if (frame.functionName === driver) {
      const src = sourceOf(callee);
      const rule = /rules\/([\w-]+)\.ts$/.exec(src);
      return rule ? `rule: ${rule[1]}` : `runRules: ${callee.functionName || '(anonymous)'} (${sourceOf(callee).replace(/^server\/src\//, '')})`;
    }
  }
  const top = stack.find((n) => ['buildReportModel', 'runRules', 'rate'].includes(n.callFrame.functionName));
  if (top) return `${top.callFrame.functionName === 'rate' ? 'runRules' : top.callFrame.functionName} (own code)`;
  const analyze = stack.find((n) => n.callFrame.functionName === 'analyze');
  if (analyze) return 'analyze (own code)';
  if (stack[0].callFrame.functionName.startsWith('(')) return undefined; // GC, idle, program
  // Work outside the analysis (the server's conversions, JSON-RPC, edits): the innermost frame in our
  // code or a package names it.
  const ours = stack.find((n) => /^(server|client)\//.test(sourceOf(n.callFrame)) || /^vscode-/.test(sourceOf(n.callFrame)));
  const at = ours ?? stack[0];
  return `outside analysis: ${at.callFrame.functionName || '(anonymous)'} (${sourceOf(at.callFrame).replace(/^server\/src\//, '')})`;
}
