// Counts the diagnostics each rule raises across ../shared/corpus, per folder, with a sample of
// each rule's findings to check by hand. Usage: npm run corpus:rules [-- --samples N]
import { importTs } from './lib/import-ts.mjs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const corpus = resolve('../shared/corpus');
if (!existsSync(corpus)) {
  console.log('no corpus at ../shared/corpus: nothing to count');
  process.exit(0);
}
const engine = await importTs('engine', ['server/src/engine/index.ts']);

const samplesArg = process.argv.indexOf('--samples');
const samples = samplesArg > 0 ? Number(process.argv[samplesArg + 1]) : 0;
const folders = readdirSync(corpus).filter((f) => !f.startsWith('.')).sort();
const counts = {};
const examples = {};
for (const folder of folders) {
  for (const file of readdirSync(join(corpus, folder)).sort()) {
    const text = readFileSync(join(corpus, folder, file), 'utf8');
    const { findings, model } = engine.analyze(text, engine.defaultSettings());
    for (const f of findings) {
      counts[f.ruleId] ??= Object.fromEntries(folders.map((d) => [d, 0]));
      counts[f.ruleId][folder]++;
      (examples[f.ruleId] ??= []).push(`${folder}/${file}:${model.lines.positionAt(f.start).line + 1} ${f.severity} ${f.message.en} «${text.slice(Math.max(0, f.start - 8), f.end + 8).replace(/\s+/g, ' ')}»`);
    }
  }
}
console.log(['rule'.padEnd(24), ...folders.map((f) => f.padStart(10)), 'total'.padStart(8)].join(''));
for (const rule of engine.RULES) {
  const row = counts[rule.id] ?? Object.fromEntries(folders.map((d) => [d, 0]));
  const total = Object.values(row).reduce((a, b) => a + b, 0);
  console.log([rule.id.padEnd(24), ...folders.map((f) => String(row[f]).padStart(10)), String(total).padStart(8)].join(''));
}
if (samples > 0) {
  for (const [rule, list] of Object.entries(examples)) {
    console.log(`\n${rule}: ${samples} of ${list.length}, evenly spread`);
    const step = Math.max(1, Math.floor(list.length / samples));
    for (let i = 0; i < list.length && i / step < samples; i += step) console.log(`  ${list[i]}`);
  }
}
