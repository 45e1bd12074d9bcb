// Where one keystroke's analysis goes, stage by stage (issue 11): a full analysis of N MB of corpus
// text, then a one-character edit in the middle analysed from the first one's memo (what the server
// does), timed per stage: the model, the outline and its JSON, placeholders, each rule.
// Usage: node scripts/stages.mjs [--mb 10] [--rounds 5] [--shape lines|one-line]
// Prints the median ms of each stage over the rounds (the first round warms the JIT and is dropped).
import { corpusTexts } from './lib/corpus-texts.mjs';
import { importTs } from './lib/import-ts.mjs';
import { option as optionOf } from './lib/shapes.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => optionOf(argv, name, fallback);
const mb = Number(option('mb', '10'));
const rounds = Number(option('rounds', '5'));
const shape = option('shape', 'lines');

const engine = await importTs('engine-stages', ['server/src/engine/index.ts']);

let seed = corpusTexts().texts.join('\n');
if (shape === 'one-line') seed = seed.replace(/\r\n|\r|\n/g, '');
let text = '';
while (Buffer.byteLength(text) < mb * 1024 * 1024) text += seed + (shape === 'one-line' ? '' : '\n');

const settings = engine.defaultSettings();
const samples = new Map();
const record = (name, ms) => samples.set(name, [...(samples.get(name) ?? []), ms]);
for (let round = 0; round <= rounds; round++) {
  const keep = round > 0;
  let t = performance.now();
  const lap = (name) => {
    const now = performance.now();
    if (keep) record(name, now - t);
    t = now;
  };
  const first = engine.analyze(text, settings);
  void first.findings;
  lap('full analysis (no memo)');
  const at = Math.floor(text.length / 2) + round;
  const edited = text.slice(0, at) + '字' + text.slice(at);
  t = performance.now();
  const next = engine.analyze(edited, settings, engine.memoOf(first.model));
  lap('edit: model (lines … heading tree)');
  const outline = engine.outlineOf(next.model, settings.outline.maxItems);
  lap(`edit: outline (${settings.outline.maxItems.toLocaleString('en')} symbols at most, gongwen.outline.maxItems)`);
  JSON.stringify(outline);
  lap('edit: outline as JSON');
  void next.model.placeholders;
  lap('edit: placeholders');
  for (const rule of engine.RULES) {
    engine.runRules(next.model, settings, [rule]);
    lap(`edit: rule ${rule.id}`);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${mb} MB of corpus text ${shape === 'one-line' ? 'as one line' : 'as lines'}, median of ${rounds} rounds (ms):\n`);
console.log('| stage | ms |\n| --- | --- |');
for (const [name, xs] of samples) console.log(`| ${name} | ${median(xs).toFixed(1)} |`);
