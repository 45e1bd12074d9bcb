// Profiles what docs/performance.md cites, with `node --cpu-prof`, and summarises each profile
// (scripts/profile-summary.mjs):
//   1. the full analysis (analyze + findings) of 10 MB of corpus text as lines, 3 runs;
//   2. the same as one line (line breaks removed);
//   3. the language server (dist/server.js) while a client opens a 10 MB document and types into it
//      (the bench's stdio session).
// Profiles are written to profiles/ (git-ignored). Usage: npm run profile [-- --mb 10 --rounds 3]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const mb = option('mb', '10');
const rounds = option('rounds', '3');
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

for (const shape of ['lines', 'one-line']) {
  const name = `analysis-${mb}mb-${shape}`;
  const { dir, files } = run(name, ['--cpu-prof', `--cpu-prof-dir=${join(root, name)}`], [
    '--only', 'engine', '--contenders', 'analysis', '--sizes', mb, '--shape', shape, '--rounds', rounds,
  ]);
  summarise(`Full analysis, ${mb} MB ${shape === 'lines' ? 'as lines' : 'as one line'} (bench process, warm-up included)`, join(dir, files[0]));
}

{
  // NODE_OPTIONS reaches the server the bench spawns; the server's profile is the one not named by the bench's pid.
  const name = `server-${mb}mb-edits`;
  const dir = join(root, name);
  const { files, benchPid } = run(name, [], ['--only', 'lsp', '--lsp-sizes', mb, '--rounds', rounds], {
    NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}`,
  });
  const server = files.find((f) => !f.includes(`.${benchPid}.`));
  if (!server) throw new Error(`no server profile in ${dir}: ${files.join(', ')}`);
  summarise(`Language server, ${mb} MB document: open, ${rounds} edits with documentSymbol and diagnostics, edit bursts, close`, join(dir, server));
}
