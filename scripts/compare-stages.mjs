// Compares what some stages of a full analysis cost in this checkout and in another one (e.g. the
// base commit, checked out beside it), measured in one process, alternating round by round: CPU
// ms of each stage on N MB of corpus text as lines and as one line, median of the rounds.
// Stages: `placeholders` (findPlaceholders), `residue` (web-residue's lines and blocks, residueOf),
// and any rule id (the rule alone through runRules, on a model whose placeholders are found).
// With `--edit`, also what each stage costs on a one-character edit in the middle of the text,
// analysed from the first analysis's memo (as the server does; `npm run bench:stages` times the same
// by the wall clock): the model, placeholders, each rule, all on CPU time.
// Usage: node scripts/compare-stages.mjs --base ../base-checkout [--mb 10] [--rounds 7]
//        [--stages placeholders,residue,halfwidth-punctuation,placeholder] [--edit]
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusTexts } from './lib/corpus-texts.mjs';
import { BUNDLES } from './lib/import-ts.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const base = option('base', undefined);
if (!base) throw new Error('--base <another checkout> is required');
const mb = Number(option('mb', '10'));
const rounds = Number(option('rounds', '7'));
const stages = option('stages', 'placeholders,residue,halfwidth-punctuation,placeholder').split(',');

const engines = {};
for (const [name, root] of [['base', resolve(base)], ['this', resolve('.')]]) {
  const outfile = `${BUNDLES}/compare-${name}.mjs`;
  const modules = ['server/src/engine/index.ts', 'server/src/engine/rules/web-residue.ts', 'server/src/engine/pipeline/07-placeholders.ts'];
  await build({
    stdin: { contents: modules.map((m) => `export * from ${JSON.stringify(resolve(root, m))};`).join('\n'), resolveDir: root, loader: 'ts' },
    loader: { '.code-snippets': 'json' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
  });
  engines[name] = await import(pathToFileURL(outfile).href);
}

const seed = corpusTexts().texts.join('\n');
const cpu = (fn) => {
  const c = process.cpuUsage();
  fn();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`${mb} MB of corpus text, CPU ms, median of ${rounds} rounds (base: ${base})\n`);
console.log('| stage | shape | base | this |\n| --- | --- | --- | --- |');
for (const shape of ['lines', 'one line']) {
  const unit = shape === 'lines' ? seed + '\n' : seed.replace(/\r\n|\r|\n/g, '');
  const text = unit.repeat(Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(unit)));
  for (const stage of stages) {
    const samples = { base: [], this: [] };
    const models = {};
    for (const [name, e] of Object.entries(engines)) {
      models[name] = e.buildReportModel(text);
      void models[name].placeholders;
    }
    for (let r = 0; r < rounds; r++) {
      for (const name of r % 2 ? ['base', 'this'] : ['this', 'base']) {
        const e = engines[name];
        if (stage === 'placeholders') samples[name].push(cpu(() => e.findPlaceholders(text)));
        else if (stage === 'residue') {
          const model = e.buildReportModel(text);
          samples[name].push(cpu(() => e.residueOf(model)));
        } else {
          const rules = e.RULES.filter((rule) => rule.id === stage);
          samples[name].push(cpu(() => e.runRules(models[name], e.defaultSettings(), rules)));
        }
      }
    }
    console.log(`| ${stage} | ${shape} | ${median(samples.base).toFixed(1)} | ${median(samples.this).toFixed(1)} |`);
  }
}

if (argv.includes('--edit')) {
  const text = (seed + '\n').repeat(Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(seed + '\n')));
  const samples = {};
  const record = (name, stage, ms) => ((samples[stage] ??= { base: [], this: [] })[name].push(ms));
  for (let r = 0; r < rounds; r++) {
    for (const name of r % 2 ? ['base', 'this'] : ['this', 'base']) {
      const e = engines[name];
      const settings = e.defaultSettings();
      const first = e.analyze(text, settings);
      void first.findings;
      const at = Math.floor(text.length / 2) + r;
      const edited = text.slice(0, at) + '字' + text.slice(at);
      let next;
      let total = 0;
      const stage = (key, fn) => {
        const ms = cpu(fn);
        total += ms;
        record(name, key, ms);
      };
      stage('model', () => (next = e.analyze(edited, settings, e.memoOf(first.model))));
      stage('placeholders', () => void next.model.placeholders);
      for (const rule of e.RULES) stage(`rule ${rule.id}`, () => e.runRules(next.model, settings, [rule]));
      // Garbage made in one stage is collected in a later one: the total is the figure to trust.
      record(name, 'total (every stage of the edit)', total);
    }
  }
  console.log(`\nA one-character edit at ${mb} MB as lines, analysed from the memo: CPU ms, median of ${rounds} rounds\n`);
  console.log('| stage | base | this |\n| --- | --- | --- |');
  for (const [stage, xs] of Object.entries(samples)) console.log(`| ${stage} | ${median(xs.base).toFixed(1)} | ${median(xs.this).toFixed(1)} |`);
}
