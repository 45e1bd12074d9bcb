// CPU ms of each rule in a full analysis (fresh model each round, rules in registry order, so a
// rule that first reads a shared per-model fact pays for it), and of the model, for the corpus as
// lines and the bench's "headings" shape. A quick loop for work on one rule; the bench and
// bench:stages give the figures to report.
// Usage: node scripts/rule-times.mjs [--mb 10] [--rounds 5] [--shape corpus|headings]
import { corpusTexts } from './lib/corpus-texts.mjs';
import { importTs } from './lib/import-ts.mjs';
import { headingsShape, MiB, option as optionOf } from './lib/shapes.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => optionOf(argv, name, fallback);
const mb = Number(option('mb', '10'));
const rounds = Number(option('rounds', '5'));
const shape = option('shape', 'corpus');
/** With `--edit`: each round times the rules on a one-character edit's model, built from the memo of a full analysis. */
const edit = argv.includes('--edit');
const engine = await importTs(`engine-rule-times`, ['server/src/engine/index.ts', 'server/src/engine/rules/web-residue.ts']);
let text;
if (shape === 'headings') text = headingsShape(mb);
else {
  const seed = corpusTexts().texts.join('\n') + '\n';
  text = seed.repeat(Math.ceil((mb * MiB) / Buffer.byteLength(seed)));
}
const settings = engine.defaultSettings();
const cpu = () => process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;
const samples = new Map();
const record = (name, ms) => samples.set(name, [...(samples.get(name) ?? []), ms]);
for (let round = 0; round <= rounds; round++) {
  let t;
  let model;
  if (edit) {
    const first = engine.analyze(text, settings);
    void first.findings;
    const at = Math.floor(text.length / 2) + round;
    t = cpu();
    model = engine.analyze(text.slice(0, at) + '字' + text.slice(at), settings, engine.memoOf(first.model)).model;
  } else {
    t = cpu();
    model = engine.buildReportModel(text);
  }
  void model.placeholders;
  if (round) record('model', cpu() - t);
  // The web residue is read by the numbering scope and by its own rule: timed apart, first.
  t = cpu();
  engine.residueOf(model);
  if (round) record('(web residue, shared)', cpu() - t);
  let total = 0;
  for (const rule of engine.RULES) {
    t = cpu();
    engine.runRules(model, settings, [rule]);
    const ms = cpu() - t;
    total += ms;
    if (round) record(rule.id, ms);
  }
  if (round) record('rules total', total);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${mb} MB ${shape}${edit ? ', one-character edit from the memo' : ''}, CPU ms, median (min) of ${rounds}`);
// The minimum too: a collection of the garbage of earlier stages lands in whichever stage runs then.
for (const [name, xs] of samples) console.log(`${name.padEnd(24)} ${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)})`);
