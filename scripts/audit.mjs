// The findings audit: per rule, findings on ../shared/corpus, how many carry a reader's label, and
// the precision that follows; then what each document shows by severity. Exits 1 when a target is
// missed (see test/audit/audit.ts).
//
// Usage: npm run audit [-- --docs] [-- --todo RULE]
//   --docs       per-document counts by severity and rule
//   --todo RULE  every unlabelled finding of RULE (or `all`) as label-file lines to fill in
//   --stale      labels whose finding the engine no longer makes
import { importTs } from './lib/import-ts.mjs';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

if (!existsSync(resolve('../shared/corpus'))) {
  console.log('no corpus at ../shared/corpus: nothing to audit');
  process.exit(0);
}
const { runAudit, MIN_PRECISION } = await importTs('audit', ['test/audit/audit.ts'], { dirname: 'test/audit' });

const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] ?? '' : undefined; };
const result = runAudit();
const pct = (x) => `${(x * 100).toFixed(1)}%`;

if (arg('--todo') !== undefined) {
  const rule = arg('--todo');
  for (const f of result.findings) {
    if (f.label || (rule !== 'all' && f.rule !== rule)) continue;
    console.log(`${f.rule}\t${JSON.stringify(f.key)}\t${f.severity}\t${f.message}\n\t«${f.context}»`);
  }
  process.exit(0);
}
if (process.argv.includes('--stale')) {
  for (const r of result.rules) for (const k of r.stale) console.log(`${r.rule}\t${k}`);
  process.exit(0);
}
if (process.argv.includes('--docs')) {
  console.log('document'.padEnd(58), 'chars'.padStart(7), 'error warning  info  hint', '  by rule');
  for (const d of result.documents) {
    const s = d.bySeverity;
    console.log(d.file.padEnd(58), String(d.chars).padStart(7), String(s.error).padStart(5), String(s.warning).padStart(7), String(s.info).padStart(5), String(s.hint).padStart(5), ' ', Object.entries(d.byRule).map(([r, n]) => `${r}:${n}`).join(' '));
  }
  console.log();
}
console.log('rule'.padEnd(24), 'findings labelled  right  wrong  debatable  precision  stale');
for (const r of result.rules) {
  console.log(r.rule.padEnd(24), String(r.findings).padStart(8), String(r.labelled).padStart(8), String(r.right).padStart(6), String(r.wrong).padStart(6), String(r.debatable).padStart(10), (r.labelled ? pct(r.precision) : '—').padStart(10), String(r.stale.length).padStart(6));
}
const all = result.rules.reduce((a, r) => ({ f: a.f + r.findings, l: a.l + r.labelled, ok: a.ok + r.right }), { f: 0, l: 0, ok: 0 });
console.log('total'.padEnd(24), String(all.f).padStart(8), String(all.l).padStart(8), String(all.ok).padStart(6));
if (result.failures.length) {
  console.log(`\ntargets missed (precision ≥ ${pct(MIN_PRECISION)}, every finding labelled, nothing at info+ on national reports, ≤ 1 finding per 200 characters per rule on finished reports):`);
  for (const f of result.failures.slice(0, 40)) console.log(`  - ${f}`);
  if (result.failures.length > 40) console.log(`  … and ${result.failures.length - 40} more`);
  process.exit(1);
}
console.log('\nall targets met');
