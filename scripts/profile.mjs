// Profiles what docs/performance.md cites, with `node --cpu-prof`, and summarises each profile
// (scripts/profile-summary.mjs):
//   1. the full analysis (analyze + findings) of 10 MB of corpus text as lines, 5 runs;
//   2. the same as one line (line breaks removed);
//   3. the "short lines" (0.25 MB), "headings" and "long placeholders" (1 MB) input shapes, each beside the corpus;
//   4. the language server (dist/server.js) while a client opens a 10 MB document and types into it
//      (the bench's stdio session).
// Profiles are written to profiles/ (git-ignored).
// Usage: npm run profile [-- --mb 10 --rounds 5 --interval 250 --parts analysis,shapes,server]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const mb = option('mb', '10');
const rounds = option('rounds', '5');
const interval = option('interval', '250'); // µs between samples
const root = resolve('profiles');

function run(name, nodeArgs, benchArgs, env = {}) {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = spawnSync(process.execPath, [...nodeArgs, 'scripts/bench.mjs', ...benchArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${name}: bench exited with ${result.status}`);
  return { dir, benchPid: result.pid, files: readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) };
}

function summarise(title, path) {
  console.log(`\n## ${title}\n\nprofile: ${path}\n`);
  const out = spawnSync(process.execPath, ['scripts/profile-summary.mjs', path], { encoding: 'utf8' });
  process.stdout.write(out.stdout + out.stderr);
}

const parts = new Set((option('parts', 'analysis,shapes,server') ?? '').split(','));

for (const shape of parts.has('analysis') ? ['lines', 'one-line'] : []) {
  const name = `analysis-${mb}mb-${shape}`;
  const { dir, files } = run(name, ['--cpu-prof', `--cpu-prof-interval=${interval}`, `--cpu-prof-dir=${join(root, name)}`], [
    '--only', 'engine', '--contenders', 'analysis', '--sizes', mb, '--shape', shape, '--rounds', rounds,
  ]);
  summarise(`Full analysis, ${mb} MB ${shape === 'lines' ? 'as lines' : 'as one line'} (bench process, warm-up included)`, join(dir, files[0]));
}

// The input shapes that cost most per MB; short lines at 0.25 MB, since their time grows with the square of the size.
for (const [shape, size] of parts.has('shapes') ? [['short lines', '0.25'], ['headings', '1'], ['long placeholders', '1']] : []) {
  const name = `shape-${shape.replace(' ', '-')}`;
  const { dir, files } = run(name, ['--cpu-prof', `--cpu-prof-interval=${interval}`, `--cpu-prof-dir=${join(root, name)}`], [
    '--only', 'shapes', '--shapes', shape, '--shape-sizes', size, '--rounds', rounds,
  ]);
  summarise(`Full analysis, ${size} MB of the "${shape}" shape beside ${size} MB of the corpus (bench process)`, join(dir, files[0]));
}

if (parts.has('server')) {
  // Node 20 refuses --cpu-prof in NODE_OPTIONS; the server the bench spawns inherits a preload that
  // starts the profiler through the inspector instead (scripts/cpu-profile-preload.cjs).
  const name = `server-${mb}mb-edits`;
  const dir = join(root, name);
  const { files } = run(name, [], ['--only', 'lsp', '--lsp-sizes', mb, '--rounds', rounds], {
    NODE_OPTIONS: `--require ${resolve('scripts/cpu-profile-preload.cjs')}`,
    GONGWEN_CPU_PROFILE_DIR: dir,
    GONGWEN_CPU_PROFILE_INTERVAL: interval,
  });
  // The bench process is profiled too (it inherits NODE_OPTIONS); the server's profile is the one
  // whose samples include analyze.
  const server = files.find((f) => readFileSync(join(dir, f), 'utf8').includes('"analyze"'));
  if (!server) throw new Error(`no server profile in ${dir}: ${files.join(', ')}`);
  summarise(`Language server, ${mb} MB document: open, ${rounds} edits with documentSymbol and diagnostics, edit bursts, close`, join(dir, server));
}
