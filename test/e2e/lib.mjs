// Shared by the drivers (run-code-server.mjs, run-electron.mjs).
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as os from 'node:os';
import { fileURLToPath } from 'node:url';

export const e2eDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(e2eDir, '..', '..');
// GONGWEN_E2E_CORPUS overrides (e.g. to check that a missing corpus gives skipped tests).
export const defaultCorpusDir = process.env.GONGWEN_E2E_CORPUS || path.resolve(repoRoot, '..', 'shared', 'corpus');

export function log(msg) {
  process.stderr.write(`[e2e] ${msg}\n`);
}

/** Reads what scripts/e2e/setup.sh recorded in $GONGWEN_E2E_CACHE/env.sh. */
export function setupEnv() {
  const cache = process.env.GONGWEN_E2E_CACHE || path.join(os.homedir(), '.cache', 'gongwen-e2e');
  const file = path.join(cache, 'env.sh');
  if (!fs.existsSync(file)) throw new Error(`${file} not found: run scripts/e2e/setup.sh first`);
  const env = {};
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/^export (\w+)="(.*)"$/gm)) env[m[1]] = m[2];
  return env;
}

export function readPackageJson() {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A fresh scratch folder (wiped first) under <repo>/.e2e/<name>. */
export function scratch(name) {
  const dir = path.join(repoRoot, '.e2e', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes the suite's configuration into the workspace it will open (see suite/util.ts). */
export function writeSuiteConfig(workspace, { resultsFile, corpusDir = defaultCorpusDir, runPending, filter }) {
  const cfg = { corpusDir, resultsFile };
  if (runPending ?? process.env.GONGWEN_E2E_RUN_PENDING === '1') cfg.runPending = true;
  if (filter ?? process.env.GONGWEN_E2E_FILTER) cfg.filter = filter ?? process.env.GONGWEN_E2E_FILTER;
  fs.writeFileSync(path.join(workspace, '.e2e-config.json'), JSON.stringify(cfg, null, 2));
  if (!fs.existsSync(corpusDir)) log(`corpus not found at ${corpusDir}: the tests that need it will be skipped`);
}

export function readResults(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Prints the per-test lines and the summary line; returns the exit code. */
export function report(results, label = 'e2e') {
  if (!results) {
    console.log(`${label}: no results: the suite never reported (see the logs above)`);
    console.log(`${label}: 0 passed, 1 failed, 0 skipped`);
    return 1;
  }
  for (const t of results.tests ?? []) {
    const mark = t.status === 'passed' ? 'ok  ' : t.status === 'failed' ? 'FAIL' : 'skip';
    const extra = t.status === 'skipped' ? `  (${t.reason})` : t.status === 'passed' ? `  ${t.durationMs} ms` : '';
    console.log(`${mark} ${t.file} › ${t.name}${extra}`);
    if (t.status === 'failed') console.log(String(t.error).replace(/^/gm, '       '));
  }
  if (results.error) console.log(`suite error: ${results.error}`);
  console.log(`${label}: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
  return results.failed > 0 ? 1 : 0;
}
