// What `gongwen check` shows by default on each corpus report, against everything it finds: the
// built CLI (dist/cli.js) is run once with --severity hint and once with the default (warnings and
// errors). Usage: npm run build && node scripts/cli-default-view.mjs [folder]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const corpus = resolve(process.argv[2] ?? '../shared/corpus');
if (!existsSync(corpus)) {
  console.log(`no corpus at ${corpus}: nothing to count`);
  process.exit(0);
}
const cli = resolve('dist/cli.js');
const check = (...args) => {
  const r = spawnSync(process.execPath, [cli, 'check', '--json', '--exit-zero', ...args, corpus], { encoding: 'utf8', maxBuffer: 1 << 28, cwd: corpus });
  return JSON.parse(r.stdout);
};
const all = new Map(check('--severity', 'hint').map((f) => [f.file, f.problems.length]));
const shown = check();
let totalAll = 0;
let totalShown = 0;
console.log('| report | all findings | shown by default | hidden (info/hint) |\n|---|---:|---:|---:|');
for (const f of shown) {
  const n = all.get(f.file) ?? 0;
  totalAll += n;
  totalShown += f.problems.length;
  console.log(`| ${f.file} | ${n} | ${f.problems.length} | ${f.hidden} |`);
}
console.log(`| **total (${shown.length} reports)** | ${totalAll} | ${totalShown} | ${totalAll - totalShown} |`);
